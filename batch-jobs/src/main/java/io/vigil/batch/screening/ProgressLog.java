package io.vigil.batch.screening;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs progress every 10 seconds during long runs: records done, records per second and, for a CSV file (whose data
 * lines are counted once), the estimated time left.
 */
final class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);
    private static final long EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final String step;
    private final java.nio.file.Path input;
    private java.util.concurrent.CompletableFuture<Long> estimate;
    private long started;
    private long startItems;
    private long items;
    private long lastLog;

    /** Starts counting at the items a restarted step had already committed. */
    ProgressLog(String step, java.nio.file.Path input, long alreadyCommitted) {
        this.step = step;
        this.input = input;
        this.items = alreadyCommitted;
        this.startItems = alreadyCommitted;
        this.started = System.nanoTime();
        this.lastLog = started;
    }

    /** Called after each chunk is written; logs at most every 10 seconds (each chunk at debug level). */
    void advance(int written) {
        items += written;
        if (log.isDebugEnabled()) {
            log.debug("{}: chunk written, {} records done", step, items);
        }
        long now = System.nanoTime();
        if (now - lastLog < EVERY_NANOS) {
            return;
        }
        lastLog = now;
        double seconds = (now - started) / 1e9;
        double rate = (items - startItems) / Math.max(seconds, 1e-3);
        if (estimate == null) {
            // counted once, off the step's thread (a full read of the file): the first lines say records/s only
            java.nio.file.Path file = input;
            estimate = file == null ? java.util.concurrent.CompletableFuture.completedFuture(-1L)
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> estimateRecords(file));
        }
        long total = estimate.getNow(-1L);
        if (total > items && rate > 0) {
            log.info("{}: {} of about {} records done, {} records/s, about {} s left", step, items, total,
                    Math.round(rate), Math.round((total - items) / rate));
        } else {
            log.info("{}: {} records done, {} records/s", step, items, Math.round(rate));
        }
    }

    /** Data lines of a CSV file (newlines minus the header), or -1 when not a CSV or unreadable. */
    private static long estimateRecords(java.nio.file.Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            boolean first = true;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int k = 0; k < n; k++) {
                    byte b = buffer[k];
                    if (first && !Character.isWhitespace(b)) {
                        if (b == '<') {
                            return -1;
                        }
                        first = false;
                    }
                    if (b == '\n') {
                        lines++;
                    }
                }
            }
            return Math.max(0, lines - 1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
