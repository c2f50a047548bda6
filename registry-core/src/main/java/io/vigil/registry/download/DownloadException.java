package io.vigil.registry.download;

/**
 * A source could not be downloaded and no last good copy exists. The message names the source, the (redacted)
 * URL and the reason, e.g. {@code "ofac-sdn: https://example.org/sdn.csv: HTTP 503 after 3 attempts"}.
 */
public class DownloadException extends Exception {

    private final String sourceName;
    private final String url;
    private final String reason;

    public DownloadException(String sourceName, String url, String reason, Throwable cause) {
        super(sourceName + (url == null ? "" : ": " + url) + ": " + reason, cause);
        this.sourceName = sourceName;
        this.url = url;
        this.reason = reason;
    }

    /** The configured source name, e.g. {@code ofac-sdn}. */
    public String sourceName() {
        return sourceName;
    }

    /** The redacted URL that failed, or null when the failure concerns the whole source (e.g. the validator). */
    public String url() {
        return url;
    }

    /** Why, e.g. {@code HTTP 404 (not retried)}. */
    public String reason() {
        return reason;
    }
}
