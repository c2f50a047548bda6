package io.vigil.batch.screening;

/** More input rows were rejected than the configured skip limit allows; the run fails (exit code 3). */
public class SkipLimitExceededException extends RuntimeException {

    public SkipLimitExceededException(String message) {
        super(message);
    }
}
