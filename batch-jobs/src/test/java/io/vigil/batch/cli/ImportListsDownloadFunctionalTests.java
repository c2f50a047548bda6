package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil import-lists} with no {@code --source}: downloads the configured sources from a server on the
 * loopback interface (never the internet), imports them, and falls back to the last good copy when the server
 * fails.
 */
class ImportListsDownloadFunctionalTests {

    @TempDir
    Path tmp;

    HttpServer server;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();
    VigilRunner vigil;

    @BeforeEach
    void startServer() throws Exception {
        Path sdn = RegistryCliFunctionalTests.copyDemo("ofac-sdn", tmp.resolve("served/ofac"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ofac/", exchange -> {
            requests.incrementAndGet();
            Path file = sdn.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName().toString());
            if (failing.get() || !Files.exists(file)) {
                exchange.sendResponseHeaders(failing.get() ? 503 : 404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ofac/";
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), """
                vigil:
                  registry:
                    sources:
                      - name: ofac-sdn
                        type: ofac-sdn-csv
                        urls: [%ssdn.csv, %sadd.csv, %salt.csv, %ssdn_comments.csv]
                    download:
                      max-attempts: 2
                      backoff: 10ms
                      connect-timeout: 2s
                      request-timeout: 5s
                """.formatted(base, base, base, base));
        vigil = new VigilRunner(tmp.resolve("data"), config);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void importLists_noSource_downloadsConfiguredSources_thenFallsBackToLastGoodCopy() throws Exception {
        // when the server answers
        Result first = vigil.run("import-lists");

        // then the set is downloaded into the cache, hashed and imported
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("ofac-sdn     downloaded (changed)")
                .containsPattern("sdn\\.csv\\s+[\\d,]+ bytes\\s+sha256 [0-9a-f]{64}")
                .contains("Snapshot 1 is now active");
        assertThat(tmp.resolve("data/lists/ofac-sdn/current/sdn.csv")).exists();
        assertThat(requests.get()).isEqualTo(4);

        // when the server fails
        failing.set(true);
        Result second = vigil.run("import-lists");

        // then the last good copy is imported, and the operator is told so
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("DOWNLOAD FAILED, using the last good copy").contains("503")
                .contains("Snapshot 2 is now active");
        assertThat(vigil.run("registry", "show", "ofac:43598").out()).contains("CHOE, Chol Min");
    }

    @Test
    void importLists_noSource_serverDownAndNoCache_exits3() {
        failing.set(true);

        Result r = vigil.run("import-lists");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("ofac-sdn").contains("503");
        assertThat(vigil.run("registry", "status").err()).contains("registry is empty");
    }
}
