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
import io.vigil.registry.match.index.IndexFile;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameNormalizers;
import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher over the ACTIVE registry snapshot, built on first use and rebuilt when another snapshot becomes
 * active. The thresholds come from {@code vigil.matching.*}. The index is kept in {@code <data>/index/<snapshot id>-
 * <content hash>.idx} ({@link IndexFile}) and loaded from there when its key (snapshot content, matching method, token
 * weights) matches; otherwise it is built, and the file written for the next process.
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
    /** Where the matching index files are kept ({@code <data>/index}), or null when they are not used. */
    private final Path indexDir;
    /** The index file read while the process started, or null. */
    private final IndexReadAhead readAhead;
    private Loaded loaded;

    ActiveMatcher(SnapshotStore store, VigilProperties.Matching settings, WeightsBasis weights, Path indexDir,
            IndexReadAhead readAhead) {
        this.store = store;
        this.settings = settings;
        this.weights = weights;
        this.indexDir = indexDir;
        this.readAhead = readAhead;
        if (indexDir == null && readAhead != null) {
            readAhead.discard();
        }
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
        Path file = null;
        String contentHash = null;
        if (indexDir != null) {
            // the query normalizer (ICU transliterators) is made on the other core while the file is read
            contentHash = store.contentHash(active.id());
            file = indexDir.resolve(active.id() + "-" + contentHash.substring(0, 16) + ".idx");
            Optional<WeightsBasis.Pin> pin = weights.pin(active.id());
            if (pin.isPresent()) {
                TokenStatistics[] pinned = new TokenStatistics[1];
                IndexFile.Key key = new IndexFile.Key(contentHash, IndexFile.methodFingerprint(),
                        pin.get().fingerprint());
                IndexedRegistry stored = readAhead == null ? null : readAhead.take(file, key).orElse(null);
                String how = stored != null ? "read while starting" : "read";
                if (stored == null) {
                    stored = readIndex(file, key, () -> pinned[0] = weights.find(active.id())
                            .map(WeightsBasis.Assigned::statistics).orElse(null));
                }
                if (stored != null) {
                    WeightsBasis.Assigned used = new WeightsBasis.Assigned(active.id(), pin.get().basisSnapshotId(),
                            pinned[0] != null ? pinned[0] : stored.ownStatistics(), pin.get().fingerprint());
                    loaded = new Loaded(active, stored, NameMatchers.indexed(stored, policy), used);
                    log.info("matching index for snapshot {}: {} parties, {} names, {} dictionary tokens loaded from "
                            + "{} in {} ms ({}); token weights of snapshot {}", active.id(), stored.parties().size(),
                            stored.names().size(), stored.dictionarySize(), file, (System.nanoTime() - start) / 1_000_000,
                            how, used.basisSnapshotId());
                    return loaded;
                }
            }
        }
        if (readAhead != null) {
            readAhead.discard(); // not used: release what was read (a stale or unpinned file's index)
        }
        Optional<WeightsBasis.Assigned> assigned = weights.find(active.id());
        if (assigned.isEmpty()) {
            assigned = weights.inherited(active, store::find);
        }
        var parties = store.parties(active.id());
        var links = store.links(active.id());
        long read = System.nanoTime();
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
        long built = System.nanoTime();
        log.info("matching index for snapshot {}: {} parties read in {} ms; {} names, {} dictionary tokens indexed "
                + "in {} ms; token weights of snapshot {}", active.id(), registry.parties().size(),
                (read - start) / 1_000_000, registry.names().size(), registry.dictionarySize(),
                (built - read) / 1_000_000, used.basisSnapshotId());
        if (file != null) {
            writeIndex(file, registry, new IndexFile.Key(contentHash, IndexFile.methodFingerprint(),
                    used.fingerprint()));
        }
        return loaded;
    }

    /** The stored index, or null (logged) when it is missing, stale or damaged. */
    private IndexedRegistry readIndex(Path file, IndexFile.Key key,
            java.util.function.Supplier<TokenStatistics> weights) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            // the query normalizer (ICU transliterators) is made on the other core while the file is read
            CompletableFuture<NameNormalizer> normalizer = CompletableFuture.supplyAsync(NameNormalizers::standard);
            return IndexFile.read(file, key, SnapshotStore::partyFromJson, normalizer::join, weights);
        } catch (NoSuchFileException e) {
            log.info("matching index file {} does not exist yet; building the index", file);
        } catch (IndexFile.Rejected e) {
            log.warn("matching index file {} not used ({}); building the index again", file, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("matching index file {} cannot be read ({}); building the index again", file, e.toString());
        }
        return null;
    }

    /** Writes the index for the next process; a failure only costs that process the build. */
    private void writeIndex(Path file, IndexedRegistry registry, IndexFile.Key key) {
        long start = System.nanoTime();
        Path dir = file.getParent();
        if (!(Files.isDirectory(dir) ? Files.isWritable(dir) : Files.isWritable(dir.getParent()))) {
            log.info("matching index file {} not written: {} is read-only", file, dir);
            return;
        }
        try {
            IndexFile.write(file, registry, key, SnapshotStore::partyJson);
            log.info("matching index written to {} ({} bytes) in {} ms", file, Files.size(file),
                    (System.nanoTime() - start) / 1_000_000);
            // the files of other snapshots (older imports, or another database's snapshot of this number) are of no
            // more use, except the active snapshot's when this is an older one a run still screens against
            String keep = store.active().map(a -> a.id() + "-").orElse("");
            try (var others = Files.newDirectoryStream(file.getParent(), "*.idx")) {
                for (Path other : others) {
                    String name = other.getFileName().toString();
                    if (!name.equals(file.getFileName().toString()) && (keep.isEmpty() || !name.startsWith(keep))) {
                        Files.deleteIfExists(other);
                    }
                }
            }
            // temporary files left by a process killed while writing (an hour is far longer than any write)
            long hourAgo = System.currentTimeMillis() - 3_600_000;
            try (var left = Files.newDirectoryStream(file.getParent(), "*.idx.*.tmp")) {
                for (Path tmp : left) {
                    if (Files.getLastModifiedTime(tmp).toMillis() < hourAgo) {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("matching index file {} could not be written ({}); the next process builds the index again",
                    file, e.toString());
        }
    }

    /**
     * Makes sure the active snapshot's index file exists (after an import), building and writing it if needed.
     * Returns false, with a warning logged, when it could not be prepared; matching then builds it on first use.
     */
    public synchronized boolean prepareActive() {
        try {
            current();
            return true;
        } catch (RuntimeException e) {
            log.warn("matching index of the active snapshot not prepared: {}", e.toString());
            return false;
        }
    }

    /**
     * A matcher over only some parties of a snapshot (those a delta night screens unchanged records against), with
     * the snapshot's token weights, so that it scores them exactly as the whole snapshot's matcher does.
     */
    public synchronized Loaded subset(long snapshotId, java.util.Collection<String> partyIds) {
        Loaded whole = forSnapshot(snapshotId);
        java.util.Set<String> wanted = new java.util.HashSet<>(partyIds);
        java.util.List<io.vigil.registry.model.Party> parties = new java.util.ArrayList<>();
        IndexedRegistry all = whole.registry();
        for (int i = 0; i < all.parties().size(); i++) {
            // by id first: a loaded index decodes only the parties asked for
            if (wanted.contains(all.partyId(i))) {
                parties.add(all.party(i));
            }
        }
        IndexedRegistry registry = NameMatchers.prepare(parties, store.links(snapshotId),
                whole.weights().statistics());
        return new Loaded(whole.snapshot(), registry, NameMatchers.indexed(registry, whole.policy()),
                whole.weights());
    }
}
