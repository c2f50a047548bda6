package io.vigil.reports;

import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.alert.DecisionAction;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.registry.match.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an audit report of one screening run says, as plain values read back from the database. The writers
 * ({@code ExcelReportWriter}, {@code PdfReportWriter}) take a {@code RunReport} and an {@code OutputStream}; two
 * equal reports give byte-identical files, because every date in them comes from the run, never from the clock.
 *
 * <p>Hits and rejects can run to millions of rows, so they are {@link Rows} that the writers iterate (possibly
 * more than once) instead of lists held in memory.
 *
 * @param run what ran, when, with which software and configuration
 * @param inputs each screened input file with its SHA-256 and record count
 * @param registry the registry snapshot screened against, with each list source
 * @param counts records read, screened, rejected; hits by decision, authority and program
 * @param method the matching algorithm and thresholds, and what the score means
 * @param citations every designation cited by a hit, numbered from 1 in order of first citation
 * @param hits every hit in file order; each refers to its citations by number
 * @param rejects every rejected input row in file order
 * @param manifestFingerprint SHA-256 printed in the PDF so a printed copy can be checked against the run's
 *     {@code manifest.json}; empty when the report is written outside a run directory
 * @param alerts the alert lifecycle of the run: its book, the decision log head, the alerts awaiting a decision,
 *     the decisions cited by hits, the book's workload over its last nights
 */
public record RunReport(ReportRun run, List<ReportInput> inputs, ReportSnapshot registry, ReportCounts counts,
        ReportMethod method, List<ReportCitation> citations, Rows<ReportHit> hits, Rows<ReportReject> rejects,
        String manifestFingerprint, ReportAlerts alerts) {

    /** A report without alert lifecycle data (no book, no decisions). */
    public RunReport(ReportRun run, List<ReportInput> inputs, ReportSnapshot registry, ReportCounts counts,
            ReportMethod method, List<ReportCitation> citations, Rows<ReportHit> hits, Rows<ReportReject> rejects,
            String manifestFingerprint) {
        this(run, inputs, registry, counts, method, citations, hits, rejects, manifestFingerprint, ReportAlerts.NONE);
    }

    public RunReport {
        Objects.requireNonNull(run, "run");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(method, "method");
        citations = List.copyOf(citations);
        Objects.requireNonNull(hits, "hits");
        Objects.requireNonNull(rejects, "rejects");
        manifestFingerprint = manifestFingerprint == null ? "" : manifestFingerprint;
        Objects.requireNonNull(alerts, "alerts");
    }

    /** A copy carrying the given manifest fingerprint. */
    public RunReport withManifestFingerprint(String fingerprint) {
        return new RunReport(run, inputs, registry, counts, method, citations, hits, rejects, fingerprint, alerts);
    }

    /** A copy whose hits are the given rows (the same hits, read from elsewhere). */
    public RunReport withHits(Rows<ReportHit> rows) {
        return new RunReport(run, inputs, registry, counts, method, citations, rows, rejects, manifestFingerprint,
                alerts);
    }

    /** Rows that can be iterated more than once, in the same order each time. */
    @FunctionalInterface
    public interface Rows<T> {
        void forEach(java.util.function.Consumer<? super T> action);

        static <T> Rows<T> of(List<T> list) {
            List<T> copy = List.copyOf(list);
            return copy::forEach;
        }
    }

    /**
     * The run.
     *
     * @param runId the job execution id, as printed by {@code vigil jobs} and used by {@code vigil report --run}
     * @param jobInstanceId the job instance (business date + input file)
     * @param jobName e.g. {@code screenCounterpartiesJob}
     * @param businessDate the night screened
     * @param startedAt when the run started (first execution of the instance)
     * @param endedAt when the run ended; also the document date of both reports
     * @param softwareVersion the Vigil version that screened
     * @param configFingerprint SHA-256 of the matching policy and screening settings
     * @param status e.g. {@code COMPLETED}
     * @param book the book the run screened (e.g. {@code counterparties}, {@code payments}); alerts are kept per book
     * @param screening how the run screened and why ({@code delta (against run 2 of 2026-11-19, snapshot 1): 323
     *     records in full, 4,675 against 1,309 added or changed parties}); empty when not recorded
     */
    public record ReportRun(long runId, long jobInstanceId, String jobName, LocalDate businessDate, Instant startedAt,
            Instant endedAt, String softwareVersion, String configFingerprint, String status, String book,
            String screening) {

        /** The report's title: a lookback says what it is. */
        public String reportTitle() {
            return "lookbackJob".equals(jobName)
                    ? "Vigil lookback report: past payments involving parties designated or changed since they were "
                            + "screened"
                    : "Vigil screening report";
        }


        public ReportRun {
            book = book == null ? "" : book;
            screening = screening == null ? "" : screening;
        }

        public ReportRun(long runId, long jobInstanceId, String jobName, LocalDate businessDate, Instant startedAt,
                Instant endedAt, String softwareVersion, String configFingerprint, String status) {
            this(runId, jobInstanceId, jobName, businessDate, startedAt, endedAt, softwareVersion, configFingerprint,
                    status, "", "");
        }

        public ReportRun(long runId, long jobInstanceId, String jobName, LocalDate businessDate, Instant startedAt,
                Instant endedAt, String softwareVersion, String configFingerprint, String status, String book) {
            this(runId, jobInstanceId, jobName, businessDate, startedAt, endedAt, softwareVersion, configFingerprint,
                    status, book, "");
        }
    }

    /** One screened input file: {@code path}, {@code sha256}, records read. */
    public record ReportInput(String path, String sha256, long records) {
    }

    /** The registry snapshot screened against. */
    public record ReportSnapshot(long snapshotId, Instant createdAt, long parties, List<ReportSource> sources) {
        public ReportSnapshot {
            sources = List.copyOf(sources);
        }
    }

    /**
     * One imported list source of the snapshot.
     *
     * @param sourceType e.g. {@code ofac-sdn-csv}
     * @param authority e.g. {@code US Treasury OFAC}
     * @param listName e.g. {@code Specially Designated Nationals and Blocked Persons List}
     * @param publicationDate the list's own publication date, or null when the source gives none
     * @param entries entries imported
     * @param files each imported file with its SHA-256
     */
    public record ReportSource(String sourceType, String authority, String listName, LocalDate publicationDate,
            long entries, List<ReportSourceFile> files) {
        public ReportSource {
            files = List.copyOf(files);
        }
    }

    /** An imported source file. */
    public record ReportSourceFile(String name, String sha256, long sizeBytes) {
    }

    /**
     * The counts. {@code read == screened + rejected}. The maps are sorted by key and count hits (not records).
     * {@code hitsByStatus} counts hits by their night status (every status present, zero included, when the run
     * tracked alerts; empty otherwise); its values add up to {@code hits}.
     */
    public record ReportCounts(long read, long screened, long rejected, long hits, long alerts, long reviews,
            Map<String, Long> hitsByAuthority, Map<String, Long> hitsByProgram, Map<AlertStatus, Long> hitsByStatus) {
        public ReportCounts {
            hitsByAuthority = Map.copyOf(hitsByAuthority);
            hitsByProgram = Map.copyOf(hitsByProgram);
            hitsByStatus = Map.copyOf(hitsByStatus);
        }

        public ReportCounts(long read, long screened, long rejected, long hits, long alerts, long reviews,
                Map<String, Long> hitsByAuthority, Map<String, Long> hitsByProgram) {
            this(read, screened, rejected, hits, alerts, reviews, hitsByAuthority, hitsByProgram, Map.of());
        }

        /** Hits of a status (0 when none or not tracked). */
        public long status(AlertStatus status) {
            return hitsByStatus.getOrDefault(status, 0L);
        }
    }

    /**
     * How matching was done.
     *
     * @param algorithmVersion e.g. {@code vigil-match 1.0}
     * @param alertThreshold score at or above which a hit is an alert
     * @param reviewThreshold score at or above which a hit is listed for review
     * @param policy the full policy description (thresholds, weights, adjustments)
     * @param embargoedCountries ISO codes screened as embargoed jurisdictions, with their reasons
     */
    public record ReportMethod(String algorithmVersion, double alertThreshold, double reviewThreshold, String policy,
            Map<String, String> embargoedCountries) {
        public ReportMethod {
            embargoedCountries = Map.copyOf(embargoedCountries);
        }
    }

    /**
     * One designation cited by one or more hits.
     *
     * @param number the [n] the hits refer to
     * @param partyId the list entry that carries the designation, e.g. {@code ofac:43598}
     * @param authority e.g. {@code US Treasury OFAC}
     * @param listName the list
     * @param program program or regime, e.g. {@code NPWMD}
     * @param legalBasis e.g. {@code E.O. 13382}, or null
     * @param listedOn listing date, or null when the registry does not have it
     * @param sourceReference the entry's reference in the source
     * @param url where the designation is published, or null
     * @param sourceType the imported source, e.g. {@code ofac-sdn-csv}
     * @param sourceFiles the imported file(s) of that source, with SHA-256, e.g. {@code sdn.csv sha256:ab12…}
     */
    public record ReportCitation(int number, String partyId, String authority, String listName, String program,
            String legalBasis, LocalDate listedOn, String sourceReference, String url, String sourceType,
            String sourceFiles) {
    }

    /**
     * One hit: a (record, field, matched party).
     *
     * @param line input line (CSV) or record position (XML)
     * @param recordId the record's id
     * @param field the screened field, e.g. {@code name}, {@code beneficiary_name}, {@code remittance_info}
     * @param screenedValue the value screened, as it was in the input (untrusted text)
     * @param kind {@code NAME}, {@code EMBARGO}, {@code BIC}, …
     * @param partyId the matched entry, or empty for an embargo hit
     * @param linkedIds the other entries of the same party
     * @param matchedName the list name or alias that matched (empty for an embargo hit)
     * @param nameQuality e.g. {@code primary, strong} or {@code aka, weak}
     * @param score 0–100
     * @param decision {@link Decision#ALERT} or {@link Decision#REVIEW}
     * @param reasons the explanation, one line
     * @param citations the numbers of the {@link ReportCitation}s of this party, ascending
     * @param alertId the alert the hit belongs to (stable across nights), or empty when alerts are not tracked
     * @param status the night status, or null when alerts are not tracked
     * @param decisionRef the decision the status rests on ({@code D-12}), or empty
     * @param statusNote one line: what changed (re-raised), since when (open), which decision (suppressed…)
     */
    public record ReportHit(long line, String recordId, String field, String screenedValue, String kind,
            String partyId, List<String> linkedIds, String matchedName, String nameQuality, double score,
            Decision decision, String reasons, List<Integer> citations, String alertId, AlertStatus status,
            String decisionRef, String statusNote) {
        public ReportHit {
            linkedIds = List.copyOf(linkedIds);
            citations = List.copyOf(citations);
            Objects.requireNonNull(decision, "decision");
            alertId = alertId == null ? "" : alertId;
            decisionRef = decisionRef == null ? "" : decisionRef;
            statusNote = statusNote == null ? "" : statusNote;
        }

        /** A hit without alert tracking; {@code decision} is {@code alert} or {@code review}. */
        public ReportHit(long line, String recordId, String field, String screenedValue, String kind,
                String partyId, List<String> linkedIds, String matchedName, String nameQuality, double score,
                String decision, String reasons, List<Integer> citations) {
            this(line, recordId, field, screenedValue, kind, partyId, linkedIds, matchedName, nameQuality, score,
                    Decision.valueOf(decision.toUpperCase(java.util.Locale.ROOT)), reasons, citations, "", null, "",
                    "");
        }
    }

    /**
     * The alert lifecycle of a run.
     *
     * @param book the book screened
     * @param chainHead the decision log's head when the run applied the decisions: printed so a report pins the log
     * @param toDecide one row per alert awaiting a decision (new, re-raised, open), in alert-id order: the workbook's
     *     Decisions sheet
     * @param decisions every decision a hit's status rests on, in ref order, so each can be cited
     * @param workload the book's last nights (at most 30), oldest first, this run's night last
     * @param fourEyes whether a clearance needs a second reviewer
     */
    public record ReportAlerts(String book, DecisionChain.Head chainHead, Rows<ReportAlert> toDecide,
            List<ReportDecision> decisions, List<ReportWorkload> workload, boolean fourEyes) {

        public static final ReportAlerts NONE = new ReportAlerts("", DecisionChain.Head.EMPTY, Rows.of(List.of()),
                List.of(), List.of(), false);

        public ReportAlerts {
            Objects.requireNonNull(book, "book");
            Objects.requireNonNull(chainHead, "chainHead");
            Objects.requireNonNull(toDecide, "toDecide");
            decisions = List.copyOf(decisions);
            workload = List.copyOf(workload);
        }

        /** True when the run tracked alerts (a book is named). */
        public boolean tracked() {
            return !book.isEmpty();
        }
    }

    /**
     * An alert awaiting a decision: one row of the workbook's Decisions sheet, which an analyst fills in and
     * {@code vigil decisions import} records.
     *
     * @param alertId the alert
     * @param status new, re-raised or open
     * @param runId the run the analyst sees it in (recorded with the decision)
     * @param lastDecisionRef the alert's latest decision when the report was written ({@code D-12}), or empty: an
     *     import refuses a row whose alert was decided since, as a conflict
     * @param recordId the record it was raised on (for a payments book, the first payment of the run naming it)
     * @param field the screened field
     * @param screenedValue the value screened
     * @param partyId the listed entry, or empty for an embargoed country
     * @param matchedName the list name that matched
     * @param score the highest score of its hits in the run
     * @param decision alert or review
     * @param hits the run's hits of this alert
     * @param firstSeen the night it was first raised
     * @param note what changed, or since when it is open
     */
    public record ReportAlert(String alertId, AlertStatus status, long runId, String lastDecisionRef, String recordId,
            String field, String screenedValue, String partyId, String matchedName, double score, Decision decision,
            long hits, LocalDate firstSeen, String note) {
    }

    /**
     * A decision cited by the report.
     *
     * @param ref {@code D-12}
     * @param action what was decided
     * @param reviewer who decided
     * @param decidedAt when
     * @param reason why
     * @param runId the run the reviewer saw the alert in (0 when none)
     * @param approvedBy with four eyes, the second reviewer who approved it, and when; empty otherwise
     */
    public record ReportDecision(String ref, DecisionAction action, String reviewer, Instant decidedAt, String reason,
            long runId, String approvedBy) {
    }

    /**
     * One night of the book: hits by status, for the workload chart.
     *
     * @param businessDate the night
     * @param runId its run
     */
    public record ReportWorkload(LocalDate businessDate, long runId, long newHits, long reraised, long open,
            long suppressed, long confirmed) {
    }

    /** One rejected input row. */
    public record ReportReject(long line, String recordId, String reason) {
    }
}
