package io.vigil.batch.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items (hits), in order, to a consumer running on its own thread (the output writers), in batches, so the thread
 * reading the database and the one writing the workbook work at the same time. {@link #finish()} waits until every
 * hit was consumed and rethrows the consumer's failure; {@link #close()} stops the thread in any case.
 */
final class HitHandOff<T> implements Consumer<T>, AutoCloseable {

    private static final int BATCH = 512;
    private final List<T> end = new ArrayList<>(0);

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private volatile Throwable failure;
    private List<T> batch = new ArrayList<>(BATCH);

    HitHandOff(Consumer<T> consumer) {
        thread = new Thread(() -> {
            try {
                for (List<T> b = queue.take(); b != end; b = queue.take()) {
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
    public void accept(T hit) {
        batch.add(hit);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<T> b) {
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
        put(end);
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
