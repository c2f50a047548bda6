package io.vigil.batch.matching;

import io.vigil.registry.match.index.IndexFile;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameNormalizers;
import io.vigil.registry.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching index file read while the process starts. A command that matches names (search, screening, lookback)
 * starts reading the newest file of {@code <data>/index} on a thread of its own before the application context is
 * up, since which snapshot is active, and so which file it needs, is only known from the database later. When
 * {@link ActiveMatcher} then needs the index, it takes what was read only if it is that file and its key (snapshot
 * content, matching method, token weights) is the one it expects; otherwise it reads or builds the index as it would
 * without this. Nothing is logged from the reading thread (logging is configured with the context); the outcome is
 * logged when the index is taken.
 */
public final class IndexReadAhead {

    private static final Logger log = LoggerFactory.getLogger(IndexReadAhead.class);

    private final Path file;
    /** What was read; emptied when taken, so that an index not used is not kept. */
    private final AtomicReference<CompletableFuture<Outcome>> reading;

    private record Outcome(Optional<IndexFile.ReadAhead> read, String failure) {
    }

    private IndexReadAhead(Path file, CompletableFuture<Outcome> reading) {
        this.file = file;
        this.reading = new AtomicReference<>(reading);
    }

    /** Starts reading the newest index file in {@code indexDir}; empty when there is none. */
    public static Optional<IndexReadAhead> start(Path indexDir) {
        Path newest = null;
        FileTime newestTime = null;
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir, "*.idx")) {
            for (Path f : files) {
                FileTime t = Files.getLastModifiedTime(f);
                if (newestTime == null || t.compareTo(newestTime) > 0) {
                    newest = f;
                    newestTime = t;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (newest == null) {
            return Optional.empty();
        }
        Path file = newest.toAbsolutePath();
        // the normalizer (ICU transliterators) is made on a pooled thread while this one reads and decodes the file
        CompletableFuture<NameNormalizer> normalizer = CompletableFuture.supplyAsync(NameNormalizers::standard);
        CompletableFuture<Outcome> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reading.complete(new Outcome(IndexFile.readAhead(file, SnapshotStore::partyFromJson,
                        normalizer::join), null));
            } catch (IOException | IndexFile.Rejected | RuntimeException e) {
                reading.complete(new Outcome(Optional.empty(), e.toString()));
            }
        }, "index-read-ahead");
        reader.setDaemon(true);
        reader.start();
        return Optional.of(new IndexReadAhead(file, reading));
    }

    /**
     * The index read ahead if it is {@code wanted}'s and was built for {@code key}; waits for the reading to end.
     * Either way the read-ahead is given up: a second call returns empty.
     */
    Optional<IndexedRegistry> take(Path wanted, IndexFile.Key key) {
        CompletableFuture<Outcome> r = reading.getAndSet(null);
        if (r == null) {
            return Optional.empty();
        }
        if (!wanted.toAbsolutePath().equals(file)) {
            r.cancel(false);
            log.debug("index read ahead from {} not used: {} is needed", file, wanted);
            return Optional.empty();
        }
        Outcome outcome = r.join();
        if (outcome.failure() != null) {
            log.debug("index read ahead from {} failed ({}); reading it again", file, outcome.failure());
            return Optional.empty();
        }
        if (outcome.read().isEmpty()) {
            log.debug("index {} not read ahead: its token weights are pinned to another snapshot's", file);
            return Optional.empty();
        }
        if (!outcome.read().get().key().equals(key)) {
            log.debug("index read ahead from {} not used: built for another key", file);
            return Optional.empty();
        }
        return Optional.of(outcome.read().get().registry());
    }

    /** Gives the read-ahead up (the index is not read from a file in this process). */
    void discard() {
        CompletableFuture<Outcome> r = reading.getAndSet(null);
        if (r != null) {
            r.cancel(false);
        }
    }
}
