package io.vigil.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code vigil.*} in {@code config/application.yml}, bound once at start-up.
 *
 * @param configDir the configuration directory ({@code --config})
 * @param dataDir the data directory ({@code --data})
 * @param registry list sources and download settings
 * @param matching the alert and review thresholds
 */
@ConfigurationProperties("vigil")
public record VigilProperties(Path configDir, Path dataDir, @DefaultValue Registry registry,
        @DefaultValue Matching matching, @DefaultValue Screening screening, @DefaultValue Reports reports,
        @DefaultValue Alerts alerts, @DefaultValue Lookback lookback) {

    /**
     * Lookback over past payments: transaction screening keeps what it screened, and a lookback re-screens it
     * against the parties designated or changed since.
     *
     * @param days how many business days back {@code vigil lookback} looks by default
     * @param retention how long screened payment values are kept (ISO-8601 period); {@code vigil purge} removes older
     * @param onRefresh whether {@code nightly} runs a lookback when the refreshed snapshot adds or changes parties
     */
    public record Lookback(@DefaultValue("30") int days, @DefaultValue("P400D") String retention,
            @DefaultValue("true") boolean onRefresh) {
    }

    /**
     * Delta screening of counterparty books.
     *
     * @param enabled whether counterparty screening is a delta by default ({@code --delta} / {@code --full} decide
     *     for one run)
     * @param fullSchedule when a full screen runs instead of a delta: {@code monthly} (the first business day,
     *     Monday to Friday, of each month), {@code weekly} (each Monday) or {@code never}
     */
    public record Delta(@DefaultValue("false") boolean enabled, @DefaultValue("monthly") String fullSchedule) {
    }

    /**
     * The alert lifecycle.
     *
     * @param counterpartyBook the book counterparty screening runs into unless {@code --book} names another
     * @param transactionBook the book (payments stream) transaction screening runs into unless {@code --book}
     * @param fourEyes when true, a clearance takes effect only once a second, different reviewer approves it
     * @param clearanceExpiry how long a clearance holds before its alert is re-raised for periodic re-review
     *     (ISO-8601 period such as {@code P365D}); empty: clearances do not expire
     */
    public record Alerts(@DefaultValue("counterparties") String counterpartyBook,
            @DefaultValue("payments") String transactionBook, @DefaultValue("false") boolean fourEyes,
            @DefaultValue("") String clearanceExpiry) {
    }

    /**
     * @param pdfMaxHits hits listed in the PDF report (highest scores first); the workbook always holds them all
     */
    public record Reports(@DefaultValue("500") int pdfMaxHits) {
    }

    /**
     * @param chunkSize records per commit point
     * @param threads threads matching records in parallel (0: one per core)
     * @param skipLimit rejected rows allowed before a run fails (exit code 3)
     * @param embargoedCountries ISO alpha-2 codes whose appearance in a transaction raises an alert
     * @param counterparties the counterparty file layout
     * @param transactions the transaction file layout
     */
    public record Screening(@DefaultValue("500") int chunkSize, @DefaultValue("0") int threads,
            @DefaultValue("1000") long skipLimit, @DefaultValue({"KP", "IR", "CU", "SY"}) List<String> embargoedCountries,
            @DefaultValue Layout counterparties, @DefaultValue Layout transactions, @DefaultValue Limits limits,
            @DefaultValue Delta delta) {
    }

    /**
     * Limits on one input record: a record over any of them is rejected (its line and the reason in rejects.csv),
     * never held whole in memory or matched.
     *
     * @param maxNameChars longest name screened
     * @param maxFieldChars longest other field (remittance text, address…)
     * @param maxRecordChars longest record, all its lines together
     * @param maxQuotedLines most lines a quoted field may span before the record counts as an unterminated quote
     */
    public record Limits(@DefaultValue("1000") int maxNameChars, @DefaultValue("10000") int maxFieldChars,
            @DefaultValue("100000") int maxRecordChars, @DefaultValue("20") int maxQuotedLines) {
    }

    /**
     * An input file layout.
     *
     * @param columns logical column (as in the CLI contract) → the file's header name, for files whose headers differ
     * @param delimiter the field separator
     * @param encoding the character set (UTF-8 by default; a BOM is allowed)
     */
    public record Layout(@DefaultValue Map<String, String> columns, @DefaultValue(",") String delimiter,
            @DefaultValue("UTF-8") String encoding) {
    }

    /**
     * @param alertThreshold a score at or above it raises an alert (0–100)
     * @param reviewThreshold a score at or above it (and below the alert threshold) is listed for review
     * @param weightsRenewal how long token weights stay pinned to their basis snapshot before a newer snapshot
     *     becomes the basis (ISO-8601 period; see docs/matching.md)
     * @param indexFile whether the matching index of a snapshot is kept in {@code <data>/index} and loaded from there
     *     instead of being built again by every process (see docs/matching.md, "The candidate index")
     */
    public record Matching(@DefaultValue("83") double alertThreshold, @DefaultValue("72") double reviewThreshold,
            @DefaultValue("P1M") String weightsRenewal, @DefaultValue("true") boolean indexFile) {
    }

    /**
     * @param sources the lists imported by {@code import-lists} without {@code --source}
     * @param download how they are downloaded
     */
    public record Registry(@DefaultValue List<Source> sources, @DefaultValue Download download) {
    }

    /**
     * One configured list source.
     *
     * @param name the cache folder name, e.g. {@code ofac-sdn}
     * @param type the source type, e.g. {@code ofac-sdn-csv}
     * @param urls official URLs (several for a multi-file set)
     * @param path a local file or directory instead of URLs, relative to the configuration directory
     */
    public record Source(String name, String type, @DefaultValue List<String> urls, Path path) {
    }

    /**
     * @param cacheDir where downloads are kept (default {@code <data>/lists})
     * @param connectTimeout TCP connect timeout
     * @param requestTimeout time allowed for the response headers
     * @param transferTimeout time allowed for a whole file
     * @param maxAttempts attempts per file before giving up
     * @param backoff first retry delay, doubled each attempt
     * @param maxFileSize refuse larger files
     */
    public record Download(Path cacheDir, @DefaultValue("20s") Duration connectTimeout,
            @DefaultValue("5m") Duration requestTimeout, @DefaultValue("30m") Duration transferTimeout,
            @DefaultValue("4") int maxAttempts, @DefaultValue("5s") Duration backoff,
            @DefaultValue("512MB") DataSize maxFileSize) {
    }
}
