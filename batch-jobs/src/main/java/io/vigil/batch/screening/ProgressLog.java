package io.vigil.batch.screening;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Logs progress every 10 seconds during long runs: records done, records per second and, for a CSV file (whose data
 * lines are counted once), the estimated time left.
 */
class ProgressLog implements ChunkListener<io.vigil.registry.screen.InputItem, ScreenedItem>,
        org.springframework.batch.core.listener.StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);
    private static final long EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final String step;
    private long total = -2;
    private long started;
    private long startItems = -1;
    private long lastLog;

    ProgressLog(String step) {
        this.step = step;
    }

    /** Data lines of a CSV file (newlines minus the header), or -1 when not a CSV or unreadable. */
    private static long estimateRecords(java.nio.file.Path file) {
        try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            long lines = 0;
            int first = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (first < 0 && !Character.isWhitespace(b)) {
                    first = b;
                    if (b == '<') {
                        return -1;
                    }
                }
                if (b == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private org.springframework.batch.core.step.StepExecution stepExecution;

    @Override
    public void beforeStep(org.springframework.batch.core.step.StepExecution execution) {
        this.stepExecution = execution;
    }

    @Override
    public void afterChunk(org.springframework.batch.infrastructure.item.Chunk<ScreenedItem> chunk) {
        if (stepExecution != null) {
            progress(stepExecution);
        }
    }

    @Override
    public void afterChunk(ChunkContext context) {
        progress(context.getStepContext().getStepExecution());
    }

    private void progress(org.springframework.batch.core.step.StepExecution stepExecution) {
        long now = System.nanoTime();
        long items = stepExecution.getExecutionContext().getLong(InputItemReader.ITEMS, 0L);
        if (startItems < 0) {
            startItems = items;
            started = now;
            lastLog = now;
            return;
        }
        if (now - lastLog < EVERY_NANOS) {
            return;
        }
        lastLog = now;
        double seconds = (now - started) / 1e9;
        double rate = (items - startItems) / Math.max(seconds, 1e-3);
        if (total == -2) {
            String input = stepExecution.getJobParameters().getString("input.file");
            total = input == null ? -1 : estimateRecords(java.nio.file.Path.of(input));
        }
        if (total > items && rate > 0) {
            log.info("{}: {} of about {} records done, {} records/s, about {} s left", step, items, total,
                    Math.round(rate), Math.round((total - items) / rate));
        } else {
            log.info("{}: {} records done, {} records/s", step, items, Math.round(rate));
        }
    }
}
