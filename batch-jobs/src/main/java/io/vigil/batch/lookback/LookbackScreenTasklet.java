package io.vigil.batch.lookback;

import io.vigil.batch.screening.InputItemReader;
import io.vigil.batch.screening.ScreenedRecordStore;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.batch.screening.ScreeningWriter;
import io.vigil.registry.alert.BookKind;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RecordScreener;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The screening step of a lookback: every payment stored by the transaction runs of the window is screened against
 * the parties added or changed since the snapshot it was screened against (one screener per such snapshot), and only
 * hits on those parties are kept. Each hit's record id is the payment's business date and id
 * ({@code 2026-11-18/TX000123}), so the report says when the payment was made. One transaction: a failed lookback
 * screens again from the start.
 */
class LookbackScreenTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LookbackScreenTasklet.class);
    private static final int BATCH = 2_000;

    private final ScreeningJobs jobs;
    private final ScreenedRecordStore records;
    private final ScreeningResults results;

    LookbackScreenTasklet(ScreeningJobs jobs, ScreenedRecordStore records, ScreeningResults results) {
        this.jobs = jobs;
        this.records = records;
        this.results = results;
    }

    /**
     * A screener over the parties changed since one snapshot, their ids, and the hits of each distinct screened value
     * already screened against them: payments repeat the same banks, beneficiaries and remittance texts, and a value's
     * hits do not depend on the record it is in. Values the screener proves cannot hit ({@link
     * RecordScreener#provablyNoHits}: most of them, against the few changed parties) are not screened; they are
     * remembered too (as having no hits), so that a value met again is looked up once instead of pre-filtered again.
     */
    private record Since(RecordScreener screener, Set<String> parties, LookbackMemo memo) {

        List<ScreeningHit> hits(ScreenedValue v) {
            List<ScreeningHit> known = memo.get(v);
            if (known != null) {
                return known; // a bank or a text met before: neither pre-filtered nor screened again
            }
            if (screener.provablyNoHits(v)) {
                memo.put(v, List.of());
                return List.of();
            }
            List<ScreeningHit> found = new ArrayList<>();
            for (ScreeningHit h : screener.screen(new InputRecord(0, "", List.of(v)))) {
                if (!h.partyId().isEmpty() && parties.contains(h.partyId())) {
                    found.add(h); // not an embargoed country, nor a party unchanged since: the night reported those
                }
            }
            List<ScreeningHit> frozen = List.copyOf(found);
            memo.put(v, frozen);
            return frozen;
        }

        /** The record's hits, in the order of its values. */
        List<ScreeningHit> hits(InputRecord r) {
            List<ScreeningHit> out = null;
            for (ScreenedValue v : r.values()) {
                if (screened(v)) {
                    List<ScreeningHit> h = hits(v);
                    if (!h.isEmpty()) {
                        if (out == null) {
                            out = new ArrayList<>();
                        }
                        out.addAll(h);
                    }
                }
            }
            return out == null ? List.of() : out;
        }
    }

    /**
     * Distinct screened values remembered per snapshot (about 100 bytes each): the values that repeat (banks,
     * remittance texts) are met early; most party names are met once, and a field whose values hardly repeat is soon
     * no longer remembered ({@link LookbackMemo}).
     */
    private static final int MEMO_LIMIT = 200_000;
    /** Stored chunks (of up to the screening chunk size each) decoded and screened together, on every core. */
    private static final int CHUNKS_PER_BATCH = 16;

    /** Countries are checked against the embargo the night itself; blank values are not screened. */
    private static boolean screened(ScreenedValue v) {
        return v.kind() != ScreenedValue.Kind.COUNTRY && !v.value().isBlank();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        var ctx = job.getExecutionContext();
        long snapshotId = ctx.getLong(ScreeningJobs.SNAPSHOT_ID);
        long instanceId = job.getJobInstance().getInstanceId();
        String book = job.getJobParameters().getString(ScreeningLauncher.BOOK);
        LocalDate from = LocalDate.parse(ctx.getString(ScreeningJobs.SCOPE_FROM));
        LocalDate to = LocalDate.parse(ctx.getString(ScreeningJobs.SCOPE_TO));
        results.clearHits(instanceId);
        List<Long> runs = records.paymentRuns(ScreeningJobs.TRANSACTIONS_JOB, from, to);
        Map<Long, Since> screeners = new HashMap<>();
        long[] seq = {0};
        long[] screened = {0};
        List<ScreeningResults.TrackedHit> pending = new ArrayList<>();
        List<ScreenedRecordStore.StoredChunk> batch = new ArrayList<>();
        long t0 = System.nanoTime();
        // reading the next batch from the database (on this thread, in the step's transaction) overlaps with
        // decoding and screening the previous one on the other threads; hits are numbered and inserted here, in
        // stored order
        Screened[] inFlight = {null};
        // a pool of its own, one thread per core: the common pool has one thread fewer than the cores, for the
        // caller, and this step's thread reads meanwhile
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
                Runtime.getRuntime().availableProcessors());
        Runnable flush = () -> {
            Screened previous = inFlight[0];
            inFlight[0] = batch.isEmpty() ? null : screenBatch(List.copyOf(batch), screeners, snapshotId, pool);
            batch.clear();
            if (previous != null) {
                previous.emit(seq, screened, book, pending);
                if (pending.size() >= BATCH) {
                    results.insertHits(job.getId(), instanceId, List.copyOf(pending));
                    pending.clear();
                }
            }
        };
        try {
            records.forEachStoredChunk(runs, chunk -> {
                batch.add(chunk);
                if (batch.size() >= CHUNKS_PER_BATCH) {
                    flush.run();
                }
            });
            flush.run();
            flush.run(); // the last batch in flight
        } finally {
            pool.shutdownNow();
        }
        if (!pending.isEmpty()) {
            results.insertHits(job.getId(), instanceId, pending);
        }
        var stepCtx = step.getExecutionContext();
        stepCtx.putLong(InputItemReader.ITEMS, seq[0]);
        stepCtx.putLong(InputItemReader.RECORDS, seq[0]);
        stepCtx.putLong(InputItemReader.REJECTED, 0L);
        stepCtx.putLong(ScreeningWriter.RECORDS_FULL, 0L);
        stepCtx.putLong(ScreeningWriter.RECORDS_CHANGED_PARTIES, screened[0]);
        log.info("lookback {} to {}: {} stored payments of {} runs, {} screened against parties changed since, in {} "
                + "ms", from, to, seq[0], runs.size(), screened[0], (System.nanoTime() - t0) / 1_000_000);
        return RepeatStatus.FINISHED;
    }

    /** A batch of stored chunks being decoded and screened, with the screener of each chunk. */
    private record Screened(List<ScreenedRecordStore.StoredChunk> batch, Since[] since,
            java.util.concurrent.CompletableFuture<Result> result) {

        /** Numbers and tracks the batch's hits in stored order, as one chunk after the other would (waits for it). */
        void emit(long[] seq, long[] screened, String book, List<ScreeningResults.TrackedHit> pending) {
            Result r = result.join();
            for (int c = 0; c < batch.size(); c++) {
                ScreenedRecordStore.StoredChunk chunk = batch.get(c);
                long base = seq[0];
                seq[0] += chunk.recordCount();
                if (since[c].screener() == null) {
                    continue; // nothing designated or changed since these payments were screened
                }
                List<InputRecord> recs = r.decoded().get(c);
                screened[0] += recs.size();
                for (int i = 0; i < recs.size(); i++) {
                    List<ScreeningHit> found = r.hits()[r.offsets()[c] + i];
                    if (found.isEmpty()) {
                        continue;
                    }
                    InputRecord rec = recs.get(i);
                    InputRecord dated = new InputRecord(base + i + 1, chunk.businessDate() + "/" + rec.recordId(),
                            rec.values());
                    for (ScreeningHit h : found) {
                        ScreeningHit moved = new ScreeningHit(dated.recordId(), dated.line(), h.field(),
                                h.screenedValue(), h.kind(), h.match(), h.partyId(), h.linkedIds(), h.matchedName(),
                                h.score(), h.decision(), h.reason());
                        pending.add(ScreeningWriter.track(book, BookKind.PAYMENTS, dated, moved));
                    }
                }
            }
        }
    }

    /** The decoded records of each chunk, where each chunk starts among all of them, and each record's hits. */
    private record Result(List<List<InputRecord>> decoded, int[] offsets, List<ScreeningHit>[] hits) {
    }

    /**
     * Starts decoding and screening a batch of stored chunks in the pool (every core); the screeners are
     * looked up (and built, reading the database) here, on the step's thread.
     */
    private Screened screenBatch(List<ScreenedRecordStore.StoredChunk> batch, Map<Long, Since> screeners,
            long snapshotId, java.util.concurrent.ForkJoinPool pool) {
        Since[] since = new Since[batch.size()];
        for (int c = 0; c < batch.size(); c++) {
            since[c] = screeners.computeIfAbsent(batch.get(c).snapshotId(), s -> {
                Set<String> changed = s == snapshotId ? Set.of() : jobs.changes(s, snapshotId).screenedAgainst();
                return new Since(jobs.screener(snapshotId, changed), changed, new LookbackMemo(MEMO_LIMIT));
            });
        }
        // parallel streams started by a task of the pool run in that pool
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> screen(batch, since), pool);
        return new Screened(batch, since, result);
    }

    /** Decodes each chunk to be screened, then each record's hits, on every core. */
    private static Result screen(List<ScreenedRecordStore.StoredChunk> batch, Since[] since) {
        List<List<InputRecord>> decoded = IntStream.range(0, batch.size()).parallel()
                .mapToObj(c -> since[c].screener() == null ? List.<InputRecord>of() : batch.get(c).records())
                .toList();
        int[] offsets = new int[batch.size() + 1];
        for (int c = 0; c < batch.size(); c++) {
            offsets[c + 1] = offsets[c] + decoded.get(c).size();
        }
        @SuppressWarnings("unchecked")
        List<ScreeningHit>[] hits = new List[offsets[batch.size()]];
        int[] chunkOf = new int[hits.length];
        for (int c = 0; c < batch.size(); c++) {
            java.util.Arrays.fill(chunkOf, offsets[c], offsets[c + 1], c);
        }
        IntStream.range(0, hits.length).parallel().forEach(k -> {
            int c = chunkOf[k];
            hits[k] = since[c].hits(decoded.get(c).get(k - offsets[c]));
        });
        return new Result(decoded, offsets, hits);
    }
}
