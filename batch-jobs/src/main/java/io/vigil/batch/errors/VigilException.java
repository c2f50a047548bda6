package io.vigil.batch.errors;

/** A failure a command reports with a clear message and a documented exit code. */
public class VigilException extends RuntimeException {

    private final int exitCode;

    public VigilException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public VigilException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
