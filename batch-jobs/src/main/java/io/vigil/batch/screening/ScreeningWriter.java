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
public class ScreeningWriter implements ItemWriter<ScreenedItem>, StepExecutionListener,
        org.springframework.batch.infrastructure.item.ItemStream {

    /** Step execution context keys: records screened in full, and against the changed parties only. */
    public static final String RECORDS_FULL = "screen.records.full";
    public static final String RECORDS_CHANGED_PARTIES = "screen.records.changed-parties";

    private final ScreeningResults results;
    private final ScreenedRecordStore screenedRecords;
    private final long skipLimit;
    private long recordsFull;
    private long recordsChangedParties;
    private String jobName;
    private java.time.LocalDate businessDate;
    private long snapshotId;
    private boolean keepValues;
    private long executionId;
    private long instanceId;
    private ProgressLog progress;
    private String book;
    private io.vigil.registry.alert.BookKind bookKind;

    public ScreeningWriter(ScreeningResults results, long skipLimit, ScreenedRecordStore screenedRecords) {
        this.results = results;
        this.skipLimit = skipLimit;
        this.screenedRecords = screenedRecords;
    }

    @Override
    public void open(org.springframework.batch.infrastructure.item.ExecutionContext context) {
        recordsFull = context.getLong(RECORDS_FULL, 0L);
        recordsChangedParties = context.getLong(RECORDS_CHANGED_PARTIES, 0L);
    }

    @Override
    public void update(org.springframework.batch.infrastructure.item.ExecutionContext context) {
        context.putLong(RECORDS_FULL, recordsFull);
        context.putLong(RECORDS_CHANGED_PARTIES, recordsChangedParties);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        executionId = stepExecution.getJobExecution().getId();
        instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        String input = stepExecution.getJobParameters().getString("input.file");
        book = stepExecution.getJobParameters().getString(ScreeningLauncher.BOOK);
        String kind = stepExecution.getJobParameters().getString(ScreeningLauncher.BOOK_KIND);
        bookKind = kind == null ? null : io.vigil.registry.alert.BookKind.valueOf(kind);
        jobName = stepExecution.getJobExecution().getJobInstance().getJobName();
        businessDate = stepExecution.getJobParameters().getLocalDate(ScreeningLauncher.BUSINESS_DATE);
        snapshotId = stepExecution.getJobExecution().getExecutionContext().getLong(ScreeningJobs.SNAPSHOT_ID);
        // payments are kept for a lookback; a book's records only by fingerprint, for the next delta night
        keepValues = bookKind == io.vigil.registry.alert.BookKind.PAYMENTS;
        progress = new ProgressLog(stepExecution.getStepName(), input == null ? null : java.nio.file.Path.of(input),
                stepExecution.getExecutionContext().getLong(InputItemReader.ITEMS, 0L));
    }

    @Override
    public void write(Chunk<? extends ScreenedItem> chunk) {
        List<ScreeningResults.TrackedHit> hits = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        List<io.vigil.registry.screen.InputRecord> records = new ArrayList<>(chunk.size());
        long[] ids = new long[chunk.size()];
        long[] fps = new long[chunk.size()];
        for (ScreenedItem item : chunk) {
            for (ScreeningHit h : item.hits()) {
                hits.add(track(item, h));
            }
            if (item.item() instanceof InputItem.Rejected r) {
                rejects.add(r.rejected());
            } else if (item.item() instanceof InputItem.Record r) {
                ids[records.size()] = item.idFingerprint();
                fps[records.size()] = item.recordFingerprint();
                records.add(r.record());
                if (item.route() == null || item.route().full()) {
                    recordsFull++;
                } else {
                    recordsChangedParties++;
                }
            }
        }
        if (businessDate != null) {
            screenedRecords.insert(executionId, instanceId, jobName, businessDate, snapshotId, records, ids, fps,
                    keepValues);
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
        return track(book, bookKind, r.record(), h);
    }

    /** A record's hit with its alert id and screened values in a book. */
    public static ScreeningResults.TrackedHit track(String book, io.vigil.registry.alert.BookKind bookKind,
            io.vigil.registry.screen.InputRecord record, ScreeningHit h) {
        String subjectKey = io.vigil.registry.alert.AlertSubjects.subjectKey(bookKind, h.recordId(), h.field(),
                h.kind(), h.screenedValue());
        return new ScreeningResults.TrackedHit(h, io.vigil.registry.alert.AlertSubjects.alertId(book, subjectKey,
                h.partyId()), subjectKey, io.vigil.registry.alert.AlertSubjects.subject(bookKind, record, h));
    }
}
