package io.vigil.batch.partition;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.screening.InputItemReader;
import io.vigil.registry.screen.input.InputKind;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job's screening step under its usual name: the single-node chunk step, or, for a run started with partitions,
 * the partitioned manager step. A run keeps the way it started: a restart asking for the other is refused, since the
 * commit points of the one mean nothing to the other.
 */
class PartitionedScreenStep implements Step {

    private final Step local;
    private final String workerStep;
    private final InputKind kind;
    private final PartitionedScreening partitioned;

    PartitionedScreenStep(Step local, String workerStep, InputKind kind, PartitionedScreening partitioned) {
        this.local = local;
        this.workerStep = workerStep;
        this.kind = kind;
        this.partitioned = partitioned;
    }

    @Override
    public String getName() {
        return local.getName();
    }

    @Override
    public boolean isAllowStartIfComplete() {
        return local.isAllowStartIfComplete();
    }

    @Override
    public int getStartLimit() {
        return local.getStartLimit();
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        var params = stepExecution.getJobParameters();
        Long asked = params.getLong(PartitionedScreening.PARTITIONS);
        int partitions = asked == null ? 0 : asked.intValue();
        var job = stepExecution.getJobExecution().getExecutionContext();
        long started = job.getLong(PartitionedScreening.RUN_PARTITIONS, 0L);
        String problem = null;
        if (started > 0 && partitions != started) {
            problem = "this run started with " + started + " partitions; resume it the same way (--partitions "
                    + started + " --broker URL), or screen it again from the start with --rerun";
        } else if (started == 0 && partitions > 0 && stepExecution.getExecutionContext().containsKey(
                InputItemReader.ITEMS)) {
            problem = "this run started on one node; resume it without --partitions, or screen it again from the "
                    + "start with --rerun";
        }
        if (problem != null) {
            fail(stepExecution, new VigilException(ExitCodes.USAGE, problem));
            return;
        }
        if (partitions <= 0) {
            local.execute(stepExecution);
            return;
        }
        try {
            partitioned.execute(stepExecution, workerStep, kind, partitions,
                    params.getString(PartitionedScreening.BROKER_URL));
        } catch (JobInterruptedException e) {
            throw e;
        } catch (Exception e) {
            fail(stepExecution, e);
        }
    }

    private void fail(StepExecution stepExecution, Throwable e) {
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
        stepExecution.addFailureException(e);
        stepExecution.setEndTime(LocalDateTime.now());
        partitioned.jobRepository().update(stepExecution);
    }
}
