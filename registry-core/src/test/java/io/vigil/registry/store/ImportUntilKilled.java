package io.vigil.registry.store;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.testing.RegistryFixtures;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Test-only child process for {@link KilledImportTests}: opens the H2 file database given as first argument and saves
 * one large generated snapshot ({@code RegistryFixtures.many(n)}, n = second argument) through the production
 * {@link JdbcSnapshotStore}, to be killed with SIGKILL half-way.
 *
 * <p>The DataSource is wrapped in a JDK proxy that watches the {@code REGISTRY_SNAPSHOT_PARTY} insert statement, so
 * no production seam is needed. Protocol on stdout, one flushed line each:
 * <pre>
 * WRITING snapshot=2 contentRows=200000 partyRows=5000   once the party insert has run {@code signalAfter} batches
 * PARTIES 6000                                           after every further party batch (rows sent to H2 so far)
 * COMMITTED 2                                            only if save() returned: the kill came too late
 * </pre>
 *
 * <p>Example: {@code java -cp … io.vigil.registry.store.ImportUntilKilled /tmp/x/vigil 200000 5}.
 */
final class ImportUntilKilled {

    private static final String PARTY_INSERT = "INSERT INTO REGISTRY_SNAPSHOT_PARTY";
    private static final String CONTENT_INSERT = "INSERT INTO REGISTRY_PARTY_CONTENT";

    private ImportUntilKilled() {
    }

    public static void main(String[] args) {
        String dbPath = args[0];
        int parties = Integer.parseInt(args[1]);
        int signalAfter = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dbPath);
        Progress progress = new Progress(out, signalAfter);
        JdbcSnapshotStore store = new JdbcSnapshotStore(watching(h2, progress),
                Clock.fixed(RegistryFixtures.T0.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        SnapshotContent content = new SnapshotContent(
                List.of(RegistryFixtures.parsed("ofac-sdn-csv", RegistryFixtures.many(parties))), PartyLinks.empty(),
                "large import, to be killed");
        long id = store.save(content);
        out.println("COMMITTED " + id);
    }

    /** Counts rows sent by executeBatch; single-threaded (the store writes on the caller's thread). */
    private static final class Progress {
        private final PrintStream out;
        private final int signalAfter;
        private long snapshotId = -1;
        private long contentRows;
        private long partyRows;
        private int partyBatches;

        Progress(PrintStream out, int signalAfter) {
            this.out = out;
            this.signalAfter = signalAfter;
        }

        void contentBatch(int[] counts) {
            contentRows += counts.length;
        }

        void partyBatch(int[] counts) {
            partyRows += counts.length;
            partyBatches++;
            if (partyBatches == signalAfter) {
                out.println("WRITING snapshot=" + snapshotId + " contentRows=" + contentRows + " partyRows="
                        + partyRows);
            } else if (partyBatches > signalAfter) {
                out.println("PARTIES " + partyRows);
            }
        }
    }

    private static DataSource watching(DataSource target, Progress progress) {
        return proxy(DataSource.class, (p, m, a) -> {
            Object r = call(target, m, a);
            return r instanceof Connection c ? connection(c, progress) : r;
        });
    }

    private static Connection connection(Connection target, Progress progress) {
        return proxy(Connection.class, (p, m, a) -> {
            Object r = call(target, m, a);
            if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql) {
                if (sql.startsWith(PARTY_INSERT)) {
                    return statement((PreparedStatement) r, progress, true);
                }
                if (sql.startsWith(CONTENT_INSERT)) {
                    return statement((PreparedStatement) r, progress, false);
                }
            }
            return r;
        });
    }

    private static PreparedStatement statement(PreparedStatement target, Progress progress, boolean party) {
        return proxy(PreparedStatement.class, (p, m, a) -> {
            if (party && m.getName().equals("setLong") && Integer.valueOf(1).equals(a[0])) {
                progress.snapshotId = (Long) a[1];
            }
            Object r = call(target, m, a);
            if (m.getName().equals("executeBatch")) {
                if (party) {
                    progress.partyBatch((int[]) r);
                } else {
                    progress.contentBatch((int[]) r);
                }
            }
            return r;
        });
    }

    private static Object call(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(ImportUntilKilled.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
