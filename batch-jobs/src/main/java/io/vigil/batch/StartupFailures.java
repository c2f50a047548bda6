package io.vigil.batch;

import io.vigil.batch.errors.ExitCodes;

/** Turns a failure to start (bad configuration, database held by another process) into a message and exit code. */
final class StartupFailures {

    /** H2's error code for "Database may be already in use". */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private StartupFailures() {
    }

    static int report(Throwable e, LaunchOptions options, java.io.PrintWriter err) {
        org.slf4j.LoggerFactory.getLogger(StartupFailures.class).info("Vigil could not start", e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                err.println("vigil: another Vigil process is using the database in " + options.dataDir()
                        + " (a run holds the lock); try again when it has finished");
                return ExitCodes.LOCKED;
            }
        }
        Throwable root = e;
        java.sql.SQLException database = null;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof java.sql.SQLException sql) {
                database = sql;
            }
        }
        // a database that cannot be reached: the driver's own message names the host and port (never a password),
        // where the socket's root cause says only "Connection refused"
        err.println("vigil: configuration error: " + (database != null ? database.getMessage() : root.getMessage()));
        err.println("vigil: configuration directory " + options.configDir() + ", data directory "
                + options.dataDir());
        return ExitCodes.USAGE;
    }
}
