package io.vigil.batch.nightly;

import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.screening.ScreeningLauncher;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A step of {@code nightlyJob} that runs one screening job on the file named by a job parameter. The screening job
 * keeps its own identity (business date + file), so a night restarted after a failure resumes that job from its
 * last commit point, and a file that already completed for the date is not screened again. Without the file
 * parameter, the step does nothing ({@code NOOP}).
 *
 * <p>The step's context keeps what the operator is told: the screening execution id, its summary and its output
 * directory.
 */
final class ScreeningJobStep extends AbstractStep {

    static final String EXECUTION_ID = "screening.execution.id";
    static final String SUMMARY = "summary";
    static final String OUT_DIR = "out.dir";

    private final ScreeningLauncher launcher;
    private final JobRuns runs;
    private final String jobName;
    private final String fileParameter;
    private final String outSubdirectory;

    ScreeningJobStep(String name, JobRepository jobRepository, ScreeningLauncher launcher, JobRuns runs,
            String jobName, String fileParameter, String outSubdirectory) {
        super(jobRepository);
        setName(name);
        this.launcher = launcher;
        this.runs = runs;
        this.jobName = jobName;
        this.fileParameter = fileParameter;
        this.outSubdirectory = outSubdirectory;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) throws Exception {
        JobParameters params = stepExecution.getJobExecution().getJobParameters();
        String file = params.getString(fileParameter);
        ExecutionContext context = stepExecution.getExecutionContext();
        if (file == null) {
            stepExecution.setExitStatus(ExitStatus.NOOP.addExitDescription("no " + fileParameter + " given"));
            context.putString(SUMMARY, "no file given; nothing screened");
            return;
        }
        LocalDate date = params.getLocalDate(ScreeningLauncher.BUSINESS_DATE);
        String out = params.getString(ScreeningLauncher.OUT_DIR);
        String outDir = out == null ? null : Path.of(out).resolve(outSubdirectory).toString();
        boolean rerun = "true".equals(params.getString(NightlyLauncher.RERUN_SCREENING));
        JobRuns.Outcome outcome;
        if (context.containsKey(EXECUTION_ID)) {
            // this step failed before (the night is being restarted): resume the same screening run
            outcome = runs.resume(context.getLong(EXECUTION_ID));
        } else {
            outcome = launcher.launch(jobName, Path.of(file), date, outDir, rerun, null,
                    params.getString(io.vigil.batch.screening.DeltaPlanner.REQUESTED_MODE));
        }
        if (outcome.alreadyCompleted()) {
            JobExecution previous = outcome.previous();
            context.putLong(EXECUTION_ID, previous.getId());
            context.putString(SUMMARY, "already completed (execution " + previous.getId() + "); nothing screened");
            copy(previous, OUT_DIR, context);
            stepExecution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("already completed"));
            return;
        }
        JobExecution execution = outcome.execution();
        context.putLong(EXECUTION_ID, execution.getId());
        copy(execution, SUMMARY, context);
        copy(execution, OUT_DIR, context);
        int code = JobRuns.exitCode(execution);
        if (code != 0) {
            throw new VigilException(code, jobName + " execution " + execution.getId() + " " + execution.getStatus()
                    + ": " + JobRuns.failure(execution));
        }
    }

    private static void copy(JobExecution from, String key, ExecutionContext to) {
        if (from.getExecutionContext().containsKey(key)) {
            to.putString(key, from.getExecutionContext().getString(key));
        }
    }
}
