package io.vigil.batch.screening;

import io.vigil.reports.RunReport.ReportHit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands hits, in order, to a consumer running on its own thread (the workbook writer), in batches, so the thread
 * reading the database and the one writing the workbook work at the same time. {@link #finish()} waits until every
 * hit was consumed and rethrows the consumer's failure; {@link #close()} stops the thread in any case.
 */
final class HitHandOff implements Consumer<ReportHit>, AutoCloseable {

    private static final int BATCH = 512;
    private static final List<ReportHit> END = List.of();

    private final BlockingQueue<List<ReportHit>> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private volatile Throwable failure;
    private List<ReportHit> batch = new ArrayList<>(BATCH);

    HitHandOff(Consumer<ReportHit> consumer) {
        thread = new Thread(() -> {
            try {
                for (List<ReportHit> b = queue.take(); b != END; b = queue.take()) {
                    b.forEach(consumer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                queue.clear(); // unblock the producer; it sees the failure on its next put
            }
        }, "vigil-workbook");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(ReportHit hit) {
        batch.add(hit);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<ReportHit> b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
    }

    /** Hands over the last hits and waits until the consumer has taken them all. */
    void finish() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>();
        }
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("writing the workbook failed: " + t.getMessage(), t);
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
