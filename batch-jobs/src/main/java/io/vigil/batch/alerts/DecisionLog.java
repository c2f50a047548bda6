package io.vigil.batch.alerts;

import io.vigil.registry.alert.AlertDecision;
import io.vigil.registry.alert.DecisionAction;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.registry.alert.ListedContent;
import io.vigil.registry.alert.ScreenedSubject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decision log in {@code ALERT_DECISION}: append-only (this class has no update or delete), each row sealed
 * into the hash chain ({@link DecisionChain}) as it is appended. Appends join the caller's transaction.
 */
public class DecisionLog {

    private static final String COLUMNS = "SEQ, ALERT_ID, ACTION, REVIEWER, DECIDED_AT, REASON, RUN_ID, SNAPSHOT_ID, "
            + "SUBJECT_VALUE, SUBJECT_TYPE, SUBJECT_DOB, SUBJECT_COUNTRY, LISTED_CONTENT, APPROVES, PREV_HASH, ROW_HASH";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgresql;

    public DecisionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the caller's transaction the log's only writer until it ends, so what a writer checks against the log
     * (an alert's history, the head) cannot change before it appends; readers go on. On PostgreSQL, where several
     * Vigil processes may share the database, a table lock ({@code LOCK TABLE … IN EXCLUSIVE MODE}); on H2 nothing,
     * since one process holds the database file. Must be called inside a transaction.
     */
    public void lockForAppend() {
        if (postgresql == null) {
            postgresql = jdbc.execute((ConnectionCallback<Boolean>) c -> "PostgreSQL".equals(
                    c.getMetaData().getDatabaseProductName()));
        }
        if (postgresql) {
            jdbc.execute("LOCK TABLE ALERT_DECISION IN EXCLUSIVE MODE");
        }
    }

    /**
     * Appends rows (their seq and hashes are set here) after the current head, and returns them sealed. Two writers
     * appending at once cannot both succeed: the second one's seq collides with the primary key and its
     * transaction fails. Writers that call {@link #lockForAppend} first wait for each other instead.
     */
    public List<AlertDecision> append(List<AlertDecision> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        DecisionChain.Head head = head();
        long seq = head.seq();
        String prev = head.hash();
        List<AlertDecision> sealed = new ArrayList<>(rows.size());
        List<Object[]> args = new ArrayList<>(rows.size());
        for (AlertDecision d : rows) {
            AlertDecision s = d.chainedAfter(++seq, prev);
            prev = s.rowHash();
            sealed.add(s);
            args.add(new Object[] {s.seq(), s.alertId(), s.action().label(), s.reviewer(),
                s.decidedAt().atOffset(ZoneOffset.UTC), s.reason(), s.runId(), s.snapshotId(), s.subject().value(),
                s.subject().type(), s.subject().dateOfBirth(), s.subject().country(), s.listed().encode(),
                s.approves(), s.prevHash(), s.rowHash()});
        }
        jdbc.batchUpdate("INSERT INTO ALERT_DECISION (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)", args);
        return sealed;
    }

    /** The last row's seq and hash. */
    public DecisionChain.Head head() {
        List<DecisionChain.Head> heads = jdbc.query("SELECT SEQ, ROW_HASH FROM ALERT_DECISION WHERE SEQ = (SELECT "
                + "MAX(SEQ) FROM ALERT_DECISION)", (rs, i) -> new DecisionChain.Head(rs.getLong(1), rs.getString(2)));
        return heads.isEmpty() ? DecisionChain.Head.EMPTY : heads.get(0);
    }

    /** One row by seq. */
    public Optional<AlertDecision> find(long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ALERT_DECISION WHERE SEQ = ?", DecisionLog::row, seq).stream()
                .findFirst();
    }

    /** Every row of one alert, in seq order. */
    public List<AlertDecision> forAlert(String alertId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ALERT_DECISION WHERE ALERT_ID = ? ORDER BY SEQ",
                DecisionLog::row, alertId);
    }

    /** The rows of every alert a run raised, by alert, each in seq order. */
    public Map<String, List<AlertDecision>> forRun(long instanceId) {
        Map<String, List<AlertDecision>> out = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM ALERT_DECISION WHERE ALERT_ID IN (SELECT DISTINCT ALERT_ID FROM "
                + "SCREENING_HIT WHERE JOB_INSTANCE_ID = ?) ORDER BY SEQ", rs -> {
                    AlertDecision d = row(rs, 0);
                    out.computeIfAbsent(d.alertId(), k -> new ArrayList<>()).add(d);
                }, instanceId);
        return out;
    }

    /** Every row in seq order (streamed). */
    public void forEach(Consumer<AlertDecision> consumer) {
        jdbc.query("SELECT " + COLUMNS + " FROM ALERT_DECISION ORDER BY SEQ", rs -> {
            consumer.accept(row(rs, 0));
        });
    }

    static AlertDecision row(ResultSet rs, int i) throws SQLException {
        String action = rs.getString(3);
        return new AlertDecision(rs.getLong(1), rs.getString(2), DecisionAction.fromLabel(action).orElseThrow(
                () -> new IllegalStateException("decision " + AlertDecision.ref(safeSeq(rs)) + " has an unknown "
                        + "action '" + action + "'")), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getLong(7), rs.getLong(8),
                new ScreenedSubject(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)),
                ListedContent.decode(rs.getString(13)), rs.getLong(14), rs.getString(15), rs.getString(16));
    }

    private static long safeSeq(ResultSet rs) {
        try {
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
