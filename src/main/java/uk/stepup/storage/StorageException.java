package uk.stepup.storage;

/** An unexpected database failure (a bug or a broken disk), not a user mistake. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
