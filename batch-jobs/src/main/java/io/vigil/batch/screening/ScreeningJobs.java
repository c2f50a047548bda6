package io.vigil.batch.screening;

import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.RecordScreener;
import io.vigil.registry.store.SnapshotStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the two steps every screening job has — screen the input file in chunks, then write the run's outputs —
 * so each job's configuration only says which input it reads. The matching of a chunk's records runs on several
 * threads, ahead of the step's thread, while items reach the writer in file order, so a restart resumes from the last
 * commit point (see {@link ScreeningPipeline}).
 */
public class ScreeningJobs {

    /** Job execution context key: the registry snapshot a run screens against, kept across restarts. */
    public static final String SNAPSHOT_ID = "snapshot.id";
    /** Job execution context key: the SHA-256 of the input file when the run first started. */
    public static final String INPUT_SHA256 = "input.sha256";
    /** Job execution context key: the name of the job's screening step (its context holds the counts). */
    public static final String SCREEN_STEP = "screen.step";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ScreeningSettings settings;
    private final AsyncTaskExecutor matchingExecutor;
    private final ActiveMatcher matcher;
    private final SnapshotStore snapshots;
    private final io.vigil.batch.alerts.ApplyDecisionsTasklet applyDecisions;
    private final ScreenedRecordStore records;
    private final DeltaPlanner planner;
    private final java.util.function.LongFunction<RunMethod> methodFor;

    /** Job execution context keys: how the run screens (see {@link DeltaPlanner}), decided when it first starts. */
    public static final String SCOPE_MODE = "scope.mode";
    public static final String SCOPE_REASON = "scope.reason";
    public static final String SCOPE_BASE_INSTANCE = "scope.base.instance";
    public static final String SCOPE_BASE_SNAPSHOT = "scope.base.snapshot";
    public static final String SCOPE_PARTIES_SCREENED = "scope.parties.screened";
    public static final String SCOPE_PARTIES_ADDED = "scope.parties.added";
    public static final String SCOPE_PARTIES_CHANGED = "scope.parties.changed";
    public static final String SCOPE_PARTIES_REMOVED = "scope.parties.removed";
    /** The lookback job, and the transaction screening job whose stored payments it reads. */
    public static final String LOOKBACK_JOB = "lookbackJob";
    public static final String TRANSACTIONS_JOB = "screenTransactionsJob";
    /** Identifying job parameter of a lookback: how many days of payments it covers. */
    public static final String LOOKBACK_DAYS = "lookback.days";

    /** Job execution context keys: the business dates a lookback covers (ISO dates). */
    public static final String SCOPE_FROM = "scope.from";
    public static final String SCOPE_TO = "scope.to";
    /** Job execution context key: records of the last screening no longer in the book (set by the decisions step). */
    public static final String SCOPE_RECORDS_REMOVED = "scope.records.removed";

    public ScreeningJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ScreeningSettings settings, AsyncTaskExecutor matchingExecutor, ActiveMatcher matcher,
            SnapshotStore snapshots, io.vigil.batch.alerts.ApplyDecisionsTasklet applyDecisions,
            ScreenedRecordStore records, DeltaPlanner planner, java.util.function.LongFunction<RunMethod> methodFor) {
        this.applyDecisions = applyDecisions;
        this.records = records;
        this.planner = planner;
        this.methodFor = methodFor;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.matchingExecutor = matchingExecutor;
        this.matcher = matcher;
        this.snapshots = snapshots;
    }

    /**
     * A screening job: screen the input, then apply the book's decisions to the run's hits (step
     * {@code <screen step>Decisions}), then write the outputs.
     */
    public Job job(String name, Step screen, Step outputs) {
        Step decisions = new StepBuilder(screen.getName() + "Decisions", jobRepository)
                .tasklet(applyDecisions, transactionManager).build();
        return new JobBuilder(name, jobRepository).listener(new SnapshotPinning(screen.getName())).start(screen)
                .next(decisions).next(outputs).build();
    }

    public Step screenStep(String name, InputItemReader reader, ScreeningProcessor processor,
            ScreeningWriter writer, org.springframework.batch.core.listener.StepExecutionListener... before) {
        // reading and matching run ahead of the step's thread, which writes and commits (see ScreeningPipeline)
        var pipeline = new ScreeningPipeline(reader, processor, matchingExecutor, 4 * settings.chunkSize());
        var builder = new StepBuilder(name, jobRepository).<ScreenedItem, ScreenedItem>chunk(settings.chunkSize())
                .transactionManager(transactionManager).reader(pipeline).writer(writer);
        for (var listener : before) {
            builder = builder.listener(listener);
        }
        return builder.listener(writer).build();
    }

    public Step outputsStep(String name, RunOutputsTasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    /** The record screener over the run's pinned snapshot. */
    public RecordScreener screener(long snapshotId) {
        ActiveMatcher.Loaded loaded = matcher.forSnapshot(snapshotId);
        return new RecordScreener(loaded.matcher(), loaded.registry(), settings.embargo());
    }

    /**
     * The record screener over only the given parties of a snapshot, with the snapshot's token weights; null when
     * there are none.
     */
    public RecordScreener screener(long snapshotId, java.util.Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return null;
        }
        ActiveMatcher.Loaded loaded = matcher.subset(snapshotId, partyIds);
        return new RecordScreener(loaded.matcher(), loaded.registry(), settings.embargo());
    }

    /** What changed in the registry from one snapshot to another. */
    public io.vigil.registry.delta.PartyChanges changes(long fromSnapshot, long toSnapshot) {
        return io.vigil.registry.delta.PartyChanges.between(fromSnapshot, snapshots.contentHashes(fromSnapshot),
                snapshots.links(fromSnapshot), toSnapshot, snapshots.contentHashes(toSnapshot),
                snapshots.links(toSnapshot));
    }

    /**
     * The screening step's processor: a full screen, or on a delta night a {@link
     * io.vigil.registry.delta.DeltaScreener} over the whole snapshot, the changed parties, and the base run's records.
     */
    public ScreeningProcessor processor(org.springframework.batch.core.step.StepExecution step) {
        var ctx = step.getJobExecution().getExecutionContext();
        long snapshotId = ctx.getLong(SNAPSHOT_ID);
        RecordScreener full = screener(snapshotId);
        if (!ctx.containsKey(SCOPE_MODE) || ScreeningMode.parse(ctx.getString(SCOPE_MODE)) != ScreeningMode.DELTA) {
            return new ScreeningProcessor(full, null);
        }
        long baseInstance = ctx.getLong(SCOPE_BASE_INSTANCE);
        long baseSnapshot = ctx.getLong(SCOPE_BASE_SNAPSHOT);
        long t0 = System.nanoTime();
        var changes = changes(baseSnapshot, snapshotId);
        RecordScreener changedOnly = screener(snapshotId, changes.screenedAgainst());
        var state = records.baseBookState(baseInstance);
        if (!state.comparableWith(io.vigil.registry.delta.RecordFingerprints.SCHEME)) {
            // planned as a delta by a version of another fingerprint scheme, restarted by this one: fingerprints of
            // two schemes are never compared, every record is screened in full
            org.slf4j.LoggerFactory.getLogger(ScreeningJobs.class).warn("run {} keeps record fingerprints of scheme "
                    + "{}, this version computes scheme {}: every record is screened in full", baseInstance,
                    state.scheme(), io.vigil.registry.delta.RecordFingerprints.SCHEME);
            return new ScreeningProcessor(full, null);
        }
        var withHits = records.recordsWithHits(baseInstance, state.scheme());
        org.slf4j.LoggerFactory.getLogger(ScreeningJobs.class).info("delta against run {} (snapshot {} → {}: {}); "
                + "{} records then, {} with hits; prepared in {} ms", baseInstance, baseSnapshot, snapshotId,
                changes.describe(), state.size(), withHits.size(), (System.nanoTime() - t0) / 1_000_000);
        return new ScreeningProcessor(full, new io.vigil.registry.delta.DeltaScreener(full, changedOnly, state,
                withHits));
    }

    public ScreenedRecordStore records() {
        return records;
    }

    public ScreeningSettings settings() {
        return settings;
    }

    /**
     * Records the input's SHA-256 on the first execution; a restart of a run whose file has changed since is refused,
     * because resuming from the last commit point would mix two versions of the file.
     */
    private static void checkInputUnchanged(JobExecution jobExecution) {
        var context = jobExecution.getExecutionContext();
        String file = jobExecution.getJobParameters().getString(ScreeningLauncher.INPUT_FILE);
        if (file == null) {
            context.putString(INPUT_SHA256, ""); // a lookback reads stored payments, not a file
            return;
        }
        java.nio.file.Path input = java.nio.file.Path.of(file);
        String sha;
        try {
            sha = io.vigil.registry.source.Hashing.sha256(input);
        } catch (java.io.IOException e) {
            throw new io.vigil.batch.errors.VigilException(io.vigil.batch.errors.ExitCodes.BAD_INPUT, "input file " + input
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (context.containsKey(INPUT_SHA256) && !context.getString(INPUT_SHA256).equals(sha)) {
            throw new io.vigil.batch.errors.VigilException(io.vigil.batch.errors.ExitCodes.BAD_INPUT, "input file " + input
                    + " has changed since this run started (sha256 " + context.getString(INPUT_SHA256) + " then, "
                    + sha + " now): resuming it would mix two versions of the file. Screen the new file from the "
                    + "start with --rerun.");
        }
        context.putString(INPUT_SHA256, sha);
    }

    /** Pins the active snapshot in the job's context on the first execution; a restart keeps it. */
    private final class SnapshotPinning implements JobExecutionListener {
        private final String screenStep;

        SnapshotPinning(String screenStep) {
            this.screenStep = screenStep;
        }

        @Override
        public void beforeJob(JobExecution jobExecution) {
            var context = jobExecution.getExecutionContext();
            context.putString(SCREEN_STEP, screenStep);
            checkInputUnchanged(jobExecution);
            if (!context.containsKey(SNAPSHOT_ID)) {
                context.putLong(SNAPSHOT_ID, snapshots.active().orElseThrow(() -> new IllegalStateException(
                        "the registry is empty: run 'vigil import-lists' first")).id());
            }
            if (!context.containsKey(SCOPE_MODE)) {
                plan(jobExecution);
            }
        }

        /** A lookback: the window of business dates, and the parties changed since the oldest payments in it. */
        private void planLookback(JobExecution jobExecution, long snapshotId) {
            var context = jobExecution.getExecutionContext();
            var params = jobExecution.getJobParameters();
            java.time.LocalDate to = params.getLocalDate(ScreeningLauncher.BUSINESS_DATE);
            long days = params.getLong(LOOKBACK_DAYS);
            java.time.LocalDate from = to.minusDays(days - 1);
            java.util.List<Long> runs = records.paymentRuns(TRANSACTIONS_JOB, from, to);
            java.util.List<Long> screenedAgainst = records.snapshotsOf(runs);
            context.putString(SCOPE_MODE, ScreeningMode.LOOKBACK.label());
            context.putString(SCOPE_REASON, "payments of the last " + days + " days against the parties designated "
                    + "or changed since they were screened");
            context.putString(SCOPE_FROM, from.toString());
            context.putString(SCOPE_TO, to.toString());
            if (!screenedAgainst.isEmpty()) {
                long oldest = screenedAgainst.get(0);
                var changes = changes(oldest, snapshotId);
                context.putLong(SCOPE_BASE_SNAPSHOT, oldest);
                context.putLong(SCOPE_PARTIES_SCREENED, changes.screenedAgainst().size());
                context.putLong(SCOPE_PARTIES_ADDED, changes.added().size());
                context.putLong(SCOPE_PARTIES_CHANGED, changes.changed().size());
                context.putLong(SCOPE_PARTIES_REMOVED, changes.removed().size());
            }
        }

        /** Decides full or delta once, on the run's first execution (a restart screens the same way). */
        private void plan(JobExecution jobExecution) {
            var context = jobExecution.getExecutionContext();
            var params = jobExecution.getJobParameters();
            long snapshotId = context.getLong(SNAPSHOT_ID);
            matcher.forSnapshot(snapshotId); // assigns the snapshot's token weights, part of the method
            if (LOOKBACK_JOB.equals(jobExecution.getJobInstance().getJobName())) {
                planLookback(jobExecution, snapshotId);
                return;
            }
            DeltaPlanner.Plan plan = planner.plan(jobExecution.getJobInstance().getJobName(),
                    params.getString(ScreeningLauncher.BOOK), params.getLocalDate(ScreeningLauncher.BUSINESS_DATE),
                    params.getString(DeltaPlanner.REQUESTED_MODE), jobExecution.getJobInstance().getInstanceId(),
                    methodFor.apply(snapshotId).fingerprint());
            context.putString(SCOPE_MODE, plan.mode().label());
            context.putString(SCOPE_REASON, plan.reason());
            if (plan.baseInstanceId() != null) {
                context.putLong(SCOPE_BASE_INSTANCE, plan.baseInstanceId());
                context.putLong(SCOPE_BASE_SNAPSHOT, plan.baseSnapshotId());
            }
            long all = snapshots.find(snapshotId).map(s -> (long) s.partyCount()).orElse(0L);
            if (plan.mode() == ScreeningMode.DELTA) {
                var changes = changes(plan.baseSnapshotId(), snapshotId);
                context.putLong(SCOPE_PARTIES_SCREENED, changes.screenedAgainst().size());
                context.putLong(SCOPE_PARTIES_ADDED, changes.added().size());
                context.putLong(SCOPE_PARTIES_CHANGED, changes.changed().size());
                context.putLong(SCOPE_PARTIES_REMOVED, changes.removed().size());
            } else {
                context.putLong(SCOPE_PARTIES_SCREENED, all);
            }
            org.slf4j.LoggerFactory.getLogger(ScreeningJobs.class).info("{}: {} ({})",
                    jobExecution.getJobInstance().getJobName(), plan.mode().label(), plan.reason());
        }
    }
}
