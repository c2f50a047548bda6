package io.vigil.batch.partition;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An embedded ActiveMQ Artemis broker with one TCP acceptor and the partition queue, for tests, small deployments
 * and the walk-through in docs/scale-out.md. It keeps no journal (a restarted broker has lost its queued requests; the
 * manager then times out and the run is restarted) and has no security: bind it to a private interface. Production
 * runs a standalone Artemis broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public EmbeddedBroker(String host, int port) {
        Configuration config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setGracefulShutdownEnabled(false);
        try {
            config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad broker address " + host + ":" + port + ": " + e.getMessage(), e);
        }
        config.addQueueConfiguration(QueueConfiguration.of(BrokerConnections.QUEUE)
                .setRoutingType(RoutingType.ANYCAST).setDurable(false));
        server.setConfiguration(config);
    }

    public void start() throws Exception {
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
