package io.vigil.batch.alerts;

import io.vigil.registry.alert.AlertState;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.registry.alert.ListedContent;
import io.vigil.registry.alert.ScreenedSubject;
import io.vigil.registry.match.Decision;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts ({@code ALERT}), how each run saw them ({@code ALERT_SIGHTING}) and each run's book and decision log head
 * ({@code ALERT_RUN}). Writes join the caller's transaction.
 */
public class AlertStore {

    private final JdbcTemplate jdbc;

    public AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An alert as {@code ALERT} holds it. */
    public record Alert(String alertId, String book, String subjectKey, String recordId, String field,
            String screenedValue, String partyId, String matchedName, LocalDate firstSeen, long firstInstanceId,
            LocalDate lastSeen, long lastInstanceId, long lastExecutionId, BigDecimal lastScore, AlertState state) {
    }

    /**
     * An alert as one run saw it.
     *
     * @param decisionSeq the decision the status rests on, 0 when none
     * @param lastDecisionSeq the alert's latest decision when the run applied them, 0 when none
     */
    public record Sighting(long instanceId, String alertId, String subjectFingerprint, long executionId, String book,
            LocalDate businessDate, long snapshotId, AlertStatus status, long decisionSeq, long lastDecisionSeq,
            String note, LocalDate firstSeen, String recordId, String field, String screenedValue, String partyId,
            String matchedName, BigDecimal score, Decision decision, long hits, ScreenedSubject subject,
            ListedContent listed) {
    }

    /** A run's book, decision log head and hits by status. */
    public record AlertRun(long instanceId, long executionId, String book, LocalDate businessDate,
            DecisionChain.Head chainHead, boolean fourEyes, String clearanceExpiry,
            Map<AlertStatus, Long> hitsByStatus) {
    }

    private static final String ALERT_COLUMNS = "ALERT_ID, BOOK, SUBJECT_KEY, RECORD_ID, FIELD, SCREENED_VALUE, "
            + "PARTY_ID, MATCHED_NAME, FIRST_SEEN, FIRST_INSTANCE_ID, LAST_SEEN, LAST_INSTANCE_ID, LAST_EXECUTION_ID, "
            + "LAST_SCORE, STATE";

    private static final String SIGHTING_COLUMNS = "JOB_INSTANCE_ID, ALERT_ID, SUBJECT_FP, JOB_EXECUTION_ID, BOOK, "
            + "BUSINESS_DATE, SNAPSHOT_ID, STATUS, DECISION_SEQ, LAST_DECISION_SEQ, NOTE, FIRST_SEEN, RECORD_ID, FIELD, "
            + "SCREENED_VALUE, PARTY_ID, MATCHED_NAME, SCORE, DECISION, HITS, SUBJECT_VALUE, SUBJECT_TYPE, "
            + "SUBJECT_DOB, SUBJECT_COUNTRY, LISTED_CONTENT";

    public Optional<Alert> find(String alertId) {
        return jdbc.query("SELECT " + ALERT_COLUMNS + " FROM ALERT WHERE ALERT_ID = ?", AlertStore::alert, alertId)
                .stream().findFirst();
    }

    /** The alerts a run raised that existed already, by id. */
    public Map<String, Alert> forRun(long instanceId) {
        Map<String, Alert> out = new HashMap<>();
        jdbc.query("SELECT " + ALERT_COLUMNS + " FROM ALERT WHERE ALERT_ID IN (SELECT DISTINCT ALERT_ID FROM "
                + "SCREENING_HIT WHERE JOB_INSTANCE_ID = ?)", rs -> {
                    Alert a = alert(rs, 0);
                    out.put(a.alertId(), a);
                }, instanceId);
        return out;
    }

    public void insert(List<Alert> alerts) {
        List<Object[]> args = new ArrayList<>();
        for (Alert a : alerts) {
            args.add(new Object[] {a.alertId(), a.book(), a.subjectKey(), a.recordId(), a.field(), a.screenedValue(),
                a.partyId(), a.matchedName(), a.firstSeen(), a.firstInstanceId(), a.lastSeen(), a.lastInstanceId(),
                a.lastExecutionId(), a.lastScore(), a.state().label()});
        }
        jdbc.batchUpdate("INSERT INTO ALERT (" + ALERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)", args);
    }

    /** Records that an existing alert was seen again (the first sighting stays). */
    public void seen(List<Alert> alerts) {
        List<Object[]> args = new ArrayList<>();
        for (Alert a : alerts) {
            args.add(new Object[] {a.lastSeen(), a.lastInstanceId(), a.lastExecutionId(), a.lastScore(),
                a.screenedValue(), a.matchedName(), a.state().label(), a.alertId()});
        }
        jdbc.batchUpdate("UPDATE ALERT SET LAST_SEEN = ?, LAST_INSTANCE_ID = ?, LAST_EXECUTION_ID = ?, LAST_SCORE = ?, "
                + "SCREENED_VALUE = ?, MATCHED_NAME = ?, STATE = ? WHERE ALERT_ID = ?", args);
    }

    /** The alerts of a book still awaiting a decision ({@code open} or {@code escalated}), by id. */
    public List<Alert> undecided(String book) {
        return jdbc.query("SELECT " + ALERT_COLUMNS + " FROM ALERT WHERE BOOK = ? AND STATE IN ('open', 'escalated') "
                + "ORDER BY ALERT_ID", AlertStore::alert, book);
    }

    /** Sets the cached state of an alert after a decision (the decision log stays authoritative). */
    public void setState(String alertId, AlertState state) {
        jdbc.update("UPDATE ALERT SET STATE = ? WHERE ALERT_ID = ?", state.label(), alertId);
    }

    public void insertSightings(List<Sighting> sightings) {
        List<Object[]> args = new ArrayList<>();
        for (Sighting s : sightings) {
            args.add(new Object[] {s.instanceId(), s.alertId(), s.subjectFingerprint(), s.executionId(), s.book(),
                s.businessDate(), s.snapshotId(), s.status().label(), s.decisionSeq() == 0 ? null : s.decisionSeq(),
                s.lastDecisionSeq() == 0 ? null : s.lastDecisionSeq(), s.note(), s.firstSeen(), s.recordId(),
                s.field(), s.screenedValue(), s.partyId(), s.matchedName(), s.score(), s.decision().label(), s.hits(),
                s.subject().value(), s.subject().type(), s.subject().dateOfBirth(), s.subject().country(),
                s.listed().encode()});
        }
        jdbc.batchUpdate("INSERT INTO ALERT_SIGHTING (" + SIGHTING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /** Removes a run's sightings and summary (before applying decisions again to the same run). */
    public void clearRun(long instanceId) {
        jdbc.update("DELETE FROM ALERT_SIGHTING WHERE JOB_INSTANCE_ID = ?", instanceId);
        jdbc.update("DELETE FROM ALERT_RUN WHERE JOB_INSTANCE_ID = ?", instanceId);
    }

    /** The sightings of a run, in alert-id order. */
    public List<Sighting> sightings(long instanceId) {
        return jdbc.query("SELECT " + SIGHTING_COLUMNS + " FROM ALERT_SIGHTING WHERE JOB_INSTANCE_ID = ? ORDER BY "
                + "ALERT_ID, SUBJECT_FP", AlertStore::sighting, instanceId);
    }

    /** The latest sighting of an alert, or empty. */
    public Optional<Sighting> lastSighting(String alertId) {
        return jdbc.query("SELECT " + SIGHTING_COLUMNS + " FROM ALERT_SIGHTING WHERE ALERT_ID = ? ORDER BY "
                + "JOB_EXECUTION_ID DESC, SUBJECT_FP FETCH FIRST 1 ROWS ONLY", AlertStore::sighting, alertId).stream()
                .findFirst();
    }

    /** The sighting of an alert in the run of a job execution, or empty. */
    public Optional<Sighting> sightingInRun(String alertId, long executionId) {
        String prefixed = java.util.Arrays.stream(SIGHTING_COLUMNS.split(", ")).map(c -> "s." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        return jdbc.query("SELECT " + prefixed + " FROM "
                + "ALERT_SIGHTING s JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = s.JOB_INSTANCE_ID WHERE "
                + "s.ALERT_ID = ? AND e.JOB_EXECUTION_ID = ? ORDER BY s.SUBJECT_FP FETCH FIRST 1 ROWS ONLY",
                AlertStore::sighting, alertId, executionId).stream().findFirst();
    }

    public void saveRun(AlertRun run) {
        jdbc.update("INSERT INTO ALERT_RUN (JOB_INSTANCE_ID, JOB_EXECUTION_ID, BOOK, BUSINESS_DATE, CHAIN_HEAD_SEQ, "
                + "CHAIN_HEAD_HASH, FOUR_EYES, CLEARANCE_EXPIRY, HITS_NEW, HITS_RERAISED, HITS_OPEN, HITS_CONFIRMED, "
                + "HITS_SUPPRESSED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run.instanceId(), run.executionId(),
                run.book(), run.businessDate(), run.chainHead().seq(), run.chainHead().hash(), run.fourEyes(),
                run.clearanceExpiry(), count(run, AlertStatus.NEW), count(run, AlertStatus.RERAISED),
                count(run, AlertStatus.OPEN), count(run, AlertStatus.CONFIRMED), count(run, AlertStatus.SUPPRESSED));
    }

    public Optional<AlertRun> run(long instanceId) {
        return jdbc.query("SELECT JOB_INSTANCE_ID, JOB_EXECUTION_ID, BOOK, BUSINESS_DATE, CHAIN_HEAD_SEQ, "
                + "CHAIN_HEAD_HASH, FOUR_EYES, CLEARANCE_EXPIRY, HITS_NEW, HITS_RERAISED, HITS_OPEN, HITS_CONFIRMED, "
                + "HITS_SUPPRESSED FROM ALERT_RUN WHERE JOB_INSTANCE_ID = ?", AlertStore::alertRun, instanceId).stream()
                .findFirst();
    }

    /** Every run's recorded decision log head (for {@code decisions verify}). */
    public List<AlertRun> runs() {
        return jdbc.query("SELECT JOB_INSTANCE_ID, JOB_EXECUTION_ID, BOOK, BUSINESS_DATE, CHAIN_HEAD_SEQ, "
                + "CHAIN_HEAD_HASH, FOUR_EYES, CLEARANCE_EXPIRY, HITS_NEW, HITS_RERAISED, HITS_OPEN, HITS_CONFIRMED, "
                + "HITS_SUPPRESSED FROM ALERT_RUN ORDER BY JOB_EXECUTION_ID", AlertStore::alertRun);
    }

    /**
     * The book's nights up to a run, for the workload chart: the latest completed run of each business date on or
     * before {@code businessDate} that finished no later than {@code finishedAt}, at most {@code nights}, oldest
     * first. Rows written later never change the answer, so a regenerated report draws the same chart.
     */
    public List<AlertRun> workload(String book, LocalDate businessDate, java.time.Instant finishedAt, int nights) {
        List<AlertRun> all = jdbc.query("SELECT a.JOB_INSTANCE_ID, a.JOB_EXECUTION_ID, a.BOOK, a.BUSINESS_DATE, "
                + "a.CHAIN_HEAD_SEQ, a.CHAIN_HEAD_HASH, a.FOUR_EYES, a.CLEARANCE_EXPIRY, a.HITS_NEW, a.HITS_RERAISED, "
                + "a.HITS_OPEN, a.HITS_CONFIRMED, a.HITS_SUPPRESSED FROM ALERT_RUN a JOIN SCREENING_RUN r ON "
                + "r.JOB_INSTANCE_ID = a.JOB_INSTANCE_ID WHERE a.BOOK = ? AND a.BUSINESS_DATE <= ? AND r.FINISHED_AT <= "
                + "? ORDER BY a.BUSINESS_DATE, r.FINISHED_AT, a.JOB_INSTANCE_ID", AlertStore::alertRun, book,
                businessDate, finishedAt.atOffset(java.time.ZoneOffset.UTC));
        Map<LocalDate, AlertRun> byDate = new java.util.TreeMap<>();
        all.forEach(r -> byDate.put(r.businessDate(), r));
        List<AlertRun> out = new ArrayList<>(byDate.values());
        return out.subList(Math.max(0, out.size() - nights), out.size());
    }

    /** Filters of {@code vigil alerts}. */
    public record Query(String status, Long runInstanceId, String partyId, String book, int limit) {
    }

    /** An alert with its latest sighting's status, for listings. */
    public record Listed(Alert alert, AlertStatus lastStatus, long lastDecisionSeq) {
    }

    /**
     * Alerts matching the filters, in alert-id order. {@code status}: {@code open}, {@code cleared},
     * {@code confirmed}, {@code escalated} or {@code closed} filter on the alert's state; {@code new},
     * {@code reraised} and {@code suppressed} on the status of its latest sighting; {@code all} on nothing.
     */
    public List<Listed> list(Query q) {
        StringBuilder sql = new StringBuilder("SELECT a.ALERT_ID, a.BOOK, a.SUBJECT_KEY, a.RECORD_ID, a.FIELD, "
                + "a.SCREENED_VALUE, a.PARTY_ID, a.MATCHED_NAME, a.FIRST_SEEN, a.FIRST_INSTANCE_ID, a.LAST_SEEN, "
                + "a.LAST_INSTANCE_ID, a.LAST_EXECUTION_ID, a.LAST_SCORE, a.STATE, (SELECT MAX(s.STATUS) FROM "
                + "ALERT_SIGHTING s WHERE s.ALERT_ID = a.ALERT_ID AND s.JOB_INSTANCE_ID = a.LAST_INSTANCE_ID), "
                + "(SELECT MAX(d.SEQ) FROM ALERT_DECISION d WHERE d.ALERT_ID = a.ALERT_ID) FROM ALERT a WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String status = q.status() == null ? "all" : q.status();
        switch (status) {
            case "all" -> {
            }
            case "open", "cleared", "confirmed", "escalated", "closed" -> {
                sql.append(" AND a.STATE = ?");
                args.add(status);
            }
            case "new", "reraised", "suppressed" -> {
                sql.append(" AND EXISTS (SELECT 1 FROM ALERT_SIGHTING s WHERE s.ALERT_ID = a.ALERT_ID AND "
                        + "s.JOB_INSTANCE_ID = a.LAST_INSTANCE_ID AND s.STATUS = ?)");
                args.add(status);
            }
            default -> throw new IllegalArgumentException("unknown status " + status);
        }
        if (q.runInstanceId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ALERT_SIGHTING s WHERE s.ALERT_ID = a.ALERT_ID AND "
                    + "s.JOB_INSTANCE_ID = ?)");
            args.add(q.runInstanceId());
        }
        if (q.partyId() != null) {
            sql.append(" AND a.PARTY_ID = ?");
            args.add(q.partyId());
        }
        if (q.book() != null) {
            sql.append(" AND a.BOOK = ?");
            args.add(q.book());
        }
        sql.append(" ORDER BY a.ALERT_ID FETCH FIRST ").append(Math.max(1, q.limit())).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, i) -> {
            String last = rs.getString(16);
            return new Listed(alert(rs, i), last == null ? null : AlertStatus.parse(last), rs.getLong(17));
        }, args.toArray());
    }

    private static long count(AlertRun run, AlertStatus s) {
        return run.hitsByStatus().getOrDefault(s, 0L);
    }

    private static Alert alert(ResultSet rs, int i) throws SQLException {
        return new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getLong(10),
                rs.getObject(11, LocalDate.class), rs.getLong(12), rs.getLong(13), rs.getBigDecimal(14),
                AlertState.parse(rs.getString(15)));
    }

    private static Sighting sighting(ResultSet rs, int i) throws SQLException {
        return new Sighting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getLong(7), AlertStatus.parse(rs.getString(8)), rs.getLong(9),
                rs.getLong(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getBigDecimal(18),
                Decision.valueOf(rs.getString(19).toUpperCase(Locale.ROOT)), rs.getLong(20),
                new ScreenedSubject(rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24)),
                ListedContent.decode(rs.getString(25)));
    }

    private static AlertRun alertRun(ResultSet rs, int i) throws SQLException {
        Map<AlertStatus, Long> counts = new EnumMap<>(AlertStatus.class);
        counts.put(AlertStatus.NEW, rs.getLong(9));
        counts.put(AlertStatus.RERAISED, rs.getLong(10));
        counts.put(AlertStatus.OPEN, rs.getLong(11));
        counts.put(AlertStatus.CONFIRMED, rs.getLong(12));
        counts.put(AlertStatus.SUPPRESSED, rs.getLong(13));
        return new AlertRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                new DecisionChain.Head(rs.getLong(5), rs.getString(6)), rs.getBoolean(7), rs.getString(8), counts);
    }
}
