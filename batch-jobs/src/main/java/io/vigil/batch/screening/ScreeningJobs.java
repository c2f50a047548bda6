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
 * threads while reading and writing stay in file order, so a restart resumes from the last commit point.
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

    public ScreeningJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ScreeningSettings settings, AsyncTaskExecutor matchingExecutor, ActiveMatcher matcher,
            SnapshotStore snapshots, io.vigil.batch.alerts.ApplyDecisionsTasklet applyDecisions) {
        this.applyDecisions = applyDecisions;
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
            ScreeningWriter writer) {
        return new StepBuilder(name, jobRepository).<InputItem, ScreenedItem>chunk(settings.chunkSize())
                .transactionManager(transactionManager).reader(reader).processor(processor).writer(writer)
                .taskExecutor(matchingExecutor).listener(writer).build();
    }

    public Step outputsStep(String name, RunOutputsTasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    /** The record screener over the run's pinned snapshot. */
    public RecordScreener screener(long snapshotId) {
        ActiveMatcher.Loaded loaded = matcher.forSnapshot(snapshotId);
        return new RecordScreener(loaded.matcher(), loaded.registry(), settings.embargo());
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
        java.nio.file.Path input = java.nio.file.Path.of(jobExecution.getJobParameters().getString(
                ScreeningLauncher.INPUT_FILE));
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
        }
    }
}
