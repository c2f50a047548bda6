package io.vigil.batch.partition;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A long-lived worker: takes partition requests from the broker's queue and runs each as Spring Batch's {@link
 * StepExecutionRequestHandler} does (load the step execution from the shared job repository, execute the named
 * step on it), after checking the request is still current. Each request is received in a JMS transaction
 * that commits only when the partition has finished, so the request of a worker killed mid-partition goes back to
 * the queue and the next worker resumes that partition's step execution from its last commit point. A request for a
 * partition that is no longer waiting or running (a manager restart superseded it) is dropped.
 */
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final BrokerConnections connections;
    private final Map<String, Step> steps;

    public PartitionWorker(JobRepository jobRepository, BrokerConnections connections, Map<String, Step> steps) {
        this.jobRepository = jobRepository;
        this.connections = connections;
        this.steps = Map.copyOf(steps);
    }

    /** Serves partitions until {@code stop} is counted down (the process is told to stop). */
    public void serve(String brokerUrl, int consumers, CountDownLatch stop, Runnable onReady)
            throws InterruptedException {
        ActiveMQConnectionFactory cf = connections.forWorker(brokerUrl);
        connections.check(cf, brokerUrl);
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(cf);
        container.setDestinationName(BrokerConnections.QUEUE);
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(Math.max(1, consumers));
        container.setMaxConcurrentConsumers(Math.max(1, consumers));
        container.setRecoveryInterval(2_000);
        container.setMessageListener((MessageListener) this::onMessage);
        container.afterPropertiesSet();
        container.start();
        onReady.run();
        try {
            stop.await();
        } finally {
            container.stop();
            container.shutdown();
        }
    }

    private void onMessage(Message message) {
        String text;
        try {
            text = message instanceof TextMessage t ? t.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        String[] parts = text == null ? new String[0] : text.split(" ");
        if (parts.length != 2 || !steps.containsKey(parts[0])) {
            log.warn("dropping a message that is not a partition request of this version: {}", text);
            return;
        }
        long id = Long.parseLong(parts[1]);
        StepExecution execution = jobRepository.getStepExecution(id);
        if (execution == null) {
            log.warn("dropping the request for step execution {}: no such execution", id);
            return;
        }
        BatchStatus status = execution.getStatus();
        if ((status != BatchStatus.STARTING && status != BatchStatus.STARTED)
                || !execution.getJobExecution().getStatus().isRunning()) {
            log.info("dropping the request for {} (execution {}): it is {} and its job {}; a later request "
                    + "supersedes it", execution.getStepName(), id, status, execution.getJobExecution().getStatus());
            return;
        }
        log.info("{} of job execution {}: {}", execution.getStepName(), execution.getJobExecutionId(),
                status == BatchStatus.STARTED ? "resuming after its last commit point (its worker stopped)"
                        : "starting");
        // run the execution as loaded above: if a restarted manager has meanwhile marked it failed, its version has
        // moved on and the step's first update fails, instead of screening a partition that a new execution redoes
        StepExecution done = run(steps.get(parts[0]), execution);
        log.info("{} of job execution {}: {}, {} items read", done.getStepName(), done.getJobExecutionId(),
                done.getStatus(), done.getReadCount());
    }

    /** What Spring Batch's {@link StepExecutionRequestHandler} does, on an execution already loaded. */
    private static StepExecution run(Step step, StepExecution execution) {
        try {
            step.execute(execution);
        } catch (org.springframework.batch.core.job.JobInterruptedException e) {
            execution.setStatus(BatchStatus.STOPPED);
        } catch (Throwable e) {
            execution.addFailureException(e);
            execution.setStatus(BatchStatus.FAILED);
        }
        return execution;
    }

    /** A usage error (exit 2) when the database is the embedded H2 file, which other processes cannot share. */
    public static void requireSharedDatabase(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.startsWith("jdbc:h2:")) {
            throw new VigilException(ExitCodes.USAGE, "vigil worker needs the run's shared database: the embedded "
                    + "H2 file database cannot be opened by several processes at once. Point the manager and every "
                    + "worker at one PostgreSQL database (--db jdbc:postgresql://HOST:5432/DB).");
        }
    }
}
