package io.vigil.registry.download;

import io.vigil.registry.model.SourceFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SourceDownloader#download} produced for one source.
 *
 * <p>Example: a first run of {@code ofac-sdn} gives {@code path = <cache>/ofac-sdn/current} (a directory holding
 * sdn.csv, add.csv, alt.csv, sdn_comments.csv), {@code origin = DOWNLOADED}, {@code changed = true}; a second run
 * answered with HTTP 304 gives the same path, {@code origin = NOT_MODIFIED}, {@code changed = false}; a run whose
 * download failed gives the same path, {@code origin = LAST_GOOD_COPY} ({@link #stale()} true) and the failure in
 * {@code messages}.
 *
 * @param sourceName the configured source name
 * @param path what to give the parser: the directory for a multi-file source, otherwise the file
 * @param files every file with its SHA-256 and size, in configured order
 * @param origin where the content comes from
 * @param changed true when the content differs from the previous good copy (true on the first download)
 * @param downloadedAt when the content was fetched (from the settings' clock)
 * @param messages failures and notes for the import log (redacted URLs only)
 */
public record DownloadResult(String sourceName, Path path, List<DownloadedFile> files, Origin origin,
        boolean changed, Instant downloadedAt, List<String> messages) {

    /** Where the content comes from. */
    public enum Origin {
        /** Fetched now from the network (at least one file was new bytes). */
        DOWNLOADED,
        /** The server said 304 Not Modified for every file: the current copy is up to date. */
        NOT_MODIFIED,
        /** The download failed; this is the last good copy, possibly out of date. */
        LAST_GOOD_COPY
    }

    /**
     * One file of the result.
     *
     * @param name local file name, e.g. {@code sdn.csv}
     * @param url the configured URL, redacted
     * @param sha256 lower-case hex SHA-256
     * @param sizeBytes size in bytes
     */
    public record DownloadedFile(String name, String url, String sha256, long sizeBytes) {
        public DownloadedFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** The model's {@link SourceFile} for this file. */
        public SourceFile toSourceFile() {
            return new SourceFile(name, sha256, sizeBytes);
        }
    }

    public DownloadResult {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        files = List.copyOf(files);
        messages = List.copyOf(messages);
    }

    /** True when the download failed and this is the last good copy. */
    public boolean stale() {
        return origin == Origin.LAST_GOOD_COPY;
    }

    /** True when the bytes were fetched from the network during this call. */
    public boolean fromNetwork() {
        return origin == Origin.DOWNLOADED;
    }
}
