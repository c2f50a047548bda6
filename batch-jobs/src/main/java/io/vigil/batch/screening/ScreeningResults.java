package io.vigil.batch.screening;

import io.vigil.registry.match.MatchHit;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreeningHit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screening results of each run in the database (tables {@code SCREENING_HIT}, {@code SCREENING_REJECT},
 * {@code SCREENING_RUN}), keyed by job instance so that the executions of a restarted run add up. Writes join the
 * caller's transaction (the chunk's), so a chunk's hits are committed exactly when its progress is.
 */
public class ScreeningResults {

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScreeningResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One hit row as stored, with the night status the alert step gave it (null status when the run tracked no
     * alerts).
     */
    public record HitRow(long line, String recordId, String field, String screenedValue, String kind, String partyId,
            String linkedIds, String matchedName, BigDecimal score, String decision, String reason,
            String citationKey, String nameQuality, String alertId, String status, long decisionSeq,
            String statusNote) {
    }

    /**
     * A hit with the alert it belongs to: the alert id, the subject key and the screened values (null when the run
     * tracks no alerts).
     */
    public record TrackedHit(ScreeningHit hit, String alertId, String subjectKey,
            io.vigil.registry.alert.ScreenedSubject subject) {
    }

    public void insertHits(long executionId, long instanceId, List<TrackedHit> hits) {
        List<Object[]> rows = new ArrayList<>(hits.size());
        Map<String, String> newSets = new LinkedHashMap<>();
        int seq = 0;
        long lastLine = -1;
        for (TrackedHit t : hits) {
            ScreeningHit h = t.hit();
            seq = h.line() == lastLine ? seq + 1 : 0;
            lastLine = h.line();
            MatchHit m = h.match();
            rows.add(new Object[] {executionId, instanceId, h.line(), seq, h.recordId(), h.field(),
                h.screenedValue(), h.kind().name(), h.partyId(), String.join("|", h.linkedIds()),
                h.matchedName() == null ? "" : h.matchedName(), BigDecimal.valueOf(h.score()).setScale(1,
                        RoundingMode.HALF_UP), h.decision(), h.reason() == null ? "" : h.reason(),
                citationKey(json.writeValueAsString(citations(m)), newSets),
                m == null ? null : json.writeValueAsString(m.explanation()),
                nameQuality(m), t.alertId(), t.subjectKey(), t.subject() == null ? null : t.subject().fingerprint(),
                t.subject() == null ? null : t.subject().value(), t.subject() == null ? null : t.subject().type(),
                t.subject() == null ? null : t.subject().dateOfBirth(),
                t.subject() == null ? null : t.subject().country()});
        }
        if (!newSets.isEmpty()) {
            storeCitationSets(newSets);
        }
        jdbc.batchUpdate("INSERT INTO SCREENING_HIT (JOB_EXECUTION_ID, JOB_INSTANCE_ID, LINE_NO, HIT_SEQ, RECORD_ID, "
                + "FIELD, SCREENED_VALUE, HIT_KIND, PARTY_ID, LINKED_IDS, MATCHED_NAME, SCORE, DECISION, REASON, "
                + "CITATION_KEY, EXPLANATION_JSON, NAME_QUALITY, ALERT_ID, SUBJECT_KEY, SUBJECT_FP, SUBJECT_VALUE, "
                + "SUBJECT_TYPE, SUBJECT_DOB, SUBJECT_COUNTRY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The key of a citation list, collecting the chunk's distinct lists to store. */
    private String citationKey(String citationsJson, Map<String, String> newSets) {
        String key = io.vigil.registry.source.Hashing.sha256(citationsJson.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        newSets.putIfAbsent(key, citationsJson);
        return key;
    }

    private void storeCitationSets(Map<String, String> sets) {
        List<Object[]> args = new ArrayList<>();
        sets.forEach((k, v) -> args.add(new Object[] {k, v, k}));
        jdbc.batchUpdate("INSERT INTO CITATION_SET (CITATION_KEY, CITATIONS_JSON) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM CITATION_SET WHERE CITATION_KEY = ?)", args);
    }

    /** Every citation list the run's hits refer to, by key. */
    public Map<String, String> citationSets(long instanceId) {
        Map<String, String> out = new java.util.HashMap<>();
        jdbc.query("SELECT c.CITATION_KEY, c.CITATIONS_JSON FROM CITATION_SET c WHERE c.CITATION_KEY IN (SELECT "
                + "DISTINCT h.CITATION_KEY FROM SCREENING_HIT h WHERE h.JOB_INSTANCE_ID = ?)", rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                }, instanceId);
        return out;
    }

    /** {@code primary, strong} or {@code aka, weak}: the kind and quality of the list name that matched. */
    private static String nameQuality(MatchHit m) {
        if (m == null || m.explanation() == null) {
            return "";
        }
        var e = m.explanation();
        return (String.valueOf(e.kind()) + ", " + String.valueOf(e.quality())).toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
    }

    public void insertRejects(long executionId, long instanceId, List<RejectedRecord> rejects) {
        List<Object[]> rows = new ArrayList<>(rejects.size());
        for (RejectedRecord r : rejects) {
            rows.add(new Object[] {executionId, instanceId, r.line(), r.recordId(), r.reason()});
        }
        jdbc.batchUpdate("INSERT INTO SCREENING_REJECT (JOB_EXECUTION_ID, JOB_INSTANCE_ID, LINE_NO, RECORD_ID, "
                + "REASON) VALUES (?, ?, ?, ?, ?)", rows);
    }

    public long rejectCount(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SCREENING_REJECT WHERE JOB_INSTANCE_ID = ?", Long.class,
                instanceId);
    }

    public long hitCount(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SCREENING_HIT WHERE JOB_INSTANCE_ID = ?", Long.class,
                instanceId);
    }

    /**
     * Every hit of a run in file order (line, then the screener's order within the record), with its night status
     * from the run's alert sightings.
     */
    public void forEachHit(long instanceId, Consumer<HitRow> consumer) {
        // the run's sightings first (one per alert and screened values: far fewer than hits), then the hits alone
        record Sighting(String status, long decisionSeq, String note) {
        }
        Map<String, Sighting> sightings = new java.util.HashMap<>();
        jdbc.query("SELECT ALERT_ID, SUBJECT_FP, STATUS, DECISION_SEQ, NOTE FROM ALERT_SIGHTING WHERE JOB_INSTANCE_ID "
                + "= ?", rs -> {
                    sightings.put(rs.getString(1) + '|' + rs.getString(2), new Sighting(rs.getString(3),
                            rs.getLong(4), rs.getString(5)));
                }, instanceId);
        Sighting none = new Sighting(null, 0, null);
        jdbc.query("SELECT LINE_NO, RECORD_ID, FIELD, SCREENED_VALUE, HIT_KIND, PARTY_ID, LINKED_IDS, MATCHED_NAME, "
                + "SCORE, DECISION, REASON, CITATION_KEY, NAME_QUALITY, ALERT_ID, SUBJECT_FP FROM SCREENING_HIT WHERE "
                + "JOB_INSTANCE_ID = ? ORDER BY JOB_INSTANCE_ID, LINE_NO, HIT_SEQ", rs -> { // index order: no sort
                    String alertId = rs.getString(14);
                    Sighting s = alertId == null ? none : sightings.getOrDefault(alertId + '|' + rs.getString(15),
                            none);
                    consumer.accept(new HitRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), alertId,
                            s.status(), s.decisionSeq(), s.note()));
                }, instanceId);
    }

    /** What the alert step needs of a hit: its alert, subject, party and score. */
    public record HitTracking(long line, String recordId, String field, String screenedValue, String partyId,
            List<String> linkedIds, String matchedName, BigDecimal score, String decision, String alertId,
            String subjectKey, io.vigil.registry.alert.ScreenedSubject subject) {
    }

    /** Every hit of a run that belongs to an alert, in file order. */
    public void forEachTrackedHit(long instanceId, Consumer<HitTracking> consumer) {
        jdbc.query("SELECT LINE_NO, RECORD_ID, FIELD, SCREENED_VALUE, PARTY_ID, LINKED_IDS, MATCHED_NAME, SCORE, "
                + "DECISION, ALERT_ID, SUBJECT_KEY, SUBJECT_VALUE, SUBJECT_TYPE, SUBJECT_DOB, SUBJECT_COUNTRY "
                + "FROM SCREENING_HIT WHERE JOB_INSTANCE_ID = ? AND ALERT_ID IS NOT NULL ORDER BY JOB_INSTANCE_ID, LINE_NO, "
                + "HIT_SEQ",
                rs -> {
                    String linked = rs.getString(6);
                    consumer.accept(new HitTracking(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), linked == null || linked.isEmpty() ? List.of()
                                    : List.of(linked.split("\\|")), rs.getString(7), rs.getBigDecimal(8),
                            rs.getString(9), rs.getString(10), rs.getString(11),
                            new io.vigil.registry.alert.ScreenedSubject(rs.getString(12), rs.getString(13),
                                    rs.getString(14), rs.getString(15))));
                }, instanceId);
    }

    /** Every reject of a run in file order. */
    public void forEachReject(long instanceId, Consumer<RejectedRecord> consumer) {
        jdbc.query("SELECT LINE_NO, RECORD_ID, REASON FROM SCREENING_REJECT WHERE JOB_INSTANCE_ID = ? ORDER BY "
                + "JOB_INSTANCE_ID, LINE_NO", rs -> {
                    consumer.accept(new RejectedRecord(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }, instanceId);
    }

    /** Records the run's summary (replacing an earlier one of the same instance). */
    public void saveRun(RunSummary run) {
        jdbc.update("DELETE FROM SCREENING_RUN WHERE JOB_INSTANCE_ID = ?", run.instanceId());
        jdbc.update("INSERT INTO SCREENING_RUN (JOB_INSTANCE_ID, JOB_EXECUTION_ID, JOB_NAME, BUSINESS_DATE, INPUT_FILE, "
                + "INPUT_SHA256, SNAPSHOT_ID, POLICY, RECORDS_READ, RECORDS_SCREENED, RECORDS_REJECTED, HITS, OUT_DIR, "
                + "STARTED_AT, FINISHED_AT, SOFTWARE_VERSION, CONFIG_FINGERPRINT, METHOD_JSON, "
                + "PDF_MAX_HITS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run.instanceId(), run.executionId(),
                run.jobName(), run.businessDate(), run.inputFile(), run.inputSha256(), run.snapshotId(), run.policy(),
                run.read(), run.screened(), run.rejected(), run.hits(), run.outDir(),
                run.startedAt().atOffset(java.time.ZoneOffset.UTC), run.finishedAt().atOffset(java.time.ZoneOffset.UTC),
                run.softwareVersion(), run.method().fingerprint(), run.method().json(), run.pdfMaxHits());
        jdbc.update("DELETE FROM SCREENING_SCOPE WHERE JOB_INSTANCE_ID = ?", run.instanceId());
        ScreeningScope s = run.scope();
        if (s != null) {
            jdbc.update("INSERT INTO SCREENING_SCOPE (JOB_INSTANCE_ID, MODE, REASON, BASE_INSTANCE_ID, BASE_SNAPSHOT_ID, "
                    + "PARTIES_SCREENED, PARTIES_ADDED, PARTIES_CHANGED, PARTIES_REMOVED, RECORDS_FULL, "
                    + "RECORDS_CHANGED_PARTIES, RECORDS_REMOVED, FROM_DATE, TO_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?)", run.instanceId(), s.mode().label(), s.reason(), s.baseInstanceId(),
                    s.baseSnapshotId(), s.partiesScreened(), s.partiesAdded(), s.partiesChanged(), s.partiesRemoved(),
                    s.recordsFull(), s.recordsChangedParties(), s.recordsRemoved(), s.fromDate(), s.toDate());
        }
    }

    /** Removes a run's hits (before a lookback screens again from the start). */
    public void clearHits(long instanceId) {
        jdbc.update("DELETE FROM SCREENING_HIT WHERE JOB_INSTANCE_ID = ?", instanceId);
    }

    /** How a run was screened, or null for a run before delta screening. */
    public ScreeningScope scope(long instanceId) {
        return jdbc.query("SELECT MODE, REASON, BASE_INSTANCE_ID, BASE_SNAPSHOT_ID, PARTIES_SCREENED, PARTIES_ADDED, "
                + "PARTIES_CHANGED, PARTIES_REMOVED, RECORDS_FULL, RECORDS_CHANGED_PARTIES, RECORDS_REMOVED, FROM_DATE, "
                + "TO_DATE FROM SCREENING_SCOPE WHERE JOB_INSTANCE_ID = ?", (rs, i) -> new ScreeningScope(
                        ScreeningMode.parse(rs.getString(1)), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getObject(12, java.time.LocalDate.class),
                        rs.getObject(13, java.time.LocalDate.class)), instanceId).stream().findFirst().orElse(null);
    }

    /**
     * The stored summary of the run that job execution {@code executionId} belongs to (any execution of the run:
     * the first, a restart, or the one that completed), or empty when it is not a completed screening run.
     */
    public java.util.Optional<RunSummary> findRun(long executionId) {
        List<RunSummary> runs = jdbc.query("SELECT r.JOB_INSTANCE_ID, r.JOB_EXECUTION_ID, r.JOB_NAME, r.BUSINESS_DATE, "
                + "r.INPUT_FILE, r.INPUT_SHA256, r.SNAPSHOT_ID, r.POLICY, r.RECORDS_READ, r.RECORDS_SCREENED, "
                + "r.RECORDS_REJECTED, r.HITS, r.OUT_DIR, r.STARTED_AT, r.FINISHED_AT, r.SOFTWARE_VERSION, r.METHOD_JSON, "
                + "r.PDF_MAX_HITS FROM SCREENING_RUN r JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID "
                + "WHERE e.JOB_EXECUTION_ID = ?", (rs, i) -> new RunSummary(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getObject(4, java.time.LocalDate.class), rs.getString(5), rs.getString(6),
                        rs.getLong(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16),
                        new RunMethod(rs.getString(17) == null ? "" : rs.getString(17)), rs.getInt(18), null),
                executionId);
        return runs.stream().findFirst().map(r -> new RunSummary(r.instanceId(), r.executionId(), r.jobName(),
                r.businessDate(), r.inputFile(), r.inputSha256(), r.snapshotId(), r.policy(), r.read(), r.screened(),
                r.rejected(), r.hits(), r.outDir(), r.startedAt(), r.finishedAt(), r.softwareVersion(), r.method(),
                r.pdfMaxHits(), scope(r.instanceId())));
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<Map<String, Object>> citations(MatchHit m) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        for (MatchHit.Citation c : m.citations()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("n", c.number());
            map.put("party_id", c.partyId());
            map.put("authority", c.designation().authority());
            map.put("list", c.designation().listName());
            map.put("program", c.designation().program());
            map.put("legal_basis", c.designation().legalBasis());
            map.put("listed_on", c.designation().listedOn() == null ? null : c.designation().listedOn().toString());
            map.put("source_reference", c.designation().sourceReference());
            map.put("url", c.designation().url());
            map.put("source_type", c.designation().sourceType());
            out.add(map);
        }
        return out;
    }
}
