package io.vigil.batch.launch;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import java.time.LocalDateTime;
import java.util.function.LongFunction;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts and restarts jobs by their identity. The same identifying parameters run again are refused as already
 * completed (unless a rerun is asked for, which adds an identifying {@code rerun} attempt number); a failed run
 * started again is restarted from its last commit point, not begun afresh; an execution left {@code STARTED} by a
 * killed process is marked failed first (safe, because the caller holds the {@link RunLock}).
 */
public class JobRuns {

    /** Identifying parameter added to a rerun: 1 for the first rerun, 2 for the next… */
    public static final String RERUN = "rerun";

    /** What happened: the execution (null when nothing ran) and the earlier completed one, if any. */
    public record Outcome(JobExecution execution, boolean alreadyCompleted, JobExecution previous) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    /** Looked up when a job is started, so a job (the nightly one) may itself start others through this. */
    private final ObjectProvider<Job> jobs;

    public JobRuns(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<Job> jobs) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
    }

    /**
     * Starts {@code jobName} with the parameters {@code identity} gives for a rerun attempt (0 = the first run).
     * Without {@code rerun}: refused when that identity already completed; restarted from its last commit point
     * when it failed or was killed. With {@code rerun}: a new attempt, screened from the start, whatever happened
     * to the earlier ones.
     */
    public Outcome start(String jobName, LongFunction<JobParameters> identity, boolean rerun) throws Exception {
        Job job = job(jobName);
        // the caller holds the run lock: an execution of this job still marked running was left by a killed process
        for (JobExecution stale : jobRepository.findRunningJobExecutions(jobName)) {
            abandon(stale, "the process ended without finishing (killed or crashed); found by the next run");
        }
        long attempt = 0;
        JobParameters params = identity.apply(attempt);
        JobExecution last = jobRepository.getLastJobExecution(jobName, params);
        JobExecution completed = null;
        while (last != null && (rerun || last.getStatus() == BatchStatus.COMPLETED)) {
            if (!rerun) {
                return new Outcome(null, true, last);
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                completed = last;
            } else if (last.getStatus().isRunning()) {
                abandon(last, "the process ended without finishing (killed or crashed); superseded by a rerun");
            }
            attempt++;
            params = identity.apply(attempt);
            last = jobRepository.getLastJobExecution(jobName, params);
        }
        if (last != null && last.getStatus().isRunning()) {
            abandon(last, "the process ended without finishing (killed or crashed); restarted by running the same "
                    + "command again");
        }
        return new Outcome(jobOperator.start(job, params), false, completed);
    }

    /**
     * Resumes the run that execution {@code executionId} belongs to: restarts its latest execution from its last
     * commit point, or reports it already completed when a later execution (a manual restart) finished it.
     */
    public Outcome resume(long executionId) throws Exception {
        JobExecution execution = existing(executionId);
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome(null, true, latest);
        }
        return new Outcome(restart(latest == null ? executionId : latest.getId()), false, null);
    }

    /** Restarts a failed, stopped or killed execution from its last commit point. */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = existing(executionId);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new VigilException(ExitCodes.USAGE, "execution " + executionId + " already completed");
        }
        if (execution.getStatus().isRunning()) {
            abandon(execution, "the process ended without finishing (killed or crashed); restarted by 'vigil restart'");
        }
        return jobOperator.restart(execution);
    }

    /** The execution with this id; a usage error (exit 2) naming the id when there is none. */
    private JobExecution existing(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new VigilException(ExitCodes.USAGE, "no job execution " + executionId + " (see 'vigil jobs' for "
                    + "the execution ids)");
        }
        return execution;
    }

    /** Marks an execution a killed process left running as failed, so it can be restarted. */
    private void abandon(JobExecution execution, String why) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                abandon(step, why, now);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        execution.setEndTime(now);
        jobRepository.update(execution);
    }

    /**
     * Marks a step execution failed. A partition of a partitioned run may still be committing chunks on a worker
     * while this happens: on a version conflict the execution is read again and marked then (the worker's next
     * commit then fails on the version, so the restart's new execution of that partition takes over alone).
     */
    private void abandon(StepExecution step, String why, LocalDateTime now) {
        StepExecution current = step;
        for (int attempt = 1; ; attempt++) {
            current.setStatus(BatchStatus.FAILED);
            current.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            current.setEndTime(now);
            try {
                jobRepository.update(current);
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                StepExecution reread = jobRepository.getStepExecution(step.getId());
                if (attempt >= 20 || reread == null) {
                    throw e;
                }
                if (!reread.getStatus().isRunning()) {
                    return;
                }
                current = reread;
            }
        }
    }

    /**
     * The exit code for a finished execution: 0 completed; the code of a {@link VigilException} among the failures;
     * 3 for bad input (an unreadable input or list file, the skip limit); 4 for any other failure (restartable).
     */
    public static int exitCode(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.OK;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof VigilException v) {
                    return v.exitCode();
                }
                if (isBadInput(c)) {
                    return ExitCodes.BAD_INPUT;
                }
            }
        }
        return ExitCodes.FAILED;
    }

    /** The failure's message for the operator: the input problem when there is one, else the root cause. */
    public static String failure(JobExecution execution) {
        Throwable root = null;
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof VigilException || isBadInput(c)) {
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

    private static boolean isBadInput(Throwable t) {
        return t instanceof io.vigil.registry.screen.InputFileException
                || t instanceof io.vigil.batch.screening.SkipLimitExceededException
                || t instanceof io.vigil.registry.source.ListParseException
                || t instanceof io.vigil.registry.imports.ImportRejectedException
                || t instanceof io.vigil.registry.download.DownloadException;
    }

    private Job job(String name) {
        return jobs.orderedStream().filter(j -> j.getName().equals(name)).findFirst()
                .orElseThrow(() -> new VigilException(ExitCodes.USAGE, "no job " + name));
    }
}
