package io.vigil.registry.screen;

import io.vigil.registry.match.Decision;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.NameMatcher;
import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.match.index.IndexedRegistry;
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
    private final IndexedRegistry registry;
    private final EmbargoPolicy embargo;
    private final Set<String> stopWords;
    /** BIC first 8 characters → ordinals of the parties listing a BIC starting so, ascending. */
    private final Map<String, List<Integer>> bicHolders;

    public RecordScreener(NameMatcher matcher, IndexedRegistry registry, EmbargoPolicy embargo) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
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
            if (v.value().isBlank() || prefilter && provablyNoHits(v)) {
                continue;
            }
            List<ScreeningHit> hits = switch (v.kind()) {
                case NAME -> screenName(record, v);
                case FREE_TEXT -> screenFreeText(record, v);
                case COUNTRY -> screenCountry(record, v);
                case BIC -> screenBic(record, v);
            };
            List<ScreeningHit> sorted = new ArrayList<>(hits);
            sorted.sort(Comparator.comparingDouble(ScreeningHit::score).reversed()
                    .thenComparing(ScreeningHit::partyId));
            out.addAll(sorted);
        }
        return List.copyOf(out);
    }

    // ---- the pre-filter ----

    /** Values of more words than this are not pre-filtered (the word pairs to check grow with the square). */
    static final int PREFILTER_MAX_WORDS = 16;
    /** Words and word pairs whose reach is remembered by {@link #provablyNoHits}; past the bound, checked each time. */
    static final int REACH_CACHE_LIMIT = 300_000;

    /**
     * What the pre-filter needs of one word: its token, whether the token reaches a list name, whether it may be
     * joined with a neighbour, its least and greatest weight in a query name, and whether the normalizer may drop it.
     */
    private record WordInfo(NameToken token, boolean reaches, boolean joinable, double high, double low,
            boolean mayDrop) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, WordInfo> words =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> pairs =
            new java.util.concurrent.ConcurrentHashMap<>(1 << 16);

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
     *   <li>Otherwise, for a name searched only as written ({@link #wholeNameOnly}), {@link #belowCandidateBound}
     *       proves that the reaching words are too light to lift any list name to the index's minimum.</li>
     * </ul>
     * Not considered: a BIC or a country, text outside plain ASCII, a possible whole-name rewrite, more than {@value
     * #PREFILTER_MAX_WORDS} words.
     */
    public boolean provablyNoHits(ScreenedValue v) {
        if (v.kind() != ScreenedValue.Kind.NAME && v.kind() != ScreenedValue.Kind.FREE_TEXT) {
            return false;
        }
        List<String> text = registry.normalizer().plainWords(v.value());
        if (text == null || text.size() > PREFILTER_MAX_WORDS) {
            return false;
        }
        int n = text.size();
        WordInfo[] info = new WordInfo[n];
        boolean[] reaching = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            info[i] = info(text.get(i));
            reaching[i] = info[i].reaches();
            any |= reaching[i];
        }
        boolean bounded = v.kind() == ScreenedValue.Kind.NAME && wholeNameOnly(v.value());
        if (any && !(bounded && belowCandidateBound(info, reaching))) {
            return false; // joined pairs could only add reaching words
        }
        for (int i = 0; i < n; i++) {
            if (!info[i].joinable()) {
                continue;
            }
            for (int k = i + 1; k < n; k++) {
                if (info[k].joinable() && pairReaches(text.get(i), info[i], text.get(k), info[k])) {
                    // a joined pair counts for both its tokens in the candidate bound
                    reaching[i] = true;
                    reaching[k] = true;
                    any = true;
                }
                if (!info[k].mayDrop()) {
                    break; // a later word is never next to word i: this one stays between them
                }
            }
        }
        return !any || bounded && belowCandidateBound(info, reaching);
    }

    /** Neither reaches a list name nor is joined; its weight counted as nothing; may be dropped, as far as known. */
    private static final WordInfo UNLISTED_DIGITS = new WordInfo(null, false, false, 0, 0, true);

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
        // the least a word not matched can weigh: a middle name's or a location's share, and a middle name the other
        // side lacks counts at the dropped-middle factor of that (NameSimilarity)
        double least = ROLES.leastFactor(word) * (NameSimilarity.droppable(token)
                ? NameSimilarity.DROPPED_MIDDLE_FACTOR : 1);
        WordInfo info = new WordInfo(token, matcher.reaches(token), ScorableName.joinable(token), rarity * share,
                rarity * least, normalizer.mayDrop(word));
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

    /** Whether the two words' joined token reaches a list name (both joinable). */
    private boolean pairReaches(String left, WordInfo l, String right, WordInfo r) {
        String key = left + ' ' + right; // words hold no spaces
        Boolean known = pairs.get(key);
        if (known != null) {
            return known;
        }
        boolean reaches = matcher.reaches(registry.normalizer().joined(l.token(), r.token()));
        if (pairs.size() < REACH_CACHE_LIMIT) {
            pairs.putIfAbsent(key, reaches);
        }
        return reaches;
    }

    /**
     * True when the only text searched for the name is the name itself ({@link NameVariants}): plain ASCII (no
     * display-order variant) holding none of the characters or words every "t/a", "c/o", "aka"… separator contains
     * (so no parties), of at most {@value NameVariants#LONG_NAME_CHARS} characters and {@value
     * NameVariants#LONG_NAME_WORDS} words (so no leading words).
     */
    static boolean wholeNameOnly(String name) {
        if (name.length() > NameVariants.LONG_NAME_CHARS) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String hint : SEPARATOR_HINTS) {
            if (lower.contains(hint)) {
                return false;
            }
        }
        String stripped = name.strip();
        return stripped.isEmpty() || WHITESPACE.split(stripped).length <= NameVariants.LONG_NAME_WORDS;
    }

    /** Every alternative of the party separator of {@link NameVariants} contains one of these (lower case). */
    private static final List<String> SEPARATOR_HINTS = List.of("/", "trading", "d.b.a", "dba", "doing", "care",
            "a.k.a", "aka", "also", "formerly", ";", "|", "(", "（");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /**
     * The candidate index admits a list name only when {@code QUERY_SHARE × q + LIST_SHARE × l} reaches the minimum
     * name score, where {@code q} is the share of the query's token weight held by tokens that reach the name
     * (similarity at most 1) and {@code l} at most 1. A token's weight is its rarity times its role's share: the
     * share of its word ({@link NamePartRoles#factor(String)}) at most, {@link NamePartRoles#leastFactor(String)}
     * (a middle name, a location) at least, and a middle name the other side lacks
     * ({@link NameSimilarity#droppable}) counts at
     * {@link NameSimilarity#DROPPED_MIDDLE_FACTOR} of that; a word written twice may weigh nothing the second time.
     * So {@code q} is at most {@code A / (A + B)}, with {@code A} the reaching words' greatest weights, and {@code B}
     * the other distinct words' least weights, counting only words the normalizer certainly keeps
     * ({@link NameNormalizer#mayDrop}). True when even that bound stays below the
     * minimum (with a margin far above rounding): the name gets no candidate.
     */
    /** An earlier word not reaching the name has the same token (a few words: no set allocated per value). */
    private static boolean writtenBefore(WordInfo[] info, boolean[] reaching, int i) {
        for (int k = 0; k < i; k++) {
            if (!reaching[k] && info[k].token().text().equals(info[i].token().text())) {
                return true;
            }
        }
        return false;
    }

    private boolean belowCandidateBound(WordInfo[] info, boolean[] reaching) {
        // in a nasab chain (bin, ibn…) any word may be a link the other side drops (NameSimilarity.droppable)
        boolean chain = false;
        for (WordInfo w : info) {
            chain |= NameSimilarity.NASAB_CONNECTORS.contains(w.token().text());
        }
        double a = 0;
        double b = 0;
        for (int i = 0; i < info.length; i++) {
            if (reaching[i]) {
                a += info[i].high();
            } else if (!info[i].mayDrop() && !writtenBefore(info, reaching, i)) {
                // a word written twice may weigh nothing the second time (ScorableName)
                b += info[i].low() * (chain && !NameSimilarity.droppable(info[i].token())
                        ? NameSimilarity.DROPPED_MIDDLE_FACTOR : 1);
            }
        }
        if (b <= 0) {
            return false;
        }
        double needed = Math.max(0, matcher.policy().reviewThreshold() - MatchScorer.MAX_BONUS) / 100.0;
        return NameSimilarity.QUERY_SHARE * a / (a + b) + NameSimilarity.LIST_SHARE < needed - BOUND_MARGIN;
    }

    private static final double BOUND_MARGIN = 1e-3;
    private static final NamePartRoles ROLES = NamePartRoles.standard();

    private List<ScreeningHit> screenName(InputRecord record, ScreenedValue v) {
        MatchQuery base = MatchQuery.of("").withType(v.type());
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
        // the name as written, then its other forms (display order, each party of a "t/a" name, leading words of a
        // long name); the best hit per party is kept, the earlier variant on a tie
        Map<String, ScreeningHit> best = new LinkedHashMap<>();
        for (NameVariants.Variant variant : NameVariants.of(v.value())) {
            MatchQuery q = new MatchQuery(variant.kind() == NameVariants.Kind.WHOLE ? variant.text().strip()
                    : variant.text(), base.dateOfBirth(), base.country(), base.type());
            for (MatchHit h : matcher.search(q, NAME_LIMIT)) {
                if (variant.kind() == NameVariants.Kind.LEADING
                        && (h.decision() != Decision.ALERT || h.matchedName().quality() == NameQuality.WEAK)) {
                    // a few leading words of a long string count only as strongly as words inside free text
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
        List<ScreeningHit> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(ScreeningHit::score).reversed().thenComparing(ScreeningHit::partyId));
        return out.size() > NAME_LIMIT ? out.subList(0, NAME_LIMIT) : out;
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
