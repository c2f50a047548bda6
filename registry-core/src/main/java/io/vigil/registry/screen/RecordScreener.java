package io.vigil.registry.screen;

import io.vigil.registry.match.Decision;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.NameMatcher;
import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.InvertedCandidateIndex;
import io.vigil.registry.match.index.NameReach;
import io.vigil.registry.match.normalize.Invisible;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.score.MatchScorer;
import io.vigil.registry.match.score.NameSimilarity;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.match.normalize.NameVariants;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Screens every value of an input record: names against the matcher, free text for listed names inside it,
 * countries against the embargo policy, BICs against the BICs the lists publish. Immutable and thread-safe: build
 * one per registry snapshot and share it between threads.
 *
 * <p>Example: a transaction with {@code beneficiary_name "Choi Cheol-min"}, {@code remittance_info "Payment for
 * goods to CHOE CHOL MIN, Beijing"}, {@code beneficiary_country "KP"} and {@code CdtrAgt.BIC "FTBDKPPYXXX"} →
 * four hits: NAME ofac:43598 (alert), FREE_TEXT ofac:43598 on {@code "CHOE CHOL MIN"} (alert), COUNTRY KP (alert,
 * the embargo reason), BIC of the listed holder of {@code FTBDKPPY} (alert, score 100).
 *
 * <p>Rules:
 * <ul>
 *   <li>NAME: searched whole with its date of birth, country and type (an attribute the matcher cannot parse is
 *       left out rather than failing the record; readers reject such rows first); every alert and review hit,
 *       one per party (the matcher merges linked entries). Also searched, so that the way a name is written cannot
 *       hide it ({@link NameVariants}): the name in display order when it holds bidirectional controls, each party
 *       of a "trading as", "t/a", "d/b/a", "c/o" or "care of" name, and for a long name its first 2 to 8 words
 *       (alerts on a strong name only, as for free text). The best hit per party is kept; a hit found through
 *       such a form says so at the start of its reason ({@code screened as the party "…" of the name: …}).</li>
 *   <li>FREE_TEXT: the text (and, when it holds bidirectional controls, the text in display order) is
 *       split into words; every window of 2 to 5 consecutive words that starts and ends
 *       with a content word (not a remittance stop word, see {@code remittance-stopwords.tsv}, and without a
 *       digit) and holds at least two content words is searched. Only alerts count: review-level windows of
 *       ordinary sentences would flood analysts with noise. A single word never alerts on its own (too generic:
 *       "Kim", "Trading"), and a window whose best list name is a weak alias is dropped. The best window per party
 *       is reported, its words as the screened value. Scripts written without spaces (Chinese, Japanese) are one
 *       word per run of characters and are not split.</li>
 *   <li>COUNTRY: an ISO alpha-2 code or country name of an embargoed jurisdiction → one alert, score 100.</li>
 *   <li>BIC: compared by its first 8 characters (institution, country, location) with the BICs (identifiers of
 *       type {@link IdentifierType#SWIFT_BIC}) of the listed parties, so a BIC11 branch of a listed BIC8 hits →
 *       one alert per party, score 100.</li>
 * </ul>
 * Hits come in the order of the values in the record, then score descending, then party id.
 */
public final class RecordScreener {

    /** How many hits a name search asks the matcher for. */
    public static final int NAME_LIMIT = 10;
    static final int MIN_WINDOW = 2;
    static final int MAX_WINDOW = 5;
    private static final int WINDOW_LIMIT = 5;

    private final NameMatcher matcher;
    /**
     * The matcher for names ({@link #screenName}, {@link #nameFindsNothing}): the same, remembering per distinct name
     * and type what its search computes before the date of birth and country ({@link NameMatcher#remembering}), as
     * files repeat names. Free-text windows have their own memory ({@link #windowHits}).
     */
    private final NameMatcher nameMatcher;
    /** Distinct names whose search {@link #nameMatcher} remembers; past the bound, computed each time. */
    static final int NAME_MEMO_LIMIT = 200_000;
    private final IndexedRegistry registry;
    private final EmbargoPolicy embargo;
    private final Set<String> stopWords;
    /** BIC first 8 characters → ordinals of the parties listing a BIC starting so, ascending. */
    private final Map<String, List<Integer>> bicHolders;

    public RecordScreener(NameMatcher matcher, IndexedRegistry registry, EmbargoPolicy embargo) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.nameMatcher = matcher.remembering(NAME_MEMO_LIMIT);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.embargo = Objects.requireNonNull(embargo, "embargo");
        this.stopWords = loadStopWords();
        this.bicHolders = indexBics(registry);
        this.listDigits = listDigits(registry);
    }

    /** Every hit of the record's values, in value order, then score descending, then party id. */
    public List<ScreeningHit> screen(InputRecord record) {
        return screen(record, false);
    }

    /**
     * The same hits as {@link #screen(InputRecord)}, skipping the values {@link #provablyNoHits} proves have none:
     * cheaper when the screener holds few parties (the parties changed since a snapshot), where most values reach
     * none of their names.
     */
    public List<ScreeningHit> screenPrefiltered(InputRecord record) {
        return screen(record, true);
    }

    private List<ScreeningHit> screen(InputRecord record, boolean prefilter) {
        List<ScreeningHit> out = new ArrayList<>();
        for (ScreenedValue v : record.values()) {
            if (v.value().isBlank() || prefilter && (provablyNoHitsRemembered(v) || nameFindsNothing(v))) {
                continue;
            }
            List<ScreeningHit> hits = switch (v.kind()) {
                case NAME -> screenName(record, v);
                case FREE_TEXT -> screenFreeText(record, v);
                case COUNTRY -> screenCountry(record, v);
                case BIC -> screenBic(record, v);
            };
            if (hits.isEmpty()) {
                continue; // most values
            }
            List<ScreeningHit> sorted = new ArrayList<>(hits);
            sorted.sort(BY_SCORE_THEN_PARTY);
            out.addAll(sorted);
        }
        return List.copyOf(out);
    }

    /** Score descending, then party id: made once, not per value (the client compiler allocates each). */
    private static final Comparator<ScreeningHit> BY_SCORE_THEN_PARTY = Comparator
            .comparingDouble(ScreeningHit::score).reversed().thenComparing(ScreeningHit::partyId);

    // ---- the pre-filter ----

    /** Names whose {@link #provablyNoHits} answer {@link #screenPrefiltered} remembers; past the bound, asked each time. */
    static final int NAME_VERDICT_LIMIT = 300_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> nameVerdicts =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);

    /**
     * {@link #provablyNoHits}, remembered per name: its answer depends on the value's kind and text alone (not on
     * the record, the date of birth, the country or the type), and a book repeats names (a quarter of a generated
     * million are distinct), so a name met again is one lookup instead of folding its words and looking up each
     * word and pair again. Free text is not remembered here: texts rarely repeat within a book.
     */
    boolean provablyNoHitsRemembered(ScreenedValue v) {
        if (v.kind() != ScreenedValue.Kind.NAME) {
            return provablyNoHits(v);
        }
        Boolean known = nameVerdicts.get(v.value());
        if (known != null) {
            return known;
        }
        boolean verdict = provablyNoHits(v);
        if (nameVerdicts.size() < NAME_VERDICT_LIMIT) {
            nameVerdicts.putIfAbsent(v.value(), verdict);
        }
        return verdict;
    }

    /**
     * {@link #nameFindsNothing} answers remembered per name: two bits per type (slot 0 no type, then each {@link
     * PartyType} by ordinal + 1): answered, finds nothing. Keyed by the value itself, whose hash the string keeps, so
     * a name met again costs one look-up and no new key. Past {@link #NAME_VERDICT_LIMIT} names, asked each time.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> nameFinds =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);

    /**
     * True when no form of the name ({@link NameVariants}, as {@link #screenName} searches them) can find a party
     * whatever the record's date of birth and country ({@link NameMatcher#mayFind}): its name hits are then none.
     * That depends on the name's text and type alone, so it is remembered per name and type: a name the pre-filter
     * lets through, met again with another date of birth or country, is one look-up instead of being normalized and
     * searched again. Names only; false for other values.
     */
    boolean nameFindsNothing(ScreenedValue v) {
        if (v.kind() != ScreenedValue.Kind.NAME) {
            return false;
        }
        PartyType type = MatchQuery.of("").withType(v.type()).type();
        int shift = 2 * (type == null ? 0 : type.ordinal() + 1);
        Integer known = nameFinds.get(v.value());
        if (known != null && (known >>> shift & 1) != 0) {
            return (known >>> shift & 2) != 0;
        }
        boolean finds = false;
        for (NameVariants.Variant variant : NameVariants.of(v.value())) {
            String text = variant.kind() == NameVariants.Kind.WHOLE ? variant.text().strip() : variant.text();
            if (nameMatcher.mayFind(new MatchQuery(text, null, null, type))) {
                finds = true;
                break;
            }
        }
        if (known != null || nameFinds.size() < NAME_VERDICT_LIMIT) {
            nameFinds.merge(v.value(), (finds ? 1 : 3) << shift, (a, b) -> a | b);
        }
        return !finds;
    }

    /** Values of more words than this are not pre-filtered (the word pairs to check grow with the square). */
    static final int PREFILTER_MAX_WORDS = 16;
    /** Words and word pairs whose reach is remembered by {@link #provablyNoHits}; past the bound, checked each time. */
    static final int REACH_CACHE_LIMIT = 300_000;

    /**
     * What the pre-filter needs of one word: its token, the list names it reaches (with what the candidate index
     * credits each with; null when the matcher cannot say), whether it reaches any, whether it may be joined with a
     * neighbour, its greatest and least weight in a query name (rarity times the greatest and least share of its
     * role), and whether the normalizer may drop it.
     */
    private record WordInfo(NameToken token, NameReach reach, boolean reaches, double high,
            double least, boolean mayDrop, NamePartRoles.Role role) {

        /**
         * A name's least total counts a word that may be a dropped middle name ({@link NameSimilarity#droppable}: 5+
         * letters and no Korean syllable, or an initial; a particle before such a name) at the dropped-middle factor
         * of its weight; in a nasab chain or a tribal name ({@code chain}: the value holds bin, ibn, albu…) any word
         * may be such a link.
         */
        double totalFactor(boolean chain) {
            return chain || role == NamePartRoles.Role.PARTICLE || token != null && NameSimilarity.droppable(token)
                    ? NameSimilarity.DROPPED_MIDDLE_FACTOR : 1;
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<String, WordInfo> words =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);
    private final java.util.concurrent.ConcurrentHashMap<String, NameReach> pairs =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);
    /** A pair whose reach the matcher cannot list ({@link NameMatcher#nameReach} null) but which reaches. */
    private static final NameReach UNKNOWN_REACH = NameReach.of(new int[0], new float[0], new double[0]);

    /**
     * True only when screening the value certainly gives no hit, decided without normalizing it. False otherwise
     * (the value is then screened as usual). Why it is exact:
     * <ul>
     *   <li>Only names and free text whose words the normalizer reads one by one ({@link NameNormalizer#plainWords})
     *       are considered. Every text the screener searches for such a value (the name, its parties and leading
     *       words, each window of free text) is cut from the value at characters other than letters and digits, so
     *       each of its tokens is the token of one of these words, and two tokens adjacent in it come from two words
     *       in order with only words the normalizer may drop between them ({@link NameNormalizer#mayDrop}).</li>
     *   <li>The candidate index offers a list name only through a query token, or a joined pair of adjacent query
     *       tokens, that reaches it ({@link NameMatcher#reaches}). When no word and no such pair of words reaches a
     *       list name, no search for the value has a candidate, hence a hit.</li>
     *   <li>Otherwise, for a name searched only as written ({@link #wholeNameOnly}) and for every window of free
     *       text, {@link #belowCandidateBound} proves, list name by list name, that the words reaching it are too
     *       light, on the query side and on the list side, to lift it to the index's minimum.</li>
     * </ul>
     * Not considered: a BIC or a country, text outside plain ASCII, a possible whole-name rewrite, more than {@value
     * #PREFILTER_MAX_WORDS} words.
     */
    public boolean provablyNoHits(ScreenedValue v) {
        if (v.kind() != ScreenedValue.Kind.NAME && v.kind() != ScreenedValue.Kind.FREE_TEXT) {
            return false;
        }
        List<String> text = registry.normalizer().plainWords(v.value());
        if (text == null || text.size() > PREFILTER_MAX_WORDS || v.value().indexOf('(') >= 0) {
            // a parenthesised name is also searched with the parentheses cut out ({@link NameVariants}), which makes
            // words adjacent that are not adjacent in the value
            return false;
        }
        int n = text.size();
        WordInfo[] info = new WordInfo[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            info[i] = info(text.get(i));
            any |= info[i].reaches();
        }
        boolean freeText = v.kind() == ScreenedValue.Kind.FREE_TEXT;
        // whether the bound applies: 1 yes, 0 no, -1 not asked yet (only asked once something reaches)
        int bounded = freeText ? 1 : -1;
        if (any) {
            bounded = freeText || wholeNameOnly(v.value()) ? 1 : 0;
            if (bounded == 0) {
                return false;
            }
        }
        // the joined pairs that reach a list name, credited to both their words (the candidate index visits a joined
        // pair with each of its two tokens)
        List<NameReach>[] joined = null;
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                if (info[i].token() != null && info[k].token() != null
                        && ScorableName.joinable(info[i].token(), info[k].token())) {
                    NameReach r = pairReach(text.get(i), info[i], text.get(k), info[k]);
                    if (r != NameReach.NONE) {
                        if (bounded < 0) {
                            bounded = wholeNameOnly(v.value()) ? 1 : 0;
                        }
                        if (bounded == 0) {
                            return false;
                        }
                        if (joined == null) {
                            @SuppressWarnings("unchecked")
                            List<NameReach>[] fresh = new List[n];
                            joined = fresh;
                        }
                        for (int w : new int[] {i, k}) {
                            if (joined[w] == null) {
                                joined[w] = new ArrayList<>(2);
                            }
                            joined[w].add(r);
                        }
                        any = true;
                    }
                }
                if (!info[k].mayDrop()) {
                    break; // a later word is never next to word i: this one stays between them
                }
            }
        }
        return !any || belowCandidateBound(info, joined, freeText ? windowWords(v.value(), text) : null);
    }

    /**
     * For free text, which words may start or end a window ({@link #searchWindows}): when the value holds no
     * hyphen, the screener's words ({@link #words}) are exactly these (plain ASCII without apostrophes: both cut it
     * at every character other than a letter or digit, and lower-case it), so only the content words (no digit, not
     * a stop word) may; with a hyphen, a screener word may be several of these, and every word may.
     */
    private boolean[] windowWords(String value, List<String> text) {
        boolean[] content = new boolean[text.size()];
        boolean exact = value.indexOf('-') < 0;
        for (int i = 0; i < content.length; i++) {
            String w = text.get(i);
            content[i] = !exact || digits(w).isEmpty() && !stopWords.contains(w);
        }
        return content;
    }

    /** Neither reaches a list name nor is joined; its weight counted as nothing; may be dropped, as far as known. */
    private static final WordInfo UNLISTED_DIGITS = new WordInfo(null, NameReach.NONE, false, 0, 0, true,
            NamePartRoles.Role.ORG_GENERIC);

    /**
     * The digits of every list token that has some, in order ({@code 7} for {@code trading7}): a query token with
     * digits is similar to no list token with other digits ({@link
     * io.vigil.registry.match.score.RomanizedTokenSimilarity}), so one whose digits are not here reaches none.
     */
    private final Set<String> listDigits;

    private static Set<String> listDigits(IndexedRegistry registry) {
        Set<String> out = new HashSet<>();
        for (var name : registry.names()) {
            for (int t = 0; t < name.scorable().size(); t++) {
                if (!name.scorable().token(t).digits().isEmpty()) {
                    out.add(name.scorable().token(t).digits());
                }
            }
        }
        return Set.copyOf(out);
    }

    private WordInfo info(String word) {
        String digits = digits(word);
        if (!digits.isEmpty() && !listDigits.contains(digits)) {
            // an invoice or order number: reaches nothing; not remembered, each is met once
            return UNLISTED_DIGITS;
        }
        WordInfo known = words.get(word);
        if (known != null) {
            return known;
        }
        NameNormalizer normalizer = registry.normalizer();
        NameToken token = normalizer.token(word);
        double rarity = registry.tokenWeights().weight(token);
        float share = ROLES.factor(word);
        boolean reaches = matcher.reaches(token);
        NameReach reach = reaches ? matcher.nameReach(token) : NameReach.NONE;
        if (reach != null && reach.isEmpty()) {
            reaches = false; // offers no list name
        }
        WordInfo info = new WordInfo(token, reach, reaches, rarity * share,
                rarity * ROLES.leastFactor(word), normalizer.mayDrop(word),
                ROLES.role(token.text()));
        if (words.size() < REACH_CACHE_LIMIT) {
            words.putIfAbsent(word, info);
        }
        return info;
    }

    /** The digits of a word, in order, as {@link NameToken#digits()} gives them for its token. */
    private static String digits(String word) {
        StringBuilder sb = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '0' && c <= '9') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(c);
            }
        }
        return sb == null ? "" : sb.toString();
    }

    /**
     * The list names the two words' joined token reaches (both joinable): {@link NameReach#NONE} when none, {@link
     * #UNKNOWN_REACH} when it reaches some the matcher cannot list.
     */
    private NameReach pairReach(String left, WordInfo l, String right, WordInfo r) {
        String key = left + ' ' + right; // words hold no spaces
        NameReach known = pairs.get(key);
        if (known != null) {
            return known;
        }
        NameToken token = registry.normalizer().joined(l.token(), r.token());
        NameReach reach = NameReach.NONE;
        if (matcher.reaches(token)) {
            reach = matcher.nameReach(token);
            if (reach == null) {
                reach = UNKNOWN_REACH;
            }
        }
        if (pairs.size() < REACH_CACHE_LIMIT) {
            pairs.putIfAbsent(key, reach);
        }
        return reach;
    }

    /**
     * True when the only text searched for the name is the name itself ({@link NameVariants}): plain ASCII (no
     * display-order variant) of at most {@value NameVariants#LONG_NAME_CHARS} characters and {@value
     * NameVariants#LONG_NAME_WORDS} words (so no leading words), holding none of the characters or words every "t/a",
     * "c/o", "aka"… separator contains (so no parties) nor a branch word (so no name without its branch) or, when it
     * holds one, whose variants are the name alone.
     */
    static boolean wholeNameOnly(String name) {
        if (name.length() > NameVariants.LONG_NAME_CHARS) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String hint : SEPARATOR_HINTS) {
            if (lower.contains(hint)) {
                // "Trading Company", "Also Bank": the variants themselves say (slower; asked only when a word reaches)
                return NameVariants.of(name).size() == 1;
            }
        }
        // the words of the stripped name between runs of \\s (space, tab, line feed, vertical tab, form feed, carriage
        // return), as many as a split at \\s+ gives: strip() leaves none of these at either end
        String stripped = name.strip();
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count <= NameVariants.LONG_NAME_WORDS;
    }

    /** Every alternative of the party separator of {@link NameVariants} contains one of these (lower case). */
    private static final List<String> SEPARATOR_HINTS = List.of("/", "trading", "d.b.a", "dba", "doing", "care",
            "a.k.a", "aka", "also", "formerly", ";", "|", "(", "（", "office", "branch", "filiale", "succursale",
            "sucursal");

    /**
     * True when no list name reached by the words can be a candidate of the name (all words) or, for free text, of
     * any window (a run of at least two consecutive words). The argument, for one search and one list name N:
     * <ul>
     *   <li>The candidate index admits N only when {@code QUERY_SHARE × q + LIST_SHARE × min(1, l) ≥ m}, m the
     *       minimum name score over 100 less 1e-6 ({@link InvertedCandidateIndex#candidates}). There
     *       {@code l = Σ_t list_t / listTotal(N)} over the query tokens t reaching N, each credited with its greatest
     *       similarity times list weight bound over the tokens of N it (or a joined pair it is in) reaches: at most
     *       {@code L = Σ_i shares_i(N)} over the words i reaching N ({@link NameReach}, a word's own token and every
     *       joined pair the word may form, whatever the search cut from the value: only more).</li>
     *   <li>{@code q = Σ_t w_t × s_t / T}, with {@code w_t} the token's weight, {@code s_t ≤ s_i(N)} its best similarity
     *       to N (same as above) and {@code T} the query's least total: the sum over its tokens of {@code d_t × w_t},
     *       {@code d_t} the dropped-middle factor for a token that may be a dropped middle name
     *       ({@link NameSimilarity#droppable}, or any token of a value holding a nasab connector), 1 otherwise, or
     *       more.</li>
     *   <li>So with {@code r = (m' − LIST_SHARE × min(1, L)) / QUERY_SHARE} (m' = m less a margin far above
     *       rounding), N is not admitted when {@code q < r}, that is when {@code Σ_t w_t × (s_t − r × d_t)} is below 0
     *       (T above 0). Each word of the search contributes at most: when it reaches N, {@code w × (s_i(N) − r × d)}
     *       at the greater end of the range of {@code w}, which is [least, high] for a word the normalizer keeps and
     *       weighs ({@code high}: its rarity times its role's greatest share; {@code least}: times the least), and
     *       [0, high] for a word it may drop or that is written twice in the value (a repeat may weigh nothing,
     *       {@link ScorableName}); when it does not reach N, {@code −r × d × least}, or 0 for a word that may be
     *       dropped or is written twice. A negative sum therefore proves N is no candidate; a lower L (a window holds
     *       fewer words) only raises r, which only lowers the sum.</li>
     *   <li>A name searched only as written is one search over all the words; a window of free text is a run of at
     *       least two consecutive words (at least two words of the screener's split, each one or more of these), and
     *       without a hyphen in the text exactly a window of {@link #searchWindows}: 2 to {@value #MAX_WINDOW} words,
     *       starting and ending with a content word, holding two or more ({@link #windowWords}). So the greatest sum
     *       over such runs must be negative.</li>
     * </ul>
     *
     * @param joined per word, the reach of the joined pairs it may form (null: none)
     * @param windows for free text, the words that may start or end a window; null for a name
     */
    private boolean belowCandidateBound(WordInfo[] info, List<NameReach>[] joined, boolean[] windows) {
        int n = info.length;
        boolean[] uncertain = new boolean[n];
        // first with each word's greatest similarity and list share over all the names it reaches, as if they all
        // reached one name: each term is then at least the term of any one name (a word reaching that name with less
        // similarity, or not at all, has a lower term: −r × d × least ≤ least × (s − r × d) when s ≥ 0, and a term
        // below 0 only when the word is certain), and the list share L at least any name's (so r at most any name's,
        // and the terms only fall as r rises). Cheap, and enough for most values.
        float[] maxSim = new float[n];
        double listShare = 0;
        int reached = 0;
        for (int i = 0; i < n; i++) {
            uncertain[i] = info[i].mayDrop() || repeated(info, i);
            NameReach own = info[i].reaches() ? info[i].reach() : NameReach.NONE;
            if (own == null) {
                return false; // the matcher cannot list the names the word reaches
            }
            float sim = own.maxSim();
            double share = own.maxShare();
            reached += own.names().length;
            if (joined != null && joined[i] != null) {
                for (NameReach r : joined[i]) {
                    if (r == UNKNOWN_REACH) {
                        return false;
                    }
                    sim = Math.max(sim, r.maxSim());
                    share = Math.max(share, r.maxShare());
                    reached += r.names().length;
                }
            }
            maxSim[i] = sim;
            listShare += share;
        }
        double needed = Math.max(0, matcher.policy().reviewThreshold() - MatchScorer.MAX_BONUS) / 100.0
                - BOUND_MARGIN;
        double[] terms = new double[n];
        if (below(info, uncertain, maxSim, 0, listShare, needed, windows, terms)) {
            return true;
        }
        // then list name by list name: each name reached, with the similarity and list share of each word for it
        int[] names = new int[reached];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = -1; j < (joined == null || joined[i] == null ? 0 : joined[i].size()); j++) {
                NameReach r = j < 0 ? (info[i].reaches() ? info[i].reach() : NameReach.NONE) : joined[i].get(j);
                System.arraycopy(r.names(), 0, names, count, r.names().length);
                count += r.names().length;
            }
        }
        java.util.Arrays.sort(names, 0, count);
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            if (distinct == 0 || names[distinct - 1] != names[k]) {
                names[distinct++] = names[k];
            }
        }
        float[] sims = new float[distinct * n];
        double[] shares = new double[distinct * n];
        for (int i = 0; i < n; i++) {
            for (int j = -1; j < (joined == null || joined[i] == null ? 0 : joined[i].size()); j++) {
                NameReach r = j < 0 ? (info[i].reaches() ? info[i].reach() : NameReach.NONE) : joined[i].get(j);
                for (int k = 0; k < r.names().length; k++) {
                    int at = java.util.Arrays.binarySearch(names, 0, distinct, r.names()[k]) * n + i;
                    sims[at] = Math.max(sims[at], r.sims()[k]);
                    shares[at] = Math.max(shares[at], r.shares()[k]);
                }
            }
        }
        for (int slot = 0; slot < distinct; slot++) {
            double share = 0;
            for (int i = 0; i < n; i++) {
                share += shares[slot * n + i];
            }
            if (!below(info, uncertain, sims, slot * n, share, needed, windows, terms)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the sum of the words' terms (for free text: of every run of two or more) is below 0 for one list name:
     * the words' similarities to it at {@code sims[from..from+n)}, the sum of their list shares {@code listShare}.
     */
    private static boolean below(WordInfo[] info, boolean[] uncertain, float[] sims, int from, double listShare,
            double needed, boolean[] windows, double[] terms) {
        double r = (needed - NameSimilarity.LIST_SHARE * Math.min(1, listShare)) / NameSimilarity.QUERY_SHARE;
        if (!(r > 0)) {
            return false;
        }
        boolean chain = nasabChain(info);
        // a dropped word is counted in the total at most at the mean weight of the matched core names
        // (NameSimilarity; none: no bound), so at least at the least weight a word that may match as a core name
        // (a distinctive or location word, which keeps at least its least share as one) can have
        double cap = Double.MAX_VALUE;
        for (int i = 0; i < info.length; i++) {
            if (sims[from + i] > 0 && (info[i].role() == NamePartRoles.Role.DISTINCTIVE
                    || info[i].role() == NamePartRoles.Role.LOCATION)) {
                cap = Math.min(cap, info[i].least());
            }
        }
        for (int i = 0; i < info.length; i++) {
            WordInfo w = info[i];
            double least = uncertain[i] ? 0 : w.least();
            float s = sims[from + i];
            double f = w.totalFactor(chain);
            // the word dropped: nothing matched, its weight in the total at least this
            double dropped = f < 1 ? -r * f * Math.min(least, cap) : -r * least;
            if (s > 0) {
                double c = s - r * f;
                terms[i] = Math.max(Math.max(w.high() * c, least * c), dropped);
            } else {
                terms[i] = w.token() == null ? 0 : dropped;
            }
        }
        return windows != null ? greatestWindow(terms, windows) < 0 : sum(terms) < 0;
    }

    /**
     * The value holds a nasab or tribal connector (bin, ibn, albu…): any of its words may be a link the other side
     * drops.
     */
    private static boolean nasabChain(WordInfo[] info) {
        for (WordInfo w : info) {
            if (w.token() != null && (NameSimilarity.NASAB_CONNECTORS.contains(w.token().text())
                    || NameSimilarity.TRIBE_CONNECTORS.contains(w.token().text()))) {
                return true;
            }
        }
        return false;
    }

    /** Another word of the value has the same token (a few words: no set allocated per value). */
    private static boolean repeated(WordInfo[] info, int i) {
        if (info[i].token() == null) {
            return false;
        }
        for (int k = 0; k < info.length; k++) {
            if (k != i && info[k].token() != null && info[k].token().text().equals(info[i].token().text())) {
                return true;
            }
        }
        return false;
    }

    private static double sum(double[] terms) {
        double s = 0;
        for (double t : terms) {
            s += t;
        }
        return s;
    }

    /**
     * The greatest sum of the terms of a window: a run of at least two consecutive terms, when {@code content} has
     * more than one word, a run that starts and ends with a content word, holds at least two and is at most {@value
     * #MAX_WINDOW} words long (negative infinity when there is none). With every word content, the windows of the
     * hyphenated text (a screener word of several of these words makes a window of up to 5 screener words longer
     * than 5 of these), any run of two or more.
     */
    static double greatestWindow(double[] terms, boolean[] content) {
        boolean all = true;
        for (boolean c : content) {
            all &= c;
        }
        if (all) {
            return greatestRun(terms);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int from = 0; from < terms.length; from++) {
            if (!content[from]) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int len = 1; len <= MAX_WINDOW && from + len <= terms.length; len++) {
                int last = from + len - 1;
                sum += terms[last];
                if (content[last]) {
                    count++;
                    if (len >= MIN_WINDOW && count >= 2) {
                        best = Math.max(best, sum);
                    }
                }
            }
        }
        return best;
    }

    /** The greatest sum of a run of at least two consecutive terms (negative infinity for fewer than two terms). */
    static double greatestRun(double[] terms) {
        double best = Double.NEGATIVE_INFINITY;
        double endingHere = Double.NEGATIVE_INFINITY; // the greatest run of 2+ terms ending at the previous term
        for (int i = 1; i < terms.length; i++) {
            // a run of 2+ ending at i: the pair (i-1, i), or a run of 2+ ending at i-1 extended
            endingHere = terms[i] + Math.max(terms[i - 1], endingHere);
            best = Math.max(best, endingHere);
        }
        return best;
    }

    private static final double BOUND_MARGIN = 1e-3;
    private static final NamePartRoles ROLES = NamePartRoles.standard();

    private List<ScreeningHit> screenName(InputRecord record, ScreenedValue v) {
        MatchQuery typed = MatchQuery.of("").withType(v.type());
        MatchQuery base = null; // with the date of birth and country, parsed once a form of the name may find a party
        // the name as written, then its other forms (display order, each party of a "t/a" name, leading words of a
        // long name); the best hit per party is kept, the earlier variant on a tie
        Map<String, ScreeningHit> best = null;
        for (NameVariants.Variant variant : NameVariants.of(v.value())) {
            String text = variant.kind() == NameVariants.Kind.WHOLE ? variant.text().strip() : variant.text();
            if (!nameMatcher.mayFind(new MatchQuery(text, null, null, typed.type()))) {
                continue; // no hit whatever the date of birth and country (a remembered answer for a name met before)
            }
            if (base == null) {
                base = withAttributes(typed, v);
                best = new LinkedHashMap<>();
            }
            MatchQuery q = new MatchQuery(text, base.dateOfBirth(), base.country(), base.type());
            for (MatchHit h : nameMatcher.search(q, NAME_LIMIT)) {
                if (variant.kind() == NameVariants.Kind.LEADING
                        && (h.decision() != Decision.ALERT || h.matchedName().quality() == NameQuality.WEAK)) {
                    // a few leading words of a long string count only as strongly as words inside free text
                    continue;
                }
                if (variant.kind() == NameVariants.Kind.BRANCH && h.party().type() == PartyType.INDIVIDUAL) {
                    // an organization's branch: "John Smith Branch" is not read as the person "John Smith"
                    continue;
                }
                ScreeningHit prev = best.get(h.partyId());
                if (prev == null || h.score() > prev.score()) {
                    ScreeningHit hit = fromMatch(record, v, v.value(), HitKind.NAME, h);
                    if (variant.kind() != NameVariants.Kind.WHOLE) {
                        hit = new ScreeningHit(hit.recordId(), hit.line(), hit.field(), hit.screenedValue(), hit.kind(),
                                hit.match(), hit.partyId(), hit.linkedIds(), hit.matchedName(), hit.score(),
                                hit.decision(), "screened as " + variant.describe() + ": " + hit.reason());
                    }
                    best.put(h.partyId(), hit);
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        List<ScreeningHit> out = new ArrayList<>(best.values());
        out.sort(BY_SCORE_THEN_PARTY);
        return out.size() > NAME_LIMIT ? out.subList(0, NAME_LIMIT) : out;
    }

    /** The query with the value's date of birth and country, each left out when it cannot be parsed. */
    private static MatchQuery withAttributes(MatchQuery base, ScreenedValue v) {
        try {
            base = base.withDateOfBirth(v.dateOfBirth());
        } catch (IllegalArgumentException e) {
            // readers reject such rows; screened without the date rather than not at all
        }
        try {
            base = base.withCountry(v.country());
        } catch (IllegalArgumentException e) {
            // unknown country: screened without it
        }
        return base;
    }

    private ScreeningHit fromMatch(InputRecord record, ScreenedValue v, String screened, HitKind kind, MatchHit h) {
        return new ScreeningHit(record.recordId(), record.line(), v.field(), screened, kind, h, h.partyId(),
                h.linkedIds(), h.matchedName().fullName(), h.score(), h.decision().label(),
                h.explanation().summary());
    }

    // ---- free text ----

    /** A word of a text: [start, end) in the text, and whether it is a content word. */
    record Word(int start, int end, boolean content) {
    }

    /** The best hit of one party in a free text, and the words that produced it. */
    private record Window(MatchHit hit, String text) {
    }

    List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < n) {
                int c = text.codePointAt(i);
                if (isWordChar(c)) {
                    digit |= Character.isDigit(c);
                    i += Character.charCount(c);
                } else if ((c == '-' || c == '\'' || c == '\u2019') && i + 1 < n
                        && isWordChar(text.codePointAt(i + 1))) {
                    i += 1; // a hyphen or apostrophe inside a word: Cheol-min, CH'OE
                } else {
                    break;
                }
            }
            String w = text.substring(start, i).toLowerCase(Locale.ROOT);
            out.add(new Word(start, i, !digit && !stopWords.contains(w)));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private List<ScreeningHit> screenFreeText(InputRecord record, ScreenedValue v) {
        // best window per party (ties: the earlier, then the shorter window, the first one searched)
        Map<String, Window> best = new LinkedHashMap<>();
        searchWindows(v.value(), best);
        if (Invisible.hasBidiControls(v.value())) {
            // also the text as it is displayed: a right-to-left override shows reversed text the right way round
            searchWindows(NameVariants.visual(v.value()), best);
        }
        List<ScreeningHit> out = new ArrayList<>();
        for (Window b : best.values()) {
            out.add(fromMatch(record, v, b.text(), HitKind.FREE_TEXT, b.hit()));
        }
        return out;
    }

    private void searchWindows(String value, Map<String, Window> best) {
        String text = Invisible.strip(value);
        List<Word> words = words(text);
        for (int from = 0; from < words.size(); from++) {
            if (!words.get(from).content()) {
                continue;
            }
            int content = 0;
            for (int len = 1; len <= MAX_WINDOW && from + len <= words.size(); len++) {
                Word last = words.get(from + len - 1);
                if (!last.content()) {
                    continue;
                }
                content++;
                if (len < MIN_WINDOW || content < 2) {
                    continue;
                }
                String window = text.substring(words.get(from).start(), last.end());
                for (MatchHit h : windowHits(window)) {
                    if (h.decision() != Decision.ALERT || h.matchedName().quality() == NameQuality.WEAK) {
                        continue;
                    }
                    Window prev = best.get(h.partyId());
                    if (prev == null || h.score() > prev.hit().score()) {
                        best.put(h.partyId(), new Window(h, window));
                    }
                }
            }
        }
    }

    /**
     * The matcher's hits for one window of free text. Remittance texts repeat the same windows ("freight charges",
     * "spare parts") around different numbers, and a window's hits depend on its words alone: each distinct window
     * is searched once. Bounded; past the bound windows are searched every time.
     */
    private List<MatchHit> windowHits(String window) {
        List<MatchHit> known = windows.get(window);
        if (known != null) {
            return known;
        }
        List<MatchHit> found = matcher.search(MatchQuery.of(window), WINDOW_LIMIT);
        if (windows.size() < WINDOW_CACHE_LIMIT) {
            windows.putIfAbsent(window, found);
        }
        return found;
    }

    static final int WINDOW_CACHE_LIMIT = 200_000;
    private final java.util.concurrent.ConcurrentHashMap<String, List<MatchHit>> windows =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> loadStopWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = RecordScreener.class.getResourceAsStream("remittance-stopwords.tsv")) {
            if (in == null) {
                throw new IllegalStateException("remittance-stopwords.tsv missing beside RecordScreener");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                int tab = line.indexOf('\t');
                words.add((tab < 0 ? line : line.substring(0, tab)).strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    // ---- country ----

    private List<ScreeningHit> screenCountry(InputRecord record, ScreenedValue v) {
        Optional<String> iso2 = EmbargoPolicy.iso2(v.value());
        Optional<String> reason = embargo.reasonFor(v.value());
        if (reason.isEmpty()) {
            return List.of();
        }
        return List.of(new ScreeningHit(record.recordId(), record.line(), v.field(), v.value(), HitKind.COUNTRY,
                null, "", List.of(), Countries.displayName(iso2.orElseThrow()), 100, Decision.ALERT.label(),
                reason.get()));
    }

    // ---- BIC ----

    private static Map<String, List<Integer>> indexBics(IndexedRegistry registry) {
        Map<String, List<Integer>> m = new TreeMap<>();
        // from the BICs the index keeps beside the parties: a loaded index need not decode every party
        for (int p = 0; p < registry.parties().size(); p++) {
            for (String bic : registry.swiftBics(p)) {
                String key = bic8(bic);
                if (key != null) {
                    List<Integer> holders = m.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!holders.contains(p)) {
                        holders.add(p);
                    }
                }
            }
        }
        Map<String, List<Integer>> frozen = new HashMap<>();
        m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /** The first 8 characters of a BIC8 or BIC11 (letters and digits only, upper case), or null. */
    static String bic8(String normalized) {
        if (normalized.length() != 8 && normalized.length() != 11) {
            return null;
        }
        return normalized.substring(0, 8);
    }

    private List<ScreeningHit> screenBic(InputRecord record, ScreenedValue v) {
        String normalized = new Identifier(IdentifierType.SWIFT_BIC, null, v.value(), null, null, null)
                .normalizedValue();
        String key = bic8(normalized);
        List<Integer> holders = key == null ? null : bicHolders.get(key);
        if (holders == null) {
            return List.of();
        }
        // linked entries are one party: report one entry per group, an official list entry before a notice
        Map<String, Integer> reportedByGroup = new TreeMap<>();
        for (int p : holders) {
            String group = groupKey(p);
            Integer current = reportedByGroup.get(group);
            if (current == null || better(p, current)) {
                reportedByGroup.put(group, p);
            }
        }
        List<ScreeningHit> out = new ArrayList<>();
        for (int p : reportedByGroup.values()) {
            Party party = registry.party(p);
            String listed = party.identifiers().stream().filter(i -> i.type() == IdentifierType.SWIFT_BIC
                    && key.equals(bic8(i.normalizedValue()))).map(Identifier::value).findFirst().orElse(key);
            List<Party> linked = new ArrayList<>();
            for (String id : registry.linkedIds(p)) {
                int o = registry.ordinal(id);
                if (o >= 0) {
                    linked.add(registry.party(o));
                }
            }
            linked.sort(Comparator.comparing(Party::id));
            var name = party.names().get(0);
            String reason = "BIC " + v.value().strip() + " matches listed BIC " + listed + " of " + name.fullName()
                    + " (first 8 characters compared)";
            Explanation explanation = new Explanation(name.fullName(), name.kind(), name.quality(), normalized,
                    listed, List.of(), 100, List.of(), 100);
            MatchHit match = new MatchHit(party, linked, party.id(), name, 100, Decision.ALERT, explanation);
            out.add(new ScreeningHit(record.recordId(), record.line(), v.field(), v.value(), HitKind.BIC, match,
                    party.id(), match.linkedIds(), name.fullName(), 100, Decision.ALERT.label(), reason));
        }
        return out;
    }

    private String groupKey(int ordinal) {
        String id = registry.party(ordinal).id();
        for (String linked : registry.linkedIds(ordinal)) {
            if (linked.compareTo(id) < 0) {
                id = linked;
            }
        }
        return id;
    }

    private boolean better(int candidate, int current) {
        boolean candNotice = registry.party(candidate).source().equals("notice");
        boolean curNotice = registry.party(current).source().equals("notice");
        if (candNotice != curNotice) {
            return !candNotice;
        }
        return registry.party(candidate).id().compareTo(registry.party(current).id()) < 0;
    }
}
