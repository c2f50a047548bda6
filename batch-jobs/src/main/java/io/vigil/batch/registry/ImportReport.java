package io.vigil.batch.registry;

import io.vigil.registry.download.DownloadResult;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.WarningSummary;
import java.time.Duration;
import java.util.Locale;

/** The operator's text for an import: what was downloaded, and what the new snapshot holds. */
public final class ImportReport {

    private ImportReport() {
    }

    /**
     * E.g. {@code Snapshot 4 is now active: 16,930 parties, 1,204 links between entries.} then one line per
     * source with its entries and warnings, then the times.
     */
    public static String result(ImportResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Snapshot %d is now active: %,d parties, %,d links between entries.%n", r.snapshotId(),
                r.partyCount(), r.linkCount()));
        for (ImportResult.SourceCount s : r.sources()) {
            sb.append(String.format(Locale.ROOT, "  %-18s %,8d entries  %s%n", s.sourceType(), s.entryCount(),
                    s.path()));
            for (String w : WarningSummary.summarize(s.warnings(), 3)) {
                sb.append("      warning: ").append(w).append(System.lineSeparator());
            }
        }
        for (String o : r.overrides()) {
            sb.append("Recorded in snapshot ").append(r.snapshotId()).append(": ").append(o)
                    .append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "Time: parse %s, link %s, save %s, total %s%n", seconds(r.parseTime()),
                seconds(r.linkTime()), seconds(r.saveTime()), seconds(r.totalTime())));
        return sb.toString();
    }

    /** One downloaded source: whether it changed, each file with its size and SHA-256, and any message. */
    public static String download(DownloadResult d) {
        String state = switch (d.origin()) {
            case DOWNLOADED -> d.changed() ? "downloaded (changed)" : "downloaded (unchanged)";
            case NOT_MODIFIED -> "not modified since last download";
            case LAST_GOOD_COPY -> "DOWNLOAD FAILED, using the last good copy";
        };
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %s", d.sourceName(), state));
        d.files().forEach(f -> sb.append(String.format(Locale.ROOT, "%n    %-22s %,12d bytes  sha256 %s",
                f.name(), f.sizeBytes(), f.sha256())));
        d.messages().forEach(m -> sb.append(System.lineSeparator()).append("    ").append(m));
        return sb.append(System.lineSeparator()).toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
