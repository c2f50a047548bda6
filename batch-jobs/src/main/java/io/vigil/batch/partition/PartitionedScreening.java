package io.vigil.batch.partition;

import io.vigil.batch.screening.InputItemReader;
import io.vigil.batch.screening.ScreeningInputs;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.batch.screening.ScreeningWriter;
import io.vigil.registry.screen.input.InputKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's side: turns a job's screening step into one that, when the run asks for partitions ({@code
 * partitions} and {@code broker.url} job parameters), cuts the input, sends one request per slice to the broker and
 * polls the job repository until every partition has finished, then sums the partitions' counters into its own
 * context, where the outputs step reads them as it does after a single-node screening step.
 */
public class PartitionedScreening {

    /** Job parameters (not identifying): how many partitions, and the broker's URL. */
    public static final String PARTITIONS = "partitions";
    public static final String BROKER_URL = "broker.url";
    /** Job execution context key: the partitions the run started with (recorded by a partitioned run only). */
    public static final String RUN_PARTITIONS = "screen.partitions";

    /** The step context counters a partition keeps and the manager sums. */
    static final List<String> COUNTERS = List.of(InputItemReader.ITEMS, InputItemReader.RECORDS,
            InputItemReader.REJECTED, ScreeningWriter.RECORDS_FULL, ScreeningWriter.RECORDS_CHANGED_PARTIES);

    private final JobRepository jobRepository;
    private final ScreeningInputs inputs;
    private final BrokerConnections connections;
    private final SnapshotSeal seal;
    private final Duration timeout;
    private final Duration pollInterval;

    public PartitionedScreening(JobRepository jobRepository, ScreeningInputs inputs, BrokerConnections connections,
            SnapshotSeal seal, Duration timeout, Duration pollInterval) {
        this.jobRepository = jobRepository;
        this.inputs = inputs;
        this.connections = connections;
        this.seal = seal;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** The job's screening step: {@code local} on one node, or partitioned when the run asks for it. */
    public Step orLocal(Step local, String workerStep, InputKind kind) {
        return new PartitionedScreenStep(local, workerStep, kind, this);
    }

    /** A worker's reader of the slice its partition's context describes. */
    public InputItemReader sliceReader(Path file, InputKind kind, StepExecution partition) {
        ExecutionContext c = partition.getExecutionContext();
        return inputs.reader(file, kind, SlicePartitioner.slice(c), SlicePartitioner.repeats(c));
    }

    JobRepository jobRepository() {
        return jobRepository;
    }

    /** Runs the partitioned screening step in {@code manager}'s execution. */
    void execute(StepExecution manager, String workerStep, InputKind kind, int partitions, String brokerUrl)
            throws Exception {
        JobExecution job = manager.getJobExecution();
        seal.record(job.getExecutionContext());
        job.getExecutionContext().putLong(RUN_PARTITIONS, partitions);
        // the workers read the pinned snapshot and its seal from the job's context: save it before any request
        jobRepository.updateExecutionContext(job);
        ActiveMQConnectionFactory cf = connections.forManager(brokerUrl);
        connections.check(cf, brokerUrl);
        SingleConnectionFactory shared = new SingleConnectionFactory(cf);
        try {
            JmsTemplate jms = new JmsTemplate(shared);
            MessageChannel requests = new RequestChannel(jms);
            MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
            handler.setStepName(workerStep);
            handler.setGridSize(partitions);
            handler.setJobRepository(jobRepository);
            handler.setPollInterval(pollInterval.toMillis());
            handler.setTimeout(timeout.toMillis());
            handler.setMessagingOperations(new MessagingTemplate(requests));
            handler.afterPropertiesSet();
            Path file = Path.of(job.getJobParameters().getString(ScreeningLauncher.INPUT_FILE));
            Step step = new StepBuilder(manager.getStepName(), jobRepository)
                    .partitioner(workerStep, new SlicePartitioner(inputs, file, kind))
                    .partitionHandler(handler).gridSize(partitions)
                    .aggregator(new Sums(jobRepository, workerStep, partitions)).build();
            step.execute(manager);
            explainFailedPartitions(manager, workerStep, partitions);
        } finally {
            shared.destroy();
        }
    }

    /**
     * A failed partition's reason is in the repository, written by its worker: name it in the manager's failure, so
     * the operator reads it in the command's one-line error.
     */
    private void explainFailedPartitions(StepExecution manager, String workerStep, int partitions) {
        if (manager.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
            return;
        }
        for (int i = 0; i < partitions; i++) {
            StepExecution last = jobRepository.getLastStepExecution(manager.getJobExecution().getJobInstance(),
                    workerStep + ":" + SlicePartitioner.name(i));
            if (last != null && last.getStatus() == org.springframework.batch.core.BatchStatus.FAILED) {
                String why = last.getExitStatus().getExitDescription();
                int nl = why == null ? -1 : why.indexOf('\n');
                why = why == null || why.isBlank() ? "see the worker's log" : nl > 0 ? why.substring(0, nl) : why;
                manager.addFailureException(new io.vigil.batch.errors.VigilException(
                        io.vigil.batch.errors.ExitCodes.FAILED, "partition " + last.getStepName()
                        + " failed on a worker: " + why));
                return;
            }
        }
    }

    /** Sends a partition request as a text message, "{step name} {step execution id}": no Java serialization. */
    private record RequestChannel(JmsTemplate jms) implements MessageChannel {
        @Override
        public boolean send(Message<?> message, long timeout) {
            var request = (org.springframework.batch.integration.partition.StepExecutionRequest) message.getPayload();
            jms.send(BrokerConnections.QUEUE, session -> session.createTextMessage(request.getStepName() + " "
                    + request.getStepExecutionId()));
            return true;
        }
    }

    /**
     * Spring Batch's sums of this execution's partitions, then the domain counters of every partition's latest
     * execution (partitions finished by an earlier execution of the run included) into the manager's context.
     */
    private record Sums(JobRepository jobRepository, String workerStep, int partitions)
            implements StepExecutionAggregator {
        @Override
        public void aggregate(StepExecution result, Collection<StepExecution> executions) {
            new DefaultStepExecutionAggregator().aggregate(result, executions);
            long[] sums = new long[COUNTERS.size()];
            for (int i = 0; i < partitions; i++) {
                StepExecution last = jobRepository.getLastStepExecution(result.getJobExecution().getJobInstance(),
                        workerStep + ":" + SlicePartitioner.name(i));
                if (last == null) {
                    continue;
                }
                ExecutionContext c = last.getExecutionContext();
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += c.getLong(COUNTERS.get(k), 0L);
                }
            }
            for (int k = 0; k < sums.length; k++) {
                result.getExecutionContext().putLong(COUNTERS.get(k), sums[k]);
            }
        }
    }
}
