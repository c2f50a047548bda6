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
    private String book;
    private io.vigil.registry.alert.BookKind bookKind;

    public ScreeningWriter(ScreeningResults results, long skipLimit) {
        this.results = results;
        this.skipLimit = skipLimit;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        executionId = stepExecution.getJobExecution().getId();
        instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        String input = stepExecution.getJobParameters().getString("input.file");
        book = stepExecution.getJobParameters().getString(ScreeningLauncher.BOOK);
        String kind = stepExecution.getJobParameters().getString(ScreeningLauncher.BOOK_KIND);
        bookKind = kind == null ? null : io.vigil.registry.alert.BookKind.valueOf(kind);
        progress = new ProgressLog(stepExecution.getStepName(), input == null ? null : java.nio.file.Path.of(input),
                stepExecution.getExecutionContext().getLong(InputItemReader.ITEMS, 0L));
    }

    @Override
    public void write(Chunk<? extends ScreenedItem> chunk) {
        List<ScreeningResults.TrackedHit> hits = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        for (ScreenedItem item : chunk) {
            for (ScreeningHit h : item.hits()) {
                hits.add(track(item, h));
            }
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

    /** The hit with its alert id and screened values, when the run has a book. */
    private ScreeningResults.TrackedHit track(ScreenedItem item, ScreeningHit h) {
        if (book == null || bookKind == null || !(item.item() instanceof InputItem.Record r)) {
            return new ScreeningResults.TrackedHit(h, null, null, null);
        }
        String subjectKey = io.vigil.registry.alert.AlertSubjects.subjectKey(bookKind, h.recordId(), h.field(),
                h.kind(), h.screenedValue());
        return new ScreeningResults.TrackedHit(h, io.vigil.registry.alert.AlertSubjects.alertId(book, subjectKey,
                h.partyId()), subjectKey, io.vigil.registry.alert.AlertSubjects.subject(bookKind, r.record(), h));
    }
}
