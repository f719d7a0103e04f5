package uk.stepup.app.cli;

/** The exit codes of the spec: 0 ok, 1 failed checks, 2 bad usage or configuration. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {}
}
