package io.vigil.batch.nightly;

import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.lookback.LookbackLauncher;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The night's last step: when the refresh imported a snapshot that adds or changes parties, runs {@code lookbackJob}
 * over the payments of the last {@code vigil.lookback.days} days, so the morning's first question (did we pay any of
 * them?) is answered with the night's reports. Otherwise, or with {@code vigil.lookback.on-refresh: false}, it does
 * nothing.
 */
class NightlyLookbackTasklet implements Tasklet {

    private final LookbackLauncher launcher;
    private final JobRepository repository;
    private final ScreeningJobs jobs;
    private final SnapshotStore snapshots;
    private final boolean onRefresh;
    private final int days;

    NightlyLookbackTasklet(LookbackLauncher launcher, JobRepository repository, ScreeningJobs jobs,
            SnapshotStore snapshots, boolean onRefresh, int days) {
        this.launcher = launcher;
        this.repository = repository;
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.onRefresh = onRefresh;
        this.days = days;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        var context = step.getExecutionContext();
        StepExecution refresh = repository.getLastStepExecution(step.getJobExecution().getJobInstance(),
                "refreshLists");
        if (!onRefresh || refresh == null || !refresh.getExecutionContext().containsKey(
                RefreshListsTasklet.REFRESHED_FROM)) {
            context.putString(ScreeningJobStep.SUMMARY, onRefresh ? "no new snapshot tonight; no lookback"
                    : "lookback on refresh turned off (vigil.lookback.on-refresh)");
            contribution.setExitStatus(ExitStatus.NOOP);
            return RepeatStatus.FINISHED;
        }
        long from = refresh.getExecutionContext().getLong(RefreshListsTasklet.REFRESHED_FROM);
        long to = snapshots.active().orElseThrow().id();
        var changes = jobs.changes(from, to);
        if (changes.screenedAgainst().isEmpty()) {
            context.putString(ScreeningJobStep.SUMMARY, "the new snapshot " + to + " adds or changes no party; no "
                    + "lookback");
            return RepeatStatus.FINISHED;
        }
        var params = step.getJobExecution().getJobParameters();
        LocalDate date = params.getLocalDate(ScreeningLauncher.BUSINESS_DATE);
        String out = params.getString(ScreeningLauncher.OUT_DIR);
        JobRuns.Outcome outcome = launcher.launch(date, days, out == null ? null : Path.of(out).resolve("lookback")
                .toString(), "true".equals(params.getString(NightlyLauncher.RERUN_SCREENING)));
        JobExecution execution = outcome.alreadyCompleted() ? outcome.previous() : outcome.execution();
        context.putLong(ScreeningJobStep.EXECUTION_ID, execution.getId());
        var ctx = execution.getExecutionContext();
        context.putString(ScreeningJobStep.SUMMARY, outcome.alreadyCompleted() ? "already completed (execution "
                + execution.getId() + ")" : ctx.containsKey("summary") ? ctx.getString("summary") : "");
        if (ctx.containsKey("out.dir")) {
            context.putString(ScreeningJobStep.OUT_DIR, ctx.getString("out.dir"));
        }
        int code = JobRuns.exitCode(execution);
        if (code != 0) {
            throw new VigilException(code, "lookbackJob execution " + execution.getId() + " " + execution.getStatus()
                    + ": " + JobRuns.failure(execution));
        }
        return RepeatStatus.FINISHED;
    }
}
