package io.vigil.batch.screening;

import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of a screening job: checks that records read = records screened + records rejected, writes
 * hits.csv, rejects.csv and manifest.json to the run directory, and records the run's summary in the database.
 */
public class RunOutputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RunOutputsTasklet.class);

    private final Path dataDir;
    private final String outDir;
    private final ScreeningResults results;
    private final RunOutputs outputs;
    private final RunReportLoader loader;
    private final SnapshotStore snapshots;
    private final JobRepository jobRepository;
    private final java.util.function.LongFunction<RunMethod> methodFor;
    private final int pdfMaxHits;
    private final java.time.Clock clock;

    public RunOutputsTasklet(Path dataDir, String outDir, ScreeningResults results, SnapshotStore snapshots,
            JobRepository jobRepository, java.util.function.LongFunction<RunMethod> methodFor, int pdfMaxHits, java.time.Clock clock,
            io.vigil.batch.alerts.AlertStore alerts, io.vigil.batch.alerts.DecisionLog decisions) {
        this.dataDir = dataDir;
        this.outDir = outDir;
        this.results = results;
        this.outputs = new RunOutputs(results);
        this.loader = new RunReportLoader(results, snapshots, alerts, decisions);
        this.snapshots = snapshots;
        this.jobRepository = jobRepository;
        this.methodFor = methodFor;
        this.pdfMaxHits = pdfMaxHits;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        long instanceId = job.getJobInstance().getInstanceId();
        StepExecution screen = jobRepository.getLastStepExecution(job.getJobInstance(),
                job.getExecutionContext().getString(ScreeningJobs.SCREEN_STEP));
        var ctx = screen.getExecutionContext();
        long read = ctx.getLong(InputItemReader.ITEMS, 0L);
        long screened = ctx.getLong(InputItemReader.RECORDS, 0L);
        long rejected = ctx.getLong(InputItemReader.REJECTED, 0L);
        long storedRejects = results.rejectCount(instanceId);
        if (read != screened + rejected || storedRejects != rejected) {
            throw new IllegalStateException("records do not add up: read " + read + ", screened " + screened
                    + ", rejected " + rejected + " (" + storedRejects + " stored)");
        }
        var params = job.getJobParameters();
        LocalDate businessDate = params.getLocalDate("business.date");
        String inputFile = params.getString("input.file");
        Path dir = outDir == null || outDir.isBlank()
                ? dataDir.resolve("runs").resolve(businessDate.toString()).resolve(job.getJobInstance().getJobName()
                        + "-" + job.getId())
                : Path.of(outDir);
        cleanUpEarlierAttempts(job, dir);
        long snapshotId = job.getExecutionContext().getLong(ScreeningJobs.SNAPSHOT_ID);
        SnapshotInfo snapshot = snapshots.find(snapshotId).orElseThrow();
        RunMethod method = methodFor.apply(snapshotId);
        RunSummary run = new RunSummary(instanceId, job.getId(), job.getJobInstance().getJobName(), businessDate,
                inputFile != null ? Path.of(inputFile).toString() : lookbackInput(job),
                job.getExecutionContext().getString(ScreeningJobs.INPUT_SHA256), snapshotId,
                method.policy(), read, screened, rejected, results.hitCount(instanceId), dir.toString(),
                firstStart(job), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                io.vigil.batch.VigilVersion.current(), method, pdfMaxHits, scope(job, ctx));
        results.saveRun(run);
        RunOutputs.HitCounts hits = outputs.writeAll(run, snapshot, loader, dir);
        job.getExecutionContext().putString("out.dir", dir.toString());
        String summary = String.format(java.util.Locale.ROOT, "%d read = %d screened + %d rejected; %d hits (%d "
                + "alert, %d review)", read, screened, rejected, hits.total(), hits.alerts(), hits.reviews());
        if (job.getExecutionContext().containsKey(io.vigil.batch.alerts.ApplyDecisionsTasklet.WORK_QUEUE)) {
            summary += "; work queue: " + io.vigil.batch.alerts.ApplyDecisionsTasklet.workQueue(hits.byStatus());
        }
        if (run.scope() != null && !run.jobName().equals("screenTransactionsJob")) {
            summary += "; mode: " + run.scope().describe();
        }
        job.getExecutionContext().putString("summary", summary);
        log.info("{}: {} read = {} screened + {} rejected; {} hits ({} alert, {} review); outputs in {}",
                run.jobName(), read, screened, rejected, hits.total(), hits.alerts(), hits.reviews(), dir);
        return RepeatStatus.FINISHED;
    }

    /**
     * A restarted run writes its own directory: removes what earlier executions of the same run left (a partial
     * directory of a crashed attempt, or the directory of an attempt that failed after writing it), so only one
     * directory of the run remains.
     */
    private void cleanUpEarlierAttempts(JobExecution job, Path dir) throws IOException {
        for (JobExecution e : jobRepository.getJobExecutions(job.getJobInstance())) {
            if (e.getId() == job.getId()) {
                continue;
            }
            Path earlier = outDir == null || outDir.isBlank() ? dir.resolveSibling(job.getJobInstance().getJobName()
                    + "-" + e.getId()) : dir;
            RunOutputs.deleteTree(RunOutputs.partial(earlier));
            if (!earlier.equals(dir)) {
                RunOutputs.deleteTree(earlier);
            }
        }
    }

    /** What a lookback read: {@code stored payments of 2026-10-22 to 2026-11-20 (30 days)}. */
    private static String lookbackInput(JobExecution job) {
        var ctx = job.getExecutionContext();
        return "stored payments of " + ctx.getString(ScreeningJobs.SCOPE_FROM) + " to "
                + ctx.getString(ScreeningJobs.SCOPE_TO) + " (" + job.getJobParameters().getLong(
                        ScreeningJobs.LOOKBACK_DAYS) + " days)";
    }

    /** How the run screened, from what the job decided at its start and what the screening step counted. */
    static ScreeningScope scope(JobExecution job, org.springframework.batch.infrastructure.item.ExecutionContext step) {
        var ctx = job.getExecutionContext();
        if (!ctx.containsKey(ScreeningJobs.SCOPE_MODE)) {
            return null;
        }
        ScreeningMode mode = ScreeningMode.parse(ctx.getString(ScreeningJobs.SCOPE_MODE));
        return new ScreeningScope(mode, ctx.getString(ScreeningJobs.SCOPE_REASON),
                ctx.containsKey(ScreeningJobs.SCOPE_BASE_INSTANCE) ? ctx.getLong(ScreeningJobs.SCOPE_BASE_INSTANCE)
                        : null,
                ctx.containsKey(ScreeningJobs.SCOPE_BASE_SNAPSHOT) ? ctx.getLong(ScreeningJobs.SCOPE_BASE_SNAPSHOT)
                        : null,
                ctx.getLong(ScreeningJobs.SCOPE_PARTIES_SCREENED, 0L), ctx.getLong(ScreeningJobs.SCOPE_PARTIES_ADDED,
                        0L), ctx.getLong(ScreeningJobs.SCOPE_PARTIES_CHANGED, 0L),
                ctx.getLong(ScreeningJobs.SCOPE_PARTIES_REMOVED, 0L), step.getLong(ScreeningWriter.RECORDS_FULL, 0L),
                step.getLong(ScreeningWriter.RECORDS_CHANGED_PARTIES, 0L),
                ctx.getLong(ScreeningJobs.SCOPE_RECORDS_REMOVED, 0L),
                ctx.containsKey(ScreeningJobs.SCOPE_FROM) ? java.time.LocalDate.parse(ctx.getString(
                        ScreeningJobs.SCOPE_FROM)) : null,
                ctx.containsKey(ScreeningJobs.SCOPE_TO) ? java.time.LocalDate.parse(ctx.getString(
                        ScreeningJobs.SCOPE_TO)) : null);
    }

    /** When the run's first execution started (a restarted run keeps the start of the night it belongs to). */
    private java.time.Instant firstStart(JobExecution job) {
        java.time.LocalDateTime first = job.getStartTime();
        for (JobExecution e : jobRepository.getJobExecutions(job.getJobInstance())) {
            if (e.getStartTime() != null && (first == null || e.getStartTime().isBefore(first))) {
                first = e.getStartTime();
            }
        }
        // the job repository keeps local date-times of this machine's zone
        return first.atZone(java.time.ZoneId.systemDefault()).toInstant().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS);
    }
}
