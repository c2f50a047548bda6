package io.vigil.batch.matching;

import io.vigil.registry.match.index.TokenStatistics;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which token weights each snapshot is matched with ({@code MATCHING_WEIGHTS}). Weights come from how often each
 * token occurs among the list names, so every new snapshot would move every score a little, and no screen could be
 * repeated as a delta against the parties that changed. Instead a snapshot keeps the weights of its <em>basis</em>:
 * the snapshot before it keeps its basis until the renewal period ({@code vigil.matching.weights-renewal}) has
 * passed since the basis was imported, or until the set of list sources changes; then the snapshot becomes its own
 * basis. The basis is assigned the first time a snapshot is matched against, from the snapshots' import times, and
 * stored, so it never changes afterwards.
 */
public class WeightsBasis {

    private static final Logger log = LoggerFactory.getLogger(WeightsBasis.class);

    /** A snapshot's weights: the basis snapshot they come from and the statistics. */
    public record Assigned(long snapshotId, long basisSnapshotId, TokenStatistics statistics, String fingerprint) {
    }

    private final JdbcTemplate jdbc;
    private final Period renewal;

    public WeightsBasis(JdbcTemplate jdbc, Period renewal) {
        this.jdbc = jdbc;
        this.renewal = renewal;
    }

    /** Which weights a snapshot was assigned, without the statistics themselves. */
    public record Pin(long snapshotId, long basisSnapshotId, String fingerprint) {
    }

    /** The basis and fingerprint of the weights assigned to a snapshot, if they were (cheap: no statistics read). */
    public Optional<Pin> pin(long snapshotId) {
        return jdbc.query("SELECT SNAPSHOT_ID, BASIS_SNAPSHOT_ID, FINGERPRINT FROM MATCHING_WEIGHTS WHERE SNAPSHOT_ID = ?",
                (rs, i) -> new Pin(rs.getLong(1), rs.getLong(2), rs.getString(3)), snapshotId).stream().findFirst();
    }

    /** The weights assigned to a snapshot, if they were. */
    public Optional<Assigned> find(long snapshotId) {
        return jdbc.query("SELECT SNAPSHOT_ID, BASIS_SNAPSHOT_ID, STATISTICS, FINGERPRINT FROM MATCHING_WEIGHTS WHERE "
                + "SNAPSHOT_ID = ?", (rs, i) -> new Assigned(rs.getLong(1), rs.getLong(2),
                        TokenStatistics.decode(rs.getBytes(3)), rs.getString(4)), snapshotId).stream().findFirst();
    }

    /**
     * The basis a snapshot not yet assigned inherits: the latest earlier assigned snapshot's, when it is still
     * within the renewal period and the sources are the same; empty when the snapshot is to be its own basis.
     */
    public Optional<Assigned> inherited(SnapshotInfo snapshot, java.util.function.LongFunction<Optional<SnapshotInfo>>
            snapshots) {
        List<Long> earlier = jdbc.queryForList("SELECT MAX(SNAPSHOT_ID) FROM MATCHING_WEIGHTS WHERE SNAPSHOT_ID < ?",
                Long.class, snapshot.id());
        if (earlier.isEmpty() || earlier.get(0) == null) {
            return Optional.empty();
        }
        Optional<Assigned> previous = find(earlier.get(0));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Optional<SnapshotInfo> basis = snapshots.apply(previous.get().basisSnapshotId());
        Optional<SnapshotInfo> before = snapshots.apply(previous.get().snapshotId());
        if (basis.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        var due = basis.get().createdAt().atOffset(ZoneOffset.UTC).plus(renewal).toInstant();
        if (!snapshot.createdAt().isBefore(due)) {
            log.info("token weights of snapshot {}: renewed (basis snapshot {} was imported more than {} before)",
                    snapshot.id(), basis.get().id(), renewal);
            return Optional.empty();
        }
        if (!sourceTypes(snapshot).equals(sourceTypes(before.get()))) {
            log.info("token weights of snapshot {}: renewed (its list sources differ from snapshot {}'s)",
                    snapshot.id(), before.get().id());
            return Optional.empty();
        }
        return Optional.of(new Assigned(snapshot.id(), previous.get().basisSnapshotId(), previous.get().statistics(),
                previous.get().fingerprint()));
    }

    /** Records a snapshot's weights; a snapshot already assigned keeps its first assignment. */
    public Assigned assign(Assigned weights) {
        try {
            jdbc.update("INSERT INTO MATCHING_WEIGHTS (SNAPSHOT_ID, BASIS_SNAPSHOT_ID, FINGERPRINT, STATISTICS) VALUES "
                    + "(?, ?, ?, ?)", weights.snapshotId(), weights.basisSnapshotId(), weights.fingerprint(),
                    weights.statistics().encode());
            return weights;
        } catch (DataAccessException e) {
            // assigned meanwhile by another process, or a read-only database: the stored assignment wins
            Optional<Assigned> stored = find(weights.snapshotId());
            if (stored.isPresent()) {
                return stored.get();
            }
            log.warn("token weights of snapshot {} could not be recorded ({}); used for this process only",
                    weights.snapshotId(), e.getMessage());
            return weights;
        }
    }

    private static SortedSet<String> sourceTypes(SnapshotInfo s) {
        SortedSet<String> out = new TreeSet<>();
        for (SnapshotSource src : s.sources()) {
            out.add(src.source().sourceType());
        }
        return out;
    }
}
