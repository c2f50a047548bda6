package io.vigil.batch.screening;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreeningHit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk's hits and rejected rows to the database in the chunk's transaction, fails the step when the
 * rejected rows of the run exceed the skip limit, and logs the step's progress.
 */
public class ScreeningWriter implements ItemWriter<ScreenedItem>, StepExecutionListener {

    private final ScreeningResults results;
    private final long skipLimit;
    private long executionId;
    private long instanceId;
    private ProgressLog progress;

    public ScreeningWriter(ScreeningResults results, long skipLimit) {
        this.results = results;
        this.skipLimit = skipLimit;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        executionId = stepExecution.getJobExecution().getId();
        instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        String input = stepExecution.getJobParameters().getString("input.file");
        progress = new ProgressLog(stepExecution.getStepName(), input == null ? null : java.nio.file.Path.of(input),
                stepExecution.getExecutionContext().getLong(InputItemReader.ITEMS, 0L));
    }

    @Override
    public void write(Chunk<? extends ScreenedItem> chunk) {
        List<ScreeningHit> hits = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        for (ScreenedItem item : chunk) {
            hits.addAll(item.hits());
            if (item.item() instanceof InputItem.Rejected r) {
                rejects.add(r.rejected());
            }
        }
        if (!hits.isEmpty()) {
            results.insertHits(executionId, instanceId, hits);
        }
        if (!rejects.isEmpty()) {
            results.insertRejects(executionId, instanceId, rejects);
            long total = results.rejectCount(instanceId);
            if (total > skipLimit) {
                throw new SkipLimitExceededException(total + " rows rejected, more than the skip limit of " + skipLimit
                        + " (vigil.screening.skip-limit); the last one: line " + rejects.get(rejects.size() - 1)
                        .line() + ": " + rejects.get(rejects.size() - 1).reason());
            }
        }
        progress.advance(chunk.size());
    }
}
