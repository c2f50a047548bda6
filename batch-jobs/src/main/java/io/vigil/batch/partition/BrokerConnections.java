package io.vigil.batch.partition;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.Locale;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Connection factories for a broker URL ({@code tcp://host:61616}). Broker credentials, when the broker wants them,
 * come from the environment ({@code VIGIL_BROKER_USER}, {@code VIGIL_BROKER_PASSWORD}, read once at start-up), never
 * from the URL or the command line.
 */
public class BrokerConnections {

    /** The queue partition requests travel on. */
    public static final String QUEUE = "vigil.partitions";

    private final String user;
    private final String password;

    public BrokerConnections(String user, String password) {
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /** A usage error (exit 2) for a URL that is not a broker URL or carries a password. */
    public static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new VigilException(ExitCodes.USAGE, "--broker needs a broker URL, e.g. tcp://broker-host:61616");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=")) {
            throw new VigilException(ExitCodes.USAGE, "--broker: put no password in the URL; set VIGIL_BROKER_USER "
                    + "and VIGIL_BROKER_PASSWORD in the environment");
        }
        if (!(lower.startsWith("tcp://") || lower.startsWith("(tcp://") || lower.startsWith("vm://"))) {
            throw new VigilException(ExitCodes.USAGE, "--broker '" + url + "' is not a broker URL (tcp://host:port)");
        }
        return url;
    }

    /** For the manager, which only sends. */
    public ActiveMQConnectionFactory forManager(String url) {
        return create(checkedUrl(url));
    }

    /**
     * For a worker: {@code consumerWindowSize=0}, so a busy worker holds no requests in its buffer and an idle one
     * takes the next.
     */
    public ActiveMQConnectionFactory forWorker(String url) {
        String u = checkedUrl(url);
        if (!u.contains("consumerWindowSize")) {
            u += (u.contains("?") ? "&" : "?") + "consumerWindowSize=0";
        }
        return create(u);
    }

    private ActiveMQConnectionFactory create(String url) {
        ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url);
        if (user != null) {
            cf.setUser(user);
            cf.setPassword(password);
        }
        return cf;
    }

    /**
     * Connects once, so an unreachable broker is reported before anything runs: exit 4 (the run, if one was started
     * before, stays restartable).
     */
    public void check(ActiveMQConnectionFactory cf, String url) {
        try (Connection c = cf.createConnection()) {
            c.start();
        } catch (JMSException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            throw new VigilException(ExitCodes.FAILED, "the broker at " + url + " is unreachable (" + why.strip()
                    + "); nothing was screened: start the broker and run the same command again");
        }
    }
}
