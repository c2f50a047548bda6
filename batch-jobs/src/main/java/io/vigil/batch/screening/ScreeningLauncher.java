package io.vigil.batch.screening;

import io.vigil.batch.cli.ExitCodes;
import io.vigil.batch.cli.VigilException;
import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts a screening job for a business date and an input file, the two parameters that identify a run. The same
 * night and file run again is refused as already completed (unless a rerun is asked for); a failed run started
 * again with the same parameters is restarted from its last commit point, not begun afresh.
 */
public class ScreeningLauncher {

    /** What happened: the execution (null when nothing ran) and whether it had already completed before. */
    public record Outcome(JobExecution execution, boolean alreadyCompleted, JobExecution previous) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final List<Job> jobs;
    private final SnapshotStore snapshots;

    public ScreeningLauncher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
            SnapshotStore snapshots) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.snapshots = snapshots;
    }

    public Outcome launch(String jobName, Path input, LocalDate businessDate, String outDir, boolean rerun)
            throws Exception {
        Path file = input.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new VigilException(ExitCodes.BAD_INPUT, "input file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new VigilException(ExitCodes.BAD_INPUT, "input file " + file + " is not a readable file");
        }
        if (snapshots.active().isEmpty()) {
            throw new VigilException(ExitCodes.BAD_INPUT, "the registry is empty: run 'vigil import-lists' first");
        }
        Job job = job(jobName);
        long attempt = 0;
        JobParameters params = params(businessDate, file, outDir, attempt);
        JobExecution last = jobRepository.getLastJobExecution(jobName, params);
        while (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            if (!rerun) {
                return new Outcome(null, true, last);
            }
            attempt++;
            params = params(businessDate, file, outDir, attempt);
            last = jobRepository.getLastJobExecution(jobName, params);
        }
        JobExecution execution = jobOperator.start(job, params);
        return new Outcome(execution, false, last);
    }

    /** Restarts a failed or stopped execution from its last commit point. */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            throw new VigilException(ExitCodes.USAGE, "no job execution " + executionId);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new VigilException(ExitCodes.USAGE, "execution " + executionId + " already completed");
        }
        if (execution.getStatus().isRunning()) {
            // a process killed in the middle leaves its execution STARTED: mark it failed so it can be restarted
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(
                    "the process ended without finishing (killed or crashed); restarted by 'vigil restart'"));
            execution.setEndTime(java.time.LocalDateTime.now());
            for (var step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setEndTime(java.time.LocalDateTime.now());
                    jobRepository.update(step);
                }
            }
            jobRepository.update(execution);
        }
        return jobOperator.restart(execution);
    }

    /** The exit code for a finished execution: 0 completed, 3 bad input or skip limit, 4 any other failure. */
    public static int exitCode(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.OK;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof InputFileException || c instanceof SkipLimitExceededException) {
                    return ExitCodes.BAD_INPUT;
                }
            }
        }
        return ExitCodes.FAILED;
    }

    /** The failure's message for the operator: the input or skip-limit problem when there is one, else the root cause. */
    public static String failure(JobExecution execution) {
        Throwable root = null;
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof InputFileException || c instanceof SkipLimitExceededException) {
                    return c.getMessage();
                }
                root = c;
            }
        }
        if (root == null) {
            return execution.getExitStatus().getExitDescription();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private Job job(String name) {
        return jobs.stream().filter(j -> j.getName().equals(name)).findFirst()
                .orElseThrow(() -> new VigilException(ExitCodes.USAGE, "no job " + name));
    }

    private static JobParameters params(LocalDate businessDate, Path file, String outDir, long attempt) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addLocalDate("business.date", businessDate, true)
                .addString("input.file", file.toString(), true);
        if (attempt > 0) {
            b.addLong("rerun", attempt, true);
        }
        if (outDir != null) {
            b.addString("out.dir", Path.of(outDir).toAbsolutePath().normalize().toString(), false);
        }
        return b.toJobParameters();
    }
}
