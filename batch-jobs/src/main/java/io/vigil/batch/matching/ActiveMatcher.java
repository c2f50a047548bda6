package io.vigil.batch.matching;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatcher;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotStore;
import io.vigil.registry.match.index.TokenStatistics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher over the ACTIVE registry snapshot, built on first use and rebuilt when another snapshot becomes
 * active. The thresholds come from {@code vigil.matching.*}.
 */
public class ActiveMatcher {

    private static final Logger log = LoggerFactory.getLogger(ActiveMatcher.class);

    /** A matcher, the snapshot it was built from, and the token weights it scores with. */
    public record Loaded(SnapshotInfo snapshot, IndexedRegistry registry, NameMatcher matcher,
            WeightsBasis.Assigned weights) {

        public MatchPolicy policy() {
            return matcher.policy();
        }
    }

    private final SnapshotStore store;
    private final VigilProperties.Matching settings;
    private final WeightsBasis weights;
    private Loaded loaded;

    ActiveMatcher(SnapshotStore store, VigilProperties.Matching settings, WeightsBasis weights) {
        this.store = store;
        this.settings = settings;
        this.weights = weights;
    }

    /** The thresholds configured, validated. */
    public MatchPolicy policy() {
        try {
            return new MatchPolicy(settings.alertThreshold(), settings.reviewThreshold());
        } catch (IllegalArgumentException e) {
            throw new VigilException(ExitCodes.USAGE, "vigil.matching: " + e.getMessage());
        }
    }

    /** The matcher for the active snapshot; exit code 3 when the registry is empty. */
    public synchronized Loaded current() {
        SnapshotInfo active = store.active().orElseThrow(() -> new VigilException(ExitCodes.BAD_INPUT,
                "the registry is empty: run 'vigil import-lists' first"));
        return load(active);
    }

    /** The matcher for one snapshot (a run keeps screening against the snapshot it started with). */
    public synchronized Loaded forSnapshot(long snapshotId) {
        SnapshotInfo snapshot = store.find(snapshotId).orElseThrow(() -> new VigilException(ExitCodes.FAILED,
                "registry snapshot " + snapshotId + " no longer exists"));
        return load(snapshot);
    }

    private Loaded load(SnapshotInfo active) {
        if (loaded != null && loaded.snapshot().id() == active.id()) {
            return loaded;
        }
        MatchPolicy policy = policy();
        long start = System.nanoTime();
        var parties = store.parties(active.id());
        var links = store.links(active.id());
        long read = System.nanoTime();
        Optional<WeightsBasis.Assigned> assigned = weights.find(active.id());
        if (assigned.isEmpty()) {
            assigned = weights.inherited(active, store::find);
        }
        IndexedRegistry registry;
        WeightsBasis.Assigned used;
        if (assigned.isPresent()) {
            registry = NameMatchers.prepare(parties, links, assigned.get().statistics());
            used = weights.assign(assigned.get());
        } else {
            registry = NameMatchers.prepare(parties, links);
            TokenStatistics own = registry.ownStatistics();
            used = weights.assign(new WeightsBasis.Assigned(active.id(), active.id(), own, own.fingerprint()));
        }
        loaded = new Loaded(active, registry, NameMatchers.indexed(registry, policy), used);
        log.info("matching index for snapshot {}: {} parties read in {} ms; {} names, {} dictionary tokens indexed "
                + "in {} ms; token weights of snapshot {}", active.id(), registry.parties().size(),
                (read - start) / 1_000_000, registry.names().size(), registry.dictionarySize(),
                (System.nanoTime() - read) / 1_000_000, used.basisSnapshotId());
        return loaded;
    }

    /**
     * A matcher over only some parties of a snapshot (those a delta night screens unchanged records against), with
     * the snapshot's token weights, so that it scores them exactly as the whole snapshot's matcher does.
     */
    public synchronized Loaded subset(long snapshotId, java.util.Collection<String> partyIds) {
        Loaded whole = forSnapshot(snapshotId);
        java.util.Set<String> wanted = new java.util.HashSet<>(partyIds);
        java.util.List<io.vigil.registry.model.Party> parties = new java.util.ArrayList<>();
        for (io.vigil.registry.model.Party p : whole.registry().parties()) {
            if (wanted.contains(p.id())) {
                parties.add(p);
            }
        }
        IndexedRegistry registry = NameMatchers.prepare(parties, store.links(snapshotId),
                whole.weights().statistics());
        return new Loaded(whole.snapshot(), registry, NameMatchers.indexed(registry, whole.policy()),
                whole.weights());
    }
}
