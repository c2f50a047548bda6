package io.vigil.batch.screening;

import io.vigil.registry.screen.InputItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The screening step's reader: reads and parses the input on a thread of its own, has each small batch of items
 * processed on the matching threads as soon as it is read, and hands the processed items to the step in file order.
 * The step's own thread is then left with writing and committing each chunk, while the next chunks are read and
 * matched: reading, matching and writing overlap instead of taking turns at every chunk.
 *
 * <p>Restartability is that of {@link InputItemReader}: an item is counted ({@link InputItemReader#delivered}) only
 * when this reader hands it to the step, on the step's thread, so the counts saved with a commit are those of the
 * committed items. Items read and matched ahead of the last commit are lost with a killed process and read again by
 * the restart, which skips exactly the committed ones.
 *
 * <p>A failure while reading or processing reaches the step from {@link #read} at the item where it happened, after
 * every item before it. One execution of the step at a time (a second concurrent {@link #open} is refused).
 */
public class ScreeningPipeline implements ItemStreamReader<ScreenedItem>, StepExecutionListener {

    /** Items per task on the matching threads: large enough to make handing them over cheap, small enough to share. */
    static final int BATCH = 64;

    private static final Future<Batch> END = CompletableFuture.completedFuture(new Batch(List.of(), null));

    /** A processed batch: its items in order, and the failure that stopped it after them (null if none). */
    private record Batch(List<ScreenedItem> items, Exception failure) {
    }

    private final InputItemReader input;
    private final ItemProcessor<InputItem, ScreenedItem> processor;
    private final AsyncTaskExecutor matchingExecutor;
    private final int batchesAhead;

    private StepExecution stepExecution;
    private Run run;

    /**
     * @param input the input file's reader (it keeps the counts a restart resumes from)
     * @param processor what each item goes through on the matching threads
     * @param matchingExecutor the matching threads
     * @param itemsAhead how many items may be read and matched ahead of the step (at least one batch)
     */
    public ScreeningPipeline(InputItemReader input, ItemProcessor<InputItem, ScreenedItem> processor,
            AsyncTaskExecutor matchingExecutor, int itemsAhead) {
        this.input = input;
        this.processor = processor;
        this.matchingExecutor = matchingExecutor;
        this.batchesAhead = Math.max(2, (itemsAhead + BATCH - 1) / BATCH);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public synchronized void open(ExecutionContext context) {
        if (run != null) {
            throw new IllegalStateException("the screening step's reader is already open: one execution at a time");
        }
        input.open(context);
        run = new Run();
    }

    @Override
    public ScreenedItem read() throws Exception {
        ScreenedItem item = run.next();
        if (item != null) {
            input.delivered(item.item());
        }
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        input.update(context);
    }

    @Override
    public synchronized void close() {
        try {
            if (run != null) {
                run.stop();
            }
        } finally {
            run = null;
            input.close();
        }
    }

    /** One execution's read-ahead: the reading thread, the batches in flight, the batch being handed out. */
    private final class Run {
        private final BlockingQueue<Future<Batch>> queue = new ArrayBlockingQueue<>(batchesAhead);
        private Thread reading;
        private volatile boolean stopping;
        private Batch current = new Batch(List.of(), null);
        private int next;
        private boolean ended;

        /** The next processed item in file order, or null at the end of the input. */
        ScreenedItem next() throws Exception {
            if (ended) {
                return null;
            }
            if (reading == null) {
                start();
            }
            while (next == current.items().size()) {
                if (current.failure() != null) {
                    ended = true;
                    throw current.failure();
                }
                Future<Batch> batch = queue.take();
                if (batch == END) {
                    ended = true;
                    return null;
                }
                current = await(batch);
                next = 0;
            }
            return current.items().get(next++);
        }

        private void start() {
            StepExecution step = stepExecution;
            if (step == null && StepSynchronizationManager.getContext() != null) {
                step = StepSynchronizationManager.getContext().getStepExecution();
            }
            StepExecution scope = step;
            reading = new Thread(() -> readAhead(scope), "vigil-read");
            reading.setDaemon(true);
            reading.start();
        }

        /** On the reading thread: reads batches and submits each to the matching threads, in order. */
        private void readAhead(StepExecution step) {
            if (step != null) {
                StepSynchronizationManager.register(step);
            }
            try {
                while (!stopping) {
                    List<InputItem> batch = new ArrayList<>(BATCH);
                    Exception failure = null;
                    try {
                        InputItem item;
                        while (batch.size() < BATCH && (item = input.next()) != null) {
                            batch.add(item);
                        }
                    } catch (Exception e) {
                        failure = e; // after the items read before it
                    }
                    if (!batch.isEmpty()) {
                        queue.put(matchingExecutor.submit(() -> process(step, batch)));
                    }
                    if (failure != null) {
                        queue.put(CompletableFuture.completedFuture(new Batch(List.of(), failure)));
                        return;
                    }
                    if (batch.size() < BATCH) {
                        queue.put(END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                if (!stopping) {
                    try {
                        queue.put(CompletableFuture.failedFuture(e));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                if (step != null) {
                    StepSynchronizationManager.close();
                }
            }
        }

        /**
         * On a matching thread: one batch, in the step's scope (the processor is step-scoped); a failure ends the
         * batch at its item.
         */
        private Batch process(StepExecution step, List<InputItem> batch) {
            if (step != null) {
                StepSynchronizationManager.register(step);
            }
            List<ScreenedItem> out = new ArrayList<>(batch.size());
            try {
                // a step-scoped processor resolved once per batch rather than through its proxy item by item
                java.util.function.Function<InputItem, ScreenedItem> direct = processor instanceof ScreeningProcessor p
                        ? p.direct() : null;
                for (InputItem item : batch) {
                    ScreenedItem screened = direct != null ? direct.apply(item) : processor.process(item);
                    out.add(java.util.Objects.requireNonNull(screened, "processed item"));
                }
                return new Batch(out, null);
            } catch (Exception e) {
                return new Batch(out, e);
            } finally {
                if (step != null) {
                    StepSynchronizationManager.close();
                }
            }
        }

        private Batch await(Future<Batch> batch) throws Exception {
            try {
                return batch.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        /** Stops reading ahead and drops the batches not handed out (the restart reads them again). */
        void stop() {
            stopping = true;
            if (reading == null) {
                return;
            }
            reading.interrupt();
            boolean interrupted = false;
            while (reading.isAlive()) {
                queue.forEach(f -> f.cancel(false));
                queue.clear();
                try {
                    reading.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            queue.forEach(f -> f.cancel(false));
            queue.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
