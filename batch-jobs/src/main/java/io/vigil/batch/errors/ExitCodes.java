package io.vigil.batch.errors;

/** The process exit codes schedulers rely on (see docs/operations.md). */
public final class ExitCodes {
    /** Completed, with or without hits. */
    public static final int OK = 0;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Bad or missing input, or the skip limit was exceeded. */
    public static final int BAD_INPUT = 3;
    /** The job failed; it can be restarted. */
    public static final int FAILED = 4;
    /** Another run holds the lock. */
    public static final int LOCKED = 5;

    private ExitCodes() {
    }
}
