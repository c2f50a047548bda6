package io.vigil.registry.download;

import java.util.List;

/**
 * The content of {@code <cache>/<name>/current/.vigil-download.json}: where each file came from, when, its hash
 * and the validators (ETag, Last-Modified) to send on the next run. URLs are stored redacted.
 */
record DownloadMetadata(String source, String sourceType, String downloadedAt, String checkedAt,
        List<FileEntry> files) {

    DownloadMetadata {
        files = files == null ? List.of() : List.copyOf(files);
    }

    record FileEntry(String name, String url, String sha256, long sizeBytes, String etag, String lastModified) {
    }

    FileEntry file(String name) {
        for (FileEntry f : files) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    DownloadMetadata checkedAt(String when) {
        return new DownloadMetadata(source, sourceType, downloadedAt, when, files);
    }
}
