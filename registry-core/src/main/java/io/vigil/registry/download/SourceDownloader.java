package io.vigil.registry.download;

import io.vigil.registry.download.ConfiguredSource.RemoteFile;
import io.vigil.registry.download.DownloadMetadata.FileEntry;
import io.vigil.registry.download.DownloadResult.DownloadedFile;
import io.vigil.registry.download.DownloadResult.Origin;
import io.vigil.registry.source.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads configured list sources into a local cache, keeping the last good copy.
 *
 * <p>Cache layout for a source named {@code ofac-sdn}: {@code <cache>/ofac-sdn/current/} holds the accepted
 * file(s) plus {@code .vigil-download.json} (redacted URL, time, SHA-256, ETag, Last-Modified per file);
 * {@code previous/} is the copy it replaced. A new download is staged in a fresh {@code staging-*} directory,
 * checked (non-empty, expected SHA-256, size cap, then the caller's {@link CandidateValidator}), and only a
 * complete, accepted set replaces {@code current/}: {@code current → previous}, {@code staging → current}, both
 * atomic renames. A crash between the two renames is repaired on the next run.
 *
 * <p>HTTP: connect and request timeouts, redirects followed (never https → http), up to
 * {@link DownloadSettings#maxAttempts()} attempts with exponential backoff on I/O errors, 5xx and 429 (honouring
 * {@code Retry-After}, capped), no retry on other statuses. The next run sends {@code If-None-Match} /
 * {@code If-Modified-Since}; 304 for every file gives {@link Origin#NOT_MODIFIED}. Only {@code http}/{@code https}
 * URLs are accepted, plus {@code file:} when {@link DownloadSettings#allowFileUrls()} is set.
 *
 * <p>Example: {@code new SourceDownloader(DownloadSettings.defaults(cache)).download(
 * ConfiguredSource.of("un", "un-xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),
 * (src, file) -> new UnXmlParser().parse(file))} → {@code DownloadResult[path=<cache>/un/current/consolidated.xml,
 * origin=DOWNLOADED, changed=true, …]}. When the download fails and a last good copy exists, that copy is returned
 * with {@link DownloadResult#stale()} true and the failure in its messages; otherwise {@link DownloadException}.
 *
 * <p>Every file fetched is logged at INFO (logger {@code io.vigil.registry.download.SourceDownloader}) with its
 * redacted URL, HTTP status, size, SHA-256 and duration. One download per source at a time (a file lock guards
 * the source's directory).
 */
public final class SourceDownloader {

    /** Name of the metadata file written beside the downloaded files. */
    public static final String METADATA_FILE = ".vigil-download.json";
    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";
    static final String STAGING_PREFIX = "staging-";
    static final String LOCK_FILE = ".lock";

    private static final System.Logger LOG = System.getLogger(SourceDownloader.class.getName());

    private final DownloadSettings settings;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    /** A downloader with an {@link HttpClient} built from the settings (see {@link #httpClient}). */
    public SourceDownloader(DownloadSettings settings) {
        this(settings, httpClient(settings));
    }

    /** A downloader using {@code client}; its connect timeout and redirect policy are the caller's choice. */
    public SourceDownloader(DownloadSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client the one-argument constructor uses: connect timeout from the settings, redirects NORMAL. */
    public static HttpClient httpClient(DownloadSettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** As {@link #download(ConfiguredSource, CandidateValidator)} with no validator. */
    public DownloadResult download(ConfiguredSource source) throws DownloadException {
        return download(source, CandidateValidator.ACCEPT_ALL);
    }

    /**
     * Downloads {@code source}, checks it, runs {@code validator} on the complete candidate and installs it as the
     * current copy.
     *
     * @return the fresh copy, the unchanged current copy (304), or the last good copy when the download failed
     * @throws DownloadException when the download failed and there is no last good copy, when a URL's scheme is
     *         not allowed, when another download of the source is running, or when interrupted
     */
    public DownloadResult download(ConfiguredSource source, CandidateValidator validator) throws DownloadException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validator, "validator");
        for (RemoteFile f : source.files()) {
            checkScheme(source, f);
        }
        Path sourceDir = settings.cacheDirectory().resolve(source.name());
        try {
            Files.createDirectories(sourceDir);
        } catch (IOException e) {
            throw new DownloadException(source.name(), null, "cannot create cache directory " + sourceDir + ": "
                    + e.getMessage(), e);
        }
        Path lockPath = sourceDir.resolve(LOCK_FILE);
        try (FileChannel lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new DownloadException(source.name(), null,
                        "another download of this source is in progress (lock " + lockPath + ")", null);
            }
            try {
                return downloadLocked(source, validator, sourceDir);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new DownloadException(source.name(), null, "cache I/O failed: " + e.getMessage(), e);
        }
    }

    /**
     * The last good copy of {@code source} without touching the network (e.g. for an offline run), with its
     * hashes re-verified; empty when there is none or it no longer matches its recorded hashes.
     */
    public Optional<DownloadResult> lastGoodCopy(ConfiguredSource source) {
        Path sourceDir = settings.cacheDirectory().resolve(source.name());
        Path dir = sourceDir.resolve(CURRENT);
        if (!Files.isDirectory(dir)) {
            dir = sourceDir.resolve(PREVIOUS);
        }
        return readSnapshot(source, dir).map(s -> s.toResult(source, Origin.LAST_GOOD_COPY, false, List.of()));
    }

    private DownloadResult downloadLocked(ConfiguredSource source, CandidateValidator validator, Path sourceDir)
            throws IOException, DownloadException {
        recover(sourceDir);
        Path currentDir = sourceDir.resolve(CURRENT);
        Optional<Snapshot> current = readSnapshot(source, currentDir);
        Path staging = Files.createTempDirectory(sourceDir, STAGING_PREFIX);
        try {
            List<Fetched> fetched = new ArrayList<>();
            for (RemoteFile f : source.files()) {
                fetched.add(fetch(source, f, staging, current));
            }
            Instant now = settings.clock().instant();
            if (fetched.stream().allMatch(Fetched::notModified)) {
                Snapshot snap = current.orElseThrow();
                writeMetadata(currentDir, snap.metadata().checkedAt(now.toString()));
                LOG.log(Level.INFO, () -> source.name() + ": not modified since " + snap.metadata().downloadedAt()
                        + ", keeping " + currentDir);
                return snap.toResult(source, Origin.NOT_MODIFIED, false,
                        List.of("not modified since " + snap.metadata().downloadedAt() + " (HTTP 304)"));
            }
            List<String> messages = new ArrayList<>();
            List<FileEntry> entries = new ArrayList<>();
            for (Fetched f : fetched) {
                if (f.notModified()) {
                    Snapshot snap = current.orElseThrow();
                    Files.copy(snap.dir().resolve(f.file().fileName()), staging.resolve(f.file().fileName()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                    messages.add(f.file().fileName() + ": not modified (HTTP 304)");
                    FileEntry old = snap.metadata().file(f.file().fileName());
                    entries.add(new FileEntry(old.name(), old.url(), old.sha256(), old.sizeBytes(),
                            f.etag() != null ? f.etag() : old.etag(),
                            f.lastModified() != null ? f.lastModified() : old.lastModified()));
                } else {
                    messages.add(f.file().fileName() + ": " + f.status() + ", " + f.bytes() + " bytes, sha256 "
                            + f.sha256());
                    entries.add(new FileEntry(f.file().fileName(), Urls.redact(f.file().url()), f.sha256(),
                            f.bytes(), f.etag(), f.lastModified()));
                }
            }
            Path candidate = source.multiFile() ? staging : staging.resolve(source.files().get(0).fileName());
            try {
                validator.validate(source, candidate);
            } catch (Exception e) {
                throw new FetchFailure(null, "rejected by validator: " + e.getMessage(), e);
            }
            DownloadMetadata metadata = new DownloadMetadata(source.name(), source.sourceType(), now.toString(),
                    now.toString(), entries);
            writeMetadata(staging, metadata);
            install(sourceDir, staging);
            boolean changed = current.map(s -> s.differsFrom(entries)).orElse(true);
            Snapshot installed = new Snapshot(currentDir, metadata);
            LOG.log(Level.INFO, () -> source.name() + ": installed " + currentDir + (changed ? " (changed)"
                    : " (same content as before)"));
            return installed.toResult(source, Origin.DOWNLOADED, changed, messages);
        } catch (FetchFailure failure) {
            deleteRecursively(staging);
            if (failure.interrupted) {
                throw new DownloadException(source.name(), failure.url, failure.getMessage(), failure.getCause());
            }
            if (current.isPresent()) {
                Snapshot snap = current.get();
                String message = "download failed" + (failure.url == null ? "" : " for " + failure.url) + ": "
                        + failure.getMessage() + "; using the last good copy from " + snap.metadata().downloadedAt();
                LOG.log(Level.WARNING, () -> source.name() + ": " + message);
                return snap.toResult(source, Origin.LAST_GOOD_COPY, false, List.of(message));
            }
            LOG.log(Level.WARNING, () -> source.name() + ": download failed"
                    + (failure.url == null ? "" : " for " + failure.url) + ": " + failure.getMessage()
                    + "; no last good copy");
            throw new DownloadException(source.name(), failure.url, failure.getMessage(), failure.getCause());
        } finally {
            deleteRecursively(staging);
        }
    }

    // ---------------------------------------------------------------------------------------------- fetching

    /** One file's outcome: new bytes in the staging directory, or 304 (use the current copy). */
    private record Fetched(RemoteFile file, boolean notModified, String status, String sha256, long bytes,
            String etag, String lastModified) {
    }

    private Fetched fetch(ConfiguredSource source, RemoteFile file, Path staging, Optional<Snapshot> current)
            throws FetchFailure {
        String scheme = file.url().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return fetchFile(source, file, staging);
        }
        String url = Urls.redact(file.url());
        FileEntry recorded = current.map(s -> s.conditionalEntry(file)).orElse(null);
        Path part = staging.resolve(file.fileName() + ".part");
        int max = settings.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            String reason;
            boolean retryable;
            Duration retryAfter = null;
            try {
                HttpResponse<Path> response = send(file, recorded, part);
                int status = response.statusCode();
                long millis = elapsedMillis(started);
                String finalUrl = response.uri().equals(file.url()) ? url
                        : url + " (redirected to " + Urls.redact(response.uri()) + ")";
                if (status == 200) {
                    Fetched ok = accept(file, part, staging, response.headers(), url);
                    int n = attempt;
                    LOG.log(Level.INFO, () -> source.name() + ": GET " + finalUrl + " -> HTTP 200, " + ok.bytes()
                            + " bytes, sha256 " + ok.sha256() + ", " + millis + " ms (attempt " + n + "/" + max
                            + ")");
                    return ok;
                }
                if (status == 304 && recorded != null) {
                    int n = attempt;
                    LOG.log(Level.INFO, () -> source.name() + ": GET " + finalUrl + " -> HTTP 304 not modified, "
                            + "sha256 " + recorded.sha256() + ", " + millis + " ms (attempt " + n + "/" + max + ")");
                    return new Fetched(file, true, "HTTP 304", recorded.sha256(), recorded.sizeBytes(),
                            response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null));
                }
                int n = attempt;
                LOG.log(Level.INFO, () -> source.name() + ": GET " + finalUrl + " -> HTTP " + status + ", " + millis
                        + " ms (attempt " + n + "/" + max + ")");
                reason = "HTTP " + status;
                retryable = status >= 500 || status == 429;
                if (retryable) {
                    retryAfter = retryAfter(response.headers()).orElse(null);
                } else if (status >= 300 && status < 400) {
                    reason += " redirect not followed";
                }
            } catch (SizeCapExceededException e) {
                deleteQuietly(part);
                throw new FetchFailure(url, e.getMessage() + " (not retried)", e);
            } catch (IOException e) {
                deleteQuietly(part);
                reason = describe(e);
                retryable = true;
                int n = attempt;
                String r = reason;
                LOG.log(Level.INFO, () -> source.name() + ": GET " + url + " -> " + r + ", " + elapsedMillis(started)
                        + " ms (attempt " + n + "/" + max + ")");
            } catch (InterruptedException e) {
                deleteQuietly(part);
                Thread.currentThread().interrupt();
                throw new FetchFailure(url, "interrupted", e, true);
            }
            deleteQuietly(part);
            if (!retryable) {
                throw new FetchFailure(url, reason + " (not retried)", null);
            }
            if (attempt >= max) {
                throw new FetchFailure(url, reason + " after " + max + (max == 1 ? " attempt" : " attempts"), null);
            }
            Duration wait = backoff(attempt, retryAfter);
            String r = reason;
            LOG.log(Level.INFO, () -> source.name() + ": " + r + " for " + url + ", retrying in " + wait.toMillis()
                    + " ms");
            try {
                settings.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchFailure(url, "interrupted while waiting to retry", e, true);
            }
        }
    }

    private HttpResponse<Path> send(RemoteFile file, FileEntry recorded, Path part)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(file.url())
                .GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent());
        if (recorded != null) {
            if (recorded.etag() != null) {
                request.header("If-None-Match", recorded.etag());
            }
            if (recorded.lastModified() != null) {
                request.header("If-Modified-Since", recorded.lastModified());
            }
        }
        long cap = settings.maxBytesPerFile();
        HttpResponse.BodyHandler<Path> handler = info -> info.statusCode() == 200
                ? new CappedFileSubscriber(part, cap, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : HttpResponse.BodySubscribers.replacing(null);
        CompletableFuture<HttpResponse<Path>> future = client.sendAsync(request.build(), handler);
        try {
            return future.get(settings.transferTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("transfer not finished within " + settings.transferTimeout().toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    /** Checks a 200 response's body in {@code part} and gives it its final name in the staging directory. */
    private Fetched accept(RemoteFile file, Path part, Path staging, HttpHeaders headers,
            String url) throws FetchFailure {
        try {
            long bytes = Files.size(part);
            if (bytes == 0) {
                throw new FetchFailure(url, "empty response (0 bytes)", null);
            }
            String sha = Hashing.sha256(part);
            if (file.expectedSha256() != null && !file.expectedSha256().equals(sha)) {
                throw new FetchFailure(url, "SHA-256 mismatch: expected " + file.expectedSha256() + ", got " + sha,
                        null);
            }
            Files.move(part, staging.resolve(file.fileName()), StandardCopyOption.ATOMIC_MOVE);
            return new Fetched(file, false, "HTTP 200", sha, bytes, headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new FetchFailure(url, "cannot store download: " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** Copies a {@code file:} URL (offline mirror; allowed only by setting): no retry, no conditional request. */
    private Fetched fetchFile(ConfiguredSource source, RemoteFile file, Path staging) throws FetchFailure {
        String url = Urls.redact(file.url());
        Path part = staging.resolve(file.fileName() + ".part");
        long started = System.nanoTime();
        try {
            Path from = Path.of(file.url());
            if (!Files.isRegularFile(from)) {
                throw new FetchFailure(url, "not a readable file", null);
            }
            long cap = settings.maxBytesPerFile();
            try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > cap) {
                        throw new FetchFailure(url, "file exceeds the cap of " + cap + " bytes (not retried)", null);
                    }
                    out.write(buf, 0, n);
                }
            }
            Fetched ok = accept(file, part, staging, HttpHeaders.of(Map.of(), (a, b) -> true), url);
            long millis = elapsedMillis(started);
            LOG.log(Level.INFO, () -> source.name() + ": COPY " + url + ", " + ok.bytes() + " bytes, sha256 "
                    + ok.sha256() + ", " + millis + " ms");
            return new Fetched(file, false, "copied", ok.sha256(), ok.bytes(), null, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchFailure(url, "cannot copy: " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    private void checkScheme(ConfiguredSource source, RemoteFile f) throws DownloadException {
        String scheme = f.url().getScheme() == null ? "" : f.url().getScheme().toLowerCase(Locale.ROOT);
        boolean ok = scheme.equals("http") || scheme.equals("https")
                || (scheme.equals("file") && settings.allowFileUrls());
        if (!ok) {
            String allowed = settings.allowFileUrls() ? "http, https and file" : "http and https";
            throw new DownloadException(source.name(), Urls.redact(f.url()), "unsupported URL scheme '"
                    + scheme + "': only " + allowed + " URLs are allowed", null);
        }
        if (!scheme.equals("file") && (f.url().getHost() == null || f.url().getHost().isEmpty())) {
            throw new DownloadException(source.name(), Urls.redact(f.url()), "URL has no host", null);
        }
    }

    /** Wait before attempt {@code attempt + 1}: Retry-After if given, else base·2^(attempt−1); capped. */
    Duration backoff(int attempt, Duration retryAfter) {
        Duration wait;
        if (retryAfter != null) {
            wait = retryAfter;
        } else {
            int shift = Math.min(attempt - 1, 30);
            wait = settings.backoffBase().multipliedBy(1L << shift);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (measured against the settings' clock). */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.of(settings.maxBackoff());
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(settings.clock().instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out (limit " + settings.connectTimeout().toMillis() + " ms)";
        }
        if (e instanceof HttpTimeoutException) {
            String m = e.getMessage();
            return m != null && m.startsWith("transfer") ? "transfer timed out (" + m + ")"
                    : "request timed out (no response within " + settings.requestTimeout().toMillis() + " ms)";
        }
        if (e instanceof ConnectException) {
            return "connection failed" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------------- cache

    /** The accepted copy in a directory, as recorded by its metadata. */
    private record Snapshot(Path dir, DownloadMetadata metadata) {

        /** The recorded entry to make {@code file}'s request conditional with, or null. */
        FileEntry conditionalEntry(RemoteFile file) {
            FileEntry e = metadata.file(file.fileName());
            if (e == null || (e.etag() == null && e.lastModified() == null)
                    || !Urls.redact(file.url()).equals(e.url())
                    || (file.expectedSha256() != null && !file.expectedSha256().equals(e.sha256()))) {
                return null;
            }
            return e;
        }

        boolean differsFrom(List<FileEntry> entries) {
            if (entries.size() != metadata.files().size()) {
                return true;
            }
            for (FileEntry e : entries) {
                FileEntry old = metadata.file(e.name());
                if (old == null || !old.sha256().equals(e.sha256())) {
                    return true;
                }
            }
            return false;
        }

        DownloadResult toResult(ConfiguredSource source, Origin origin, boolean changed, List<String> messages) {
            List<DownloadedFile> files = new ArrayList<>();
            for (RemoteFile f : source.files()) {
                FileEntry e = metadata.file(f.fileName());
                files.add(new DownloadedFile(f.fileName(), Urls.redact(f.url()), e.sha256(), e.sizeBytes()));
            }
            Path path = source.multiFile() ? dir : dir.resolve(source.files().get(0).fileName());
            return new DownloadResult(source.name(), path, files, origin, changed,
                    Instant.parse(metadata.downloadedAt()), messages);
        }
    }

    /**
     * Reads the copy in {@code dir} when its metadata is readable, it holds every configured file and every file
     * still has its recorded SHA-256.
     */
    private Optional<Snapshot> readSnapshot(ConfiguredSource source, Path dir) {
        Path metaFile = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        try {
            DownloadMetadata meta = json.readValue(metaFile, DownloadMetadata.class);
            Instant.parse(meta.downloadedAt());
            for (RemoteFile f : source.files()) {
                FileEntry e = meta.file(f.fileName());
                Path p = dir.resolve(f.fileName());
                if (e == null || e.sha256() == null || !Files.isRegularFile(p)) {
                    LOG.log(Level.WARNING, () -> source.name() + ": cached copy in " + dir + " lacks "
                            + f.fileName() + "; ignoring it");
                    return Optional.empty();
                }
                String actual = Hashing.sha256(p);
                if (!actual.equals(e.sha256())) {
                    LOG.log(Level.WARNING, () -> source.name() + ": cached " + p + " has SHA-256 " + actual
                            + " but " + e.sha256() + " was recorded; ignoring the cached copy");
                    return Optional.empty();
                }
            }
            return Optional.of(new Snapshot(dir, meta));
        } catch (IOException | JacksonException | DateTimeParseException | NullPointerException e) {
            LOG.log(Level.WARNING, () -> source.name() + ": unreadable " + metaFile + " (" + e.getMessage()
                    + "); ignoring the cached copy");
            return Optional.empty();
        }
    }

    private void writeMetadata(Path dir, DownloadMetadata metadata) throws IOException {
        Path tmp = dir.resolve(METADATA_FILE + ".tmp");
        Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata));
        Files.move(tmp, dir.resolve(METADATA_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code current → previous}, {@code staging → current}; puts {@code previous} back if the second fails. */
    private static void install(Path sourceDir, Path staging) throws IOException {
        Path current = sourceDir.resolve(CURRENT);
        Path previous = sourceDir.resolve(PREVIOUS);
        deleteRecursively(previous);
        boolean hadCurrent = Files.exists(current);
        if (hadCurrent) {
            Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, current, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadCurrent && !Files.exists(current)) {
                Files.move(previous, current, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
    }

    /** Removes leftover staging directories and repairs a crash between the two renames of {@link #install}. */
    private static void recover(Path sourceDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sourceDir, STAGING_PREFIX + "*")) {
            for (Path p : entries) {
                deleteRecursively(p);
            }
        }
        Path current = sourceDir.resolve(CURRENT);
        Path previous = sourceDir.resolve(PREVIOUS);
        if (!Files.exists(current) && Files.isDirectory(previous)) {
            LOG.log(Level.WARNING, () -> "restoring " + previous + " as " + current + " (interrupted install)");
            Files.move(previous, current, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the staging directory is removed as a whole afterwards
        }
    }

    /** A file could not be fetched or the candidate was rejected. */
    private static final class FetchFailure extends Exception {
        final String url;
        final boolean interrupted;

        FetchFailure(String url, String reason, Throwable cause) {
            this(url, reason, cause, false);
        }

        FetchFailure(String url, String reason, Throwable cause, boolean interrupted) {
            super(reason, cause);
            this.url = url;
            this.interrupted = interrupted;
        }
    }
}
