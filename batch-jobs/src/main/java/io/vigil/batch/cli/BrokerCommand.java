package io.vigil.batch.cli;

import io.vigil.batch.partition.EmbeddedBroker;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil broker --port P [--host H]}: an embedded Artemis broker until stopped; needs no database. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "Runs an embedded ActiveMQ Artemis broker "
        + "for partitioned screening (tests and small deployments; production runs a standalone Artemis) until it "
        + "is stopped (SIGTERM). No persistence, no security: bind it to a private interface.")
class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "The TCP port to listen on.")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "The interface to listen "
            + "on (default 127.0.0.1; 0.0.0.0 for workers on other machines).")
    String host;

    BrokerCommand() {
    }

    @Override
    public Integer call() throws Exception {
        quietLogging();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedBroker broker = new EmbeddedBroker(host, port)) {
            try {
                broker.start();
            } catch (Exception e) {
                throw new io.vigil.batch.errors.VigilException(io.vigil.batch.errors.ExitCodes.FAILED,
                        "the broker cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "vigil-broker-stop"));
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "broker listening on tcp://%s:%d%n", host, port);
            out.flush();
            stop.await();
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /** Without Spring there is no logging configuration: Artemis's own INFO lines stay off the console. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
