package io.vigil.batch.screening;

import io.vigil.registry.delta.BookState;
import io.vigil.registry.delta.RecordFingerprints;
import io.vigil.registry.delta.StoredRecords;
import io.vigil.registry.screen.InputRecord;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each screening run screened ({@code SCREENED_RECORDS}, one row per chunk, written in the chunk's transaction):
 * the record fingerprints a later delta night compares against, and for transactions the screened values a lookback
 * re-screens. Writes join the caller's transaction.
 */
public class ScreenedRecordStore {

    private final JdbcTemplate jdbc;

    public ScreenedRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One chunk's records of a run, as stored. */
    public record Chunk(long instanceId, long firstLine, LocalDate businessDate, long snapshotId,
            List<InputRecord> records) {
    }

    /** One chunk of a run as stored, its records still encoded: decoding is left to the caller's threads. */
    public record StoredChunk(long instanceId, long firstLine, LocalDate businessDate, long snapshotId,
            int recordCount, byte[] encoded) {

        public List<InputRecord> records() {
            return StoredRecords.decode(encoded);
        }
    }

    /**
     * Stores one chunk's records: their fingerprints, and their values when {@code keepValues}.
     */
    public void insert(long executionId, long instanceId, String jobName, LocalDate businessDate, long snapshotId,
            List<InputRecord> records, long[] idFingerprints, long[] recordFingerprints, boolean keepValues) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO SCREENED_RECORDS (JOB_INSTANCE_ID, FIRST_LINE, JOB_EXECUTION_ID, JOB_NAME, "
                + "BUSINESS_DATE, SNAPSHOT_ID, RECORD_COUNT, FINGERPRINTS, RECORDS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                instanceId, records.get(0).line(), executionId, jobName, businessDate, snapshotId, records.size(),
                BookState.encode(idFingerprints, recordFingerprints, records.size()),
                keepValues ? StoredRecords.encode(records) : null);
    }

    /** Whether a run stored its records' fingerprints. */
    public boolean hasRecords(long instanceId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM SCREENED_RECORDS WHERE JOB_INSTANCE_ID = ?", Long.class,
                instanceId);
        return n != null && n > 0;
    }

    /** The book as a run screened it, in the fingerprint scheme (or schemes) its chunks were stored with. */
    public BookState bookState(long instanceId) {
        List<byte[]> chunks = jdbc.query("SELECT FINGERPRINTS FROM SCREENED_RECORDS WHERE JOB_INSTANCE_ID = ? "
                + "ORDER BY FIRST_LINE", (rs, i) -> rs.getBytes(1), instanceId);
        return BookState.of(chunks);
    }

    /** A base run's book as last loaded, with the count of records it was loaded from. */
    private record LoadedBase(long instanceId, long records, BookState state) {
    }

    private final java.util.concurrent.atomic.AtomicReference<LoadedBase> lastBase =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The book as a completed earlier run (the base of a delta night) screened it. A delta night asks for it twice
     * (its screening step and its decisions step): the second time it is not read and sorted again. A completed
     * run's stored fingerprints never change; only a purge removes chunks, so the state kept is used only while the
     * run still holds as many records as it was loaded from.
     */
    public BookState baseBookState(long instanceId) {
        Long stored = jdbc.queryForObject("SELECT COALESCE(SUM(RECORD_COUNT), 0) FROM SCREENED_RECORDS WHERE "
                + "JOB_INSTANCE_ID = ?", Long.class, instanceId);
        long records = stored == null ? 0 : stored;
        LoadedBase kept = lastBase.get();
        if (kept != null && kept.instanceId() == instanceId && kept.records() == records) {
            return kept.state();
        }
        BookState state = bookState(instanceId);
        lastBase.set(new LoadedBase(instanceId, records, state));
        return state;
    }

    /**
     * Id fingerprints of the records that had hits in a run, by a given fingerprint scheme (that of the book state
     * they are looked up with).
     */
    public Set<Long> recordsWithHits(long instanceId, int scheme) {
        Set<Long> out = new HashSet<>();
        RecordFingerprints.Hasher hasher = new RecordFingerprints.Hasher(scheme);
        jdbc.query("SELECT DISTINCT RECORD_ID FROM SCREENING_HIT WHERE JOB_INSTANCE_ID = ?",
                rs -> {
                    out.add(hasher.ofId(rs.getString(1)));
                }, instanceId);
        return out;
    }

    /**
     * The completed transaction runs from {@code from} to {@code to} that kept their values: for each business date
     * and input file the latest run only (a night screened again is not counted twice).
     */
    public List<Long> paymentRuns(String jobName, LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT r.JOB_INSTANCE_ID FROM SCREENING_RUN r WHERE r.JOB_NAME = ? AND "
                + "r.BUSINESS_DATE >= ? AND r.BUSINESS_DATE <= ? AND r.JOB_EXECUTION_ID = (SELECT MAX(r2.JOB_EXECUTION_ID) "
                + "FROM SCREENING_RUN r2 WHERE r2.JOB_NAME = r.JOB_NAME AND r2.BUSINESS_DATE = r.BUSINESS_DATE AND "
                + "r2.INPUT_FILE = r.INPUT_FILE) AND EXISTS (SELECT 1 FROM SCREENED_RECORDS s WHERE "
                + "s.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND s.RECORDS IS NOT NULL) ORDER BY r.BUSINESS_DATE, "
                + "r.JOB_INSTANCE_ID", Long.class, jobName, from, to);
    }

    /** Every stored chunk of the given runs, in run order then line order. */
    public void forEachChunk(List<Long> instanceIds, Consumer<Chunk> consumer) {
        forEachStoredChunk(instanceIds, c -> consumer.accept(new Chunk(c.instanceId(), c.firstLine(),
                c.businessDate(), c.snapshotId(), c.records())));
    }

    /** Every stored chunk of the given runs, in run order then line order, not yet decoded. */
    public void forEachStoredChunk(List<Long> instanceIds, Consumer<StoredChunk> consumer) {
        for (long instance : instanceIds) {
            jdbc.query("SELECT FIRST_LINE, BUSINESS_DATE, SNAPSHOT_ID, RECORD_COUNT, RECORDS FROM SCREENED_RECORDS "
                    + "WHERE JOB_INSTANCE_ID = ? AND RECORDS IS NOT NULL ORDER BY FIRST_LINE", rs -> {
                        consumer.accept(new StoredChunk(instance, rs.getLong(1), rs.getObject(2, LocalDate.class),
                                rs.getLong(3), rs.getInt(4), rs.getBytes(5)));
                    }, instance);
        }
    }

    /** The snapshots the given runs screened against, ascending. */
    public List<Long> snapshotsOf(List<Long> instanceIds) {
        java.util.SortedSet<Long> out = new java.util.TreeSet<>();
        for (long instance : instanceIds) {
            out.addAll(jdbc.queryForList("SELECT DISTINCT SNAPSHOT_ID FROM SCREENED_RECORDS WHERE JOB_INSTANCE_ID = ?",
                    Long.class, instance));
        }
        return List.copyOf(out);
    }

    /** Stored records of the given runs (for a lookback's counts). */
    public long recordCount(List<Long> instanceIds) {
        long n = 0;
        for (long instance : instanceIds) {
            Long c = jdbc.queryForObject("SELECT COALESCE(SUM(RECORD_COUNT), 0) FROM SCREENED_RECORDS WHERE "
                    + "JOB_INSTANCE_ID = ? AND RECORDS IS NOT NULL", Long.class, instance);
            n += c == null ? 0 : c;
        }
        return n;
    }

    /**
     * Removes the stored values (and fingerprints) of runs for business dates before {@code before}, except the
     * fingerprints of each book's latest counterparty screening, which the next delta night compares against.
     *
     * @return the chunks and records removed
     */
    public long[] purge(LocalDate before) {
        Long records = jdbc.queryForObject("SELECT COALESCE(SUM(RECORD_COUNT), 0) FROM SCREENED_RECORDS WHERE "
                + "BUSINESS_DATE < ? AND JOB_INSTANCE_ID NOT IN (" + LATEST_PER_BOOK + ")", Long.class, before);
        int chunks = jdbc.update("DELETE FROM SCREENED_RECORDS WHERE BUSINESS_DATE < ? AND JOB_INSTANCE_ID NOT IN ("
                + LATEST_PER_BOOK + ")", before);
        return new long[] {chunks, records == null ? 0 : records};
    }

    /** The latest screening run of each book (by execution), whatever its job. */
    private static final String LATEST_PER_BOOK = "SELECT a.JOB_INSTANCE_ID FROM ALERT_RUN a WHERE a.JOB_EXECUTION_ID "
            + "= (SELECT MAX(b.JOB_EXECUTION_ID) FROM ALERT_RUN b WHERE b.BOOK = a.BOOK)";
}
