package uk.stepup.shared;

/**
 * What a use case tells the person who asked: a plain sentence or two, and whether it worked.
 * Expected problems (not allowed, bad input) are outcomes, not exceptions.
 */
public record Outcome(Kind kind, String message) {

    public enum Kind {
        DONE,
        REFUSED,
        INVALID
    }

    public static Outcome done(String message) {
        return new Outcome(Kind.DONE, message);
    }

    /** Not allowed for this person. */
    public static Outcome refused(String message) {
        return new Outcome(Kind.REFUSED, message);
    }

    /** Something in the request needs fixing; nothing was changed. */
    public static Outcome invalid(String message) {
        return new Outcome(Kind.INVALID, message);
    }

    public boolean ok() {
        return kind == Kind.DONE;
    }

    public static final String COACHES_ONLY =
            "Only coaches can do that. If you are a coach, ask the server owner " + "to give you the coach role.";
}
