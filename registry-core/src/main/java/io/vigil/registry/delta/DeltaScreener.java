package io.vigil.registry.delta;

import io.vigil.registry.match.normalize.NameVariants;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RecordScreener;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Screens a book's records on a delta night so that every record gets exactly the hits a full screen against the
 * current snapshot would give it, while most records are screened only against the parties that changed.
 *
 * <p>Why this is exact. A record whose screened values are unchanged scores the same against a party whose content
 * (with its linked entries) is unchanged, because the token weights are pinned to the same basis (part of the
 * method, which a delta requires unchanged). A record that had no hit last time therefore has none against the
 * unchanged parties now, and its full hits are its hits against the changed parties ({@link PartyChanges}). Every
 * other record is screened in full:
 * <ul>
 *   <li>{@link Route#NEW}, {@link Route#CHANGED}: not in the base screening, or screened values differ;</li>
 *   <li>{@link Route#HAD_HITS}: it had hits last time (about 2% of a book), so that its hits on unchanged parties are
 *       scored again rather than copied;</li>
 *   <li>{@link Route#NOT_A_NAME}, {@link Route#LONG_NAME}: a value other than a name (free text, a BIC, a country),
 *       or a name long enough to be searched by its leading words: their hits keep only the best windows or alerts,
 *       so the best among the changed parties is not necessarily the best among all.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class DeltaScreener {

    /** Why a record was screened as it was. */
    public enum Route {
        NEW("new record", true),
        CHANGED("changed record", true),
        HAD_HITS("had hits", true),
        NOT_A_NAME("not a plain name", true),
        LONG_NAME("long name", true),
        UNCHANGED("unchanged", false);

        private final String label;
        private final boolean full;

        Route(String label, boolean full) {
            this.label = label;
            this.full = full;
        }

        public String label() {
            return label;
        }

        /** Screened against the whole snapshot. */
        public boolean full() {
            return full;
        }
    }

    /** A record's hits and how it was screened. */
    public record Result(List<ScreeningHit> hits, Route route) {
    }

    private final RecordScreener full;
    private final RecordScreener changedOnly;
    private final BookState base;
    /** Id fingerprints of the base records with hits, sorted: a binary search instead of boxing each id. */
    private final long[] baseRecordsWithHits;

    /**
     * @param full the screener over the whole current snapshot
     * @param changedOnly the screener over the changed parties only, with the same pinned weights; null when no
     *     party changed
     * @param base the book as the base screening saw it, its fingerprints of the current scheme (those this night's
     *     records are fingerprinted with)
     * @param baseRecordsWithHits id fingerprints of the records that had hits in the base screening
     * @throws IllegalArgumentException when the base's fingerprints are of another scheme: no record would be found
     *     in it (the night must screen in full)
     */
    public DeltaScreener(RecordScreener full, RecordScreener changedOnly, BookState base,
            Set<Long> baseRecordsWithHits) {
        this.full = Objects.requireNonNull(full, "full");
        this.changedOnly = changedOnly;
        this.base = Objects.requireNonNull(base, "base");
        if (!base.comparableWith(RecordFingerprints.SCHEME)) {
            throw new IllegalArgumentException("the base screening's record fingerprints are of scheme "
                    + base.scheme() + ", not of the current scheme " + RecordFingerprints.SCHEME);
        }
        this.baseRecordsWithHits = baseRecordsWithHits.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    public Result screen(InputRecord record, long idFingerprint, long recordFingerprint) {
        Route route = route(record, idFingerprint, recordFingerprint);
        if (route.full()) {
            return new Result(full.screen(record), route);
        }
        // most unchanged names reach none of the few changed parties: proved without normalizing them
        return new Result(changedOnly == null ? List.of() : changedOnly.screenPrefiltered(record), route);
    }

    Route route(InputRecord record, long idFingerprint, long recordFingerprint) {
        int seen = base.compare(idFingerprint, recordFingerprint);
        if (seen == BookState.ABSENT) {
            return Route.NEW;
        }
        if (seen == BookState.CHANGED) {
            return Route.CHANGED;
        }
        if (java.util.Arrays.binarySearch(baseRecordsWithHits, idFingerprint) >= 0) {
            return Route.HAD_HITS;
        }
        for (ScreenedValue v : record.values()) {
            if (v.kind() != ScreenedValue.Kind.NAME) {
                return Route.NOT_A_NAME;
            }
            if (mayBeLong(v.value()) && NameVariants.of(v.value()).stream()
                    .anyMatch(variant -> variant.kind() == NameVariants.Kind.LEADING)) {
                return Route.LONG_NAME;
            }
        }
        return Route.UNCHANGED;
    }

    /**
     * False when the name certainly gets no leading-words variant: no longer than {@link
     * NameVariants#LONG_NAME_CHARS} characters and no more than {@link NameVariants#LONG_NAME_WORDS} words (removing
     * invisible characters, as {@link NameVariants} does first, can only make it shorter).
     */
    static boolean mayBeLong(String name) {
        if (name.length() > NameVariants.LONG_NAME_CHARS) {
            return true;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < name.length(); i++) {
            boolean space = Character.isWhitespace(name.charAt(i)) || Character.isSpaceChar(name.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words > NameVariants.LONG_NAME_WORDS;
    }
}
