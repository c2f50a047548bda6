package io.vigil.registry.download;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SourceDownloader} fetches lists: where the cache lives, timeouts, retries, size cap.
 *
 * <p>Example: {@code DownloadSettings.defaults(Path.of("/var/cache/vigil/lists")).withMaxAttempts(5)} gives a
 * 10 s connect timeout, 60 s request timeout (time to the response headers), 30 min transfer timeout (time for the
 * whole body), 5 attempts with backoff 2 s, 4 s, 8 s… capped at 60 s, a 512 MiB cap per file and no {@code file:}
 * URLs.
 *
 * @param cacheDirectory root of the cache; each source gets {@code <cacheDirectory>/<source name>/current/}
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed until the response headers arrive
 * @param transferTimeout time allowed for one whole response, body included (guards against stalled bodies)
 * @param maxAttempts attempts per file, at least 1 (1 = no retry)
 * @param backoffBase wait before the 2nd attempt; doubles for each further attempt
 * @param maxBackoff cap for the exponential backoff and for a server's {@code Retry-After}
 * @param userAgent the {@code User-Agent} header sent
 * @param clock source of the time recorded in {@code .vigil-download.json}
 * @param sleeper how to wait between attempts (tests pass a recorder that does not really sleep)
 * @param maxBytesPerFile a response larger than this is refused (default 512 MiB)
 * @param allowFileUrls whether {@code file:} URLs (an offline mirror) are accepted; default false
 */
public record DownloadSettings(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout,
        Duration transferTimeout, int maxAttempts, Duration backoffBase, Duration maxBackoff, String userAgent,
        Clock clock, Sleeper sleeper, long maxBytesPerFile, boolean allowFileUrls) {

    /** Default size cap per file: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /** Waits between attempts. The real one is {@link Thread#sleep(long)}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public DownloadSettings {
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(transferTimeout, "transferTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (backoffBase.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (maxBytesPerFile < 1) {
            throw new IllegalArgumentException("maxBytesPerFile must be positive, was " + maxBytesPerFile);
        }
    }

    /** Production defaults for a cache at {@code cacheDirectory} (see the class comment). */
    public static DownloadSettings defaults(Path cacheDirectory) {
        return new DownloadSettings(cacheDirectory, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(30), 3, Duration.ofSeconds(2), Duration.ofSeconds(60),
                "Vigil-sanctions-screening/0.1 (list download)", Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), DEFAULT_MAX_BYTES, false);
    }

    public DownloadSettings withTimeouts(Duration connect, Duration request, Duration transfer) {
        return new DownloadSettings(cacheDirectory, connect, request, transfer, maxAttempts, backoffBase, maxBackoff,
                userAgent, clock, sleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withMaxAttempts(int attempts) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, attempts,
                backoffBase, maxBackoff, userAgent, clock, sleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withBackoff(Duration base, Duration max) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                base, max, userAgent, clock, sleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withUserAgent(String agent) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                backoffBase, maxBackoff, agent, clock, sleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withClock(Clock newClock) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                backoffBase, maxBackoff, userAgent, newClock, sleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withSleeper(Sleeper newSleeper) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                backoffBase, maxBackoff, userAgent, clock, newSleeper, maxBytesPerFile, allowFileUrls);
    }

    public DownloadSettings withMaxBytesPerFile(long maxBytes) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                backoffBase, maxBackoff, userAgent, clock, sleeper, maxBytes, allowFileUrls);
    }

    public DownloadSettings withAllowFileUrls(boolean allow) {
        return new DownloadSettings(cacheDirectory, connectTimeout, requestTimeout, transferTimeout, maxAttempts,
                backoffBase, maxBackoff, userAgent, clock, sleeper, maxBytesPerFile, allow);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
