package io.vigil.registry.download;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server on 127.0.0.1 and an ephemeral port. Each path answers with its responders in order; the
 * last one repeats. Records every request's headers. {@link #close()} releases slow handlers and stops at once.
 */
final class FakeListServer implements AutoCloseable {

    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, CountDownLatch released) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-list-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, List<Responder>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Headers>> requests = new ConcurrentHashMap<>();

    FakeListServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} with {@code responders} in turn, repeating the last. */
    FakeListServer on(String path, Responder... responders) {
        scripts.put(path, new ArrayList<>(List.of(responders)));
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    String url(String pathAndQuery) {
        return uri(pathAndQuery).toString();
    }

    int hits(String path) {
        return requests.getOrDefault(path, List.of()).size();
    }

    /** The headers of the {@code n}-th (0-based) request to {@code path}. */
    Headers request(String path, int n) {
        return requests.get(path).get(n);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
                .add(exchange.getRequestHeaders());
        List<Responder> script = scripts.get(path);
        try (exchange) {
            if (script == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Responder next;
            synchronized (script) {
                next = script.size() > 1 ? script.remove(0) : script.get(0);
            }
            next.respond(exchange, released);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client timed out or gave up; nothing to do
        }
    }

    // ------------------------------------------------------------------------------------------- responders

    static Responder ok(byte[] body, String... headerPairs) {
        return (ex, released) -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                ex.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** 200 with chunked transfer encoding (no Content-Length). */
    static Responder okChunked(byte[] body) {
        return (ex, released) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        };
    }

    static Responder status(int code, String... headerPairs) {
        return (ex, released) -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                ex.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            ex.sendResponseHeaders(code, -1);
        };
    }

    /** 304 when the request carries {@code If-None-Match: etag}, else 200 with {@code body}. */
    static Responder conditional(String etag, byte[] body) {
        return (ex, released) -> {
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", etag);
                ex.sendResponseHeaders(304, -1);
            } else {
                ok(body, "ETag", etag).respond(ex, released);
            }
        };
    }

    /** Waits {@code delay} (or until the server closes) before answering 200. */
    static Responder slow(Duration delay, byte[] body) {
        return (ex, released) -> {
            released.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            ok(body).respond(ex, released);
        };
    }
}
