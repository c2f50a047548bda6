package io.vigil.batch.cli;

import io.vigil.batch.partition.PartitionWorker;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil worker --broker URL [--consumers N]}: screens partitions of partitioned runs until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Runs a worker that takes screening "
        + "partitions from the broker (remote partitioning) until it is stopped (SIGTERM). It needs the run's shared "
        + "PostgreSQL database (--db) and the manager's matching configuration.")
class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "The broker, e.g. "
            + "tcp://broker-host:61616 (consumerWindowSize=0 is added).")
    String broker;

    @Option(names = "--consumers", paramLabel = "N", defaultValue = "1", description = "Partitions screened at "
            + "once (default 1; each already uses vigil.screening.threads matching threads).")
    int consumers;

    private final PartitionWorker worker;
    private final org.springframework.core.env.Environment environment;

    WorkerCommand(PartitionWorker worker, org.springframework.core.env.Environment environment) {
        this.worker = worker;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PartitionWorker.requireSharedDatabase(environment.getProperty("spring.datasource.url"));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-worker-stop"));
        var out = spec.commandLine().getOut();
        try {
            worker.serve(broker, consumers, stop, () -> {
                out.printf(Locale.ROOT, "worker ready: taking partitions from %s%n", broker);
                out.flush();
            });
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
