package io.vigil.batch.partition;

import io.vigil.batch.screening.RunMethod;
import io.vigil.batch.screening.ScreeningInputs;
import io.vigil.registry.store.SnapshotStore;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Remote partitioning: the manager's partitioned screening step, the snapshot seal, and the worker. Settings:
 * {@code vigil.partitioning.timeout} (how long the manager waits for all partitions, default 8 h: the batch window)
 * and {@code vigil.partitioning.poll-interval} (how often it looks at the job repository, default 2 s).
 */
@Configuration(proxyBeanMethods = false)
class PartitioningConfiguration {

    @Bean
    BrokerConnections brokerConnections(@Value("${VIGIL_BROKER_USER:}") String user,
            @Value("${VIGIL_BROKER_PASSWORD:}") String password) {
        return new BrokerConnections(user, password);
    }

    @Bean
    SnapshotSeal snapshotSeal(SnapshotStore snapshots, LongFunction<RunMethod> runMethods) {
        return new SnapshotSeal(snapshots, runMethods);
    }

    @Bean
    PartitionedScreening partitionedScreening(JobRepository jobRepository, ScreeningInputs inputs,
            BrokerConnections connections, SnapshotSeal seal,
            @Value("${vigil.partitioning.timeout:PT8H}") Duration timeout,
            @Value("${vigil.partitioning.poll-interval:PT2S}") Duration pollInterval) {
        return new PartitionedScreening(jobRepository, inputs, connections, seal, timeout, pollInterval);
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, BrokerConnections connections,
            Step screenCounterpartiesPartition, Step screenTransactionsPartition) {
        return new PartitionWorker(jobRepository, connections, Map.of(
                screenCounterpartiesPartition.getName(), screenCounterpartiesPartition,
                screenTransactionsPartition.getName(), screenTransactionsPartition));
    }
}
