package io.vigil.registry.download;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A list source to download: its cache name, the parser's source type and the file(s) to fetch.
 *
 * <p>Example: {@code ConfiguredSource.of("ofac-sdn", "ofac-sdn-csv", "https://…/sdn.csv", "https://…/add.csv",
 * "https://…/alt.csv", "https://…/sdn_comments.csv")} downloads four files into one directory
 * {@code <cache>/ofac-sdn/current/}; a source with a single URL yields the file itself.
 *
 * @param name cache folder name, lower-case letters, digits, {@code . _ -}, e.g. {@code ofac-sdn}
 * @param sourceType the parser's type, e.g. {@code ofac-sdn-csv}
 * @param files one or more files; several files always land together in one directory
 */
public record ConfiguredSource(String name, String sourceType, List<RemoteFile> files) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    public ConfiguredSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceType, "sourceType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name must match " + NAME + ": " + name);
        }
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("source " + name + " has no URL");
        }
        Set<String> seen = new HashSet<>();
        for (RemoteFile f : files) {
            if (!seen.add(f.fileName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("source " + name + " has two files named " + f.fileName());
            }
        }
    }

    /** A source whose files are named after the last path segment of each URL, with no expected hashes. */
    public static ConfiguredSource of(String name, String sourceType, String... urls) {
        List<RemoteFile> files = new ArrayList<>();
        for (String url : urls) {
            files.add(RemoteFile.of(url));
        }
        return new ConfiguredSource(name, sourceType, files);
    }

    /** True when the files land in a directory and the parser is given that directory. */
    public boolean multiFile() {
        return files.size() > 1;
    }

    /**
     * One file of a source.
     *
     * @param url where to fetch it ({@code http}/{@code https}; {@code file} only if the settings allow it)
     * @param fileName the local name, e.g. {@code sdn.csv}; letters, digits, {@code . _ -}, not starting with a dot
     * @param expectedSha256 lower-case hex SHA-256 the file must have, or null to accept any
     */
    public record RemoteFile(URI url, String fileName, String expectedSha256) {
        public RemoteFile {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fileName, "fileName");
            if (!FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("unsafe local file name for " + Urls.redact(url) + ": "
                        + fileName);
            }
            if (expectedSha256 != null) {
                expectedSha256 = expectedSha256.trim().toLowerCase(Locale.ROOT);
                if (!expectedSha256.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("expected SHA-256 for " + Urls.redact(url)
                            + " is not 64 hex digits");
                }
            }
        }

        /** A file named after the URL's last path segment, e.g. {@code …/sdn.csv} → {@code sdn.csv}. */
        public static RemoteFile of(String url) {
            return of(url, null);
        }

        /** As {@link #of(String)}, with the SHA-256 the file must have. */
        public static RemoteFile of(String url, String expectedSha256) {
            URI uri = URI.create(url);
            return new RemoteFile(uri, lastSegment(uri), expectedSha256);
        }

        private static String lastSegment(URI uri) {
            String path = uri.getPath();
            if (path == null || path.isEmpty() || path.endsWith("/")) {
                throw new IllegalArgumentException("cannot name a file after " + Urls.redact(uri)
                        + ": give a file name explicitly");
            }
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
