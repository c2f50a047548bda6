package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.TokenMatch;
import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.normalize.NameToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Name similarity, 0–100, of a query name to a list name, independent of token order.
 *
 * <p>The tokens are paired one to one (a token may also pair with two adjacent tokens of the other side written
 * as one: {@code cholmin} ↔ {@code chol min}) so as to maximise
 * {@code 100 × (0.6 × query coverage + 0.4 × list coverage)}, where a side's coverage is the weighted share of its
 * tokens matched, each counted at its similarity. Unmatched query tokens therefore cost more than unmatched list
 * tokens: a screened name with a word the listed name lacks ({@code Kim Min Jun} against {@code KIM Su Gil}) is
 * probably someone else, while a listed name with a middle name the screened record omits is still likely the
 * same person. The best pairing is exact (dynamic programming over the list tokens) for names up to
 * {@value #EXACT_LIMIT} tokens, greedy beyond. Stateless and thread-safe.
 *
 * <p>Example: {@code "choi cheol min"} against {@code "choe chol min"} (all weights equal) → 96.7;
 * {@code "kim min jun"} against {@code "kim su gil"} → 33.3.
 */
public final class NameSimilarity {

    public static final double QUERY_SHARE = 0.6;
    public static final double LIST_SHARE = 0.4;
    static final int EXACT_LIMIT = 10;
    /** A joined match that is textually exact still differs in spacing. */
    static final double JOINED_EXACT = 0.98;
    /** A joined pair matches by spelling similarity alone only when both sides have this many letters. */
    static final int JOINED_FUZZY_MIN_LENGTH = 9;
    /**
     * The share of the name score kept when the query holds no distinctive word (only generic words of organization
     * names and particles: {@code Societe Generale}) and the listed name has a distinctive word no query token
     * matches ({@code SOCIETE GENERALE DE PAIN}): the words shared say what kind of organization both are, not
     * which one. Chosen so that such a pair stays below the review threshold.
     */
    public static final double GENERIC_ONLY_FACTOR = 0.8;
    /**
     * The share of its weight a middle name or patronymic keeps when the given and family names of both sides match
     * and only one side has names between them: {@code Karim Yusuf Haddad} against {@code HADDAD, Karim}, or
     * {@code Karim Haddad} against {@code HADDAD, Karim Yusuf Ahmad}. Records and lists add and drop middle names and
     * patronymics far more often than given or family names, so a name that agrees on both ends and only lacks the
     * middle is the same name written shorter; a name whose middle differs on both sides (another father's name) is
     * not helped. OpenSanctions' logic-v2 likewise weighs the family name and first given name above other parts.
     */
    public static final double DROPPED_MIDDLE_FACTOR = 0.5;
    /**
     * A dropped token this short is not a middle name: in {@code LI, Hong Ri} or {@code CHOE, Chun Yong} it is half
     * of an East Asian given name, and an initial ({@code Juma Y}) says too little.
     */
    public static final int DROPPED_MIDDLE_MIN_LENGTH = 5;

    /**
     * Whether a token the other side lacks may be a dropped middle name: {@value #DROPPED_MIDDLE_MIN_LENGTH}+ letters,
     * or an initial beside such a name ({@code ALSEHRI, Waleed Abdullah M.}: the initial weighs little, and a name
     * with only an initial dropped gains little).
     */
    public static boolean droppable(NameToken token) {
        // a romanized Korean syllable (chang, kwang, jeong) is half of a Korean given name however long it is
        // written, not a middle name: Son Chang-min is not SON, Min
        return (token.length() >= DROPPED_MIDDLE_MIN_LENGTH || token.length() == 1) && !token.koreanSyllable();
    }

    /**
     * The words that join a nasab chain (son or daughter of): {@code Ali bin Yusuf bin Muhammad SHARARA}. A chain
     * names father and grandfather; a record or a list keeps as many links of it as it likes.
     */
    public static final java.util.Set<String> NASAB_CONNECTORS = java.util.Set.of("bin", "ibn", "bint", "binti",
            "ben", "ould");

    /**
     * The words that open an Iraqi or Gulf tribal name, "house of": {@code Albu Hamad}, {@code Al Bu Nasir}. A record
     * adds or leaves out the tribe as it likes.
     */
    public static final java.util.Set<String> TRIBE_CONNECTORS = java.util.Set.of("albu", "albo", "aal");

    /**
     * Whether token {@code i} of {@code name} may be a dropped middle name: {@link #droppable(NameToken)}; a link
     * of a nasab chain or a tribal name, the connector or the name after it, however short ({@code bin Ali},
     * {@code Albu Hamad}); or a particle before a droppable name ({@code al} in {@code al Tikriti}).
     */
    public static boolean droppable(ScorableName name, int i) {
        return droppable(name.token(i)) || connector(name.token(i))
                || i > 0 && connector(name.token(i - 1))
                || name.role(i) == NamePartRoles.Role.PARTICLE && i + 1 < name.size()
                        && droppable(name.token(i + 1));
    }

    private static boolean connector(NameToken token) {
        return NASAB_CONNECTORS.contains(token.text()) || TRIBE_CONNECTORS.contains(token.text());
    }
    /**
     * The rule needs every pair of the name to agree closely (romanization or transliteration variants, near
     * spellings): names that only look alike ({@code shevchenko} / {@code khavchenko}) gain nothing. A name from
     * Arabic script needs its consonants to agree ({@link RomanizedTokenSimilarity#CONSONANTS}).
     */
    static final double DROPPED_MIDDLE_MIN_SIMILARITY = 0.92;

    private final TokenSimilarity similarity;

    /**
     * The table of the exact pairing, reused by every problem a thread solves: a slot holds a value only when its
     * stamp is the current problem's, so a new problem costs no allocation and no clearing (a name of ten list tokens
     * has 11 × 1024 slots, of which a problem visits few). A problem's table is read until its scoring ends, before
     * the thread starts the next.
     */
    private static final class Table {
        final double[] values = new double[(EXACT_LIMIT + 1) << EXACT_LIMIT];
        final int[] stamps = new int[values.length];
        int stamp;

        int next() {
            if (++stamp == 0) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

    public NameSimilarity(TokenSimilarity similarity) {
        this.similarity = similarity;
    }

    /** The similarity, 0–100. */
    public double score(ScorableName query, ScorableName list) {
        if (query.size() == 0 || list.size() == 0) {
            return 0;
        }
        Problem p = new Problem(query, list);
        double base = p.solve();
        return 100 * Math.max(base, p.droppedMiddle()) * (p.genericOnly() ? GENERIC_ONLY_FACTOR : 1);
    }

    /** The token pairs of the best pairing, query order, then unmatched list tokens. */
    public List<TokenMatch> explain(ScorableName query, ScorableName list) {
        List<TokenMatch> out = new ArrayList<>();
        if (query.size() == 0 || list.size() == 0) {
            return out;
        }
        Problem p = new Problem(query, list);
        double base = p.solve();
        p.trace(out);
        if (p.droppedMiddle() > base) {
            out.add(new TokenMatch(null, null, DROPPED_MIDDLE_FACTOR, p.dropped));
        }
        if (p.genericOnly()) {
            out.add(new TokenMatch(null, null, GENERIC_ONLY_FACTOR, TokenMatchMethod.GENERIC_ONLY));
        }
        return out;
    }

    /** One scoring problem: similarity matrices, then the best pairing. */
    private final class Problem {
        private final ScorableName q;
        private final ScorableName l;
        private final int n;
        private final int m;
        private final double[][] single;
        private final double[][] listJoined;
        private final double[][] queryJoined;
        private final double qw;
        private final double lw;
        /** The exact pairing's table (null: solved greedily), valid for slots stamped {@link #stamp}. */
        private double[] memo;
        private int[] stamps;
        private int stamp;
        /** How {@link #droppedMiddle} read the names one side lacks, when it applied. */
        private TokenMatchMethod dropped;

        Problem(ScorableName q, ScorableName l) {
            this.q = q;
            this.l = l;
            this.n = q.size();
            this.m = l.size();
            this.qw = QUERY_SHARE / q.totalWeight();
            this.lw = LIST_SHARE / l.totalWeight();
            single = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    single[i][j] = similarity.similarity(q.token(i), l.token(j));
                }
            }
            listJoined = new double[n][Math.max(0, m - 1)];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j + 1 < m; j++) {
                    listJoined[i][j] = l.joined(j) == null || q.token(i).length() < 4 ? 0
                            : joinedSimilarity(q.token(i), l.joined(j));
                }
            }
            queryJoined = new double[Math.max(0, n - 1)][m];
            for (int i = 0; i + 1 < n; i++) {
                for (int j = 0; j < m; j++) {
                    queryJoined[i][j] = q.joined(i) == null || l.token(j).length() < 4 ? 0
                            : joinedSimilarity(q.joined(i), l.token(j));
                }
            }
        }

        /**
         * A token against two joined tokens: exact text (spacing aside), a shared romanization key, skeleton or
         * consonant skeleton; a spelling similarity only for long words ({@code abduulrohman} /
         * {@code abdul rahman}), never for short ones ({@code dan li} is not {@code daniel}).
         */
        private double joinedSimilarity(NameToken a, NameToken b) {
            if (a.text().equals(b.text())) {
                return JOINED_EXACT;
            }
            double s = similarity.similarity(a, b);
            if (s == 0) {
                return 0;
            }
            TokenMatchMethod method = similarity.method(a, b);
            if (method == TokenMatchMethod.FUZZY) {
                return Math.min(a.length(), b.length()) >= JOINED_FUZZY_MIN_LENGTH ? s : 0;
            }
            // two Latin spellings agreeing only by their consonants are too weak a sign across a word boundary
            // (monakhalil / mayaniquel): a joined pair needs one side written in Arabic script for it
            if (method == TokenMatchMethod.CONSONANTS && !a.fromAbjad() && !b.fromAbjad()) {
                return 0;
            }
            return s;
        }


        /** The query has no distinctive token, and the list name a distinctive token no query token matches. */
        boolean genericOnly() {
            for (int i = 0; i < n; i++) {
                NamePartRoles.Role r = q.role(i);
                if (r == NamePartRoles.Role.DISTINCTIVE || r == NamePartRoles.Role.PATRONYMIC
                        || r == NamePartRoles.Role.MIDDLE) {
                    return false;
                }
            }
            for (int j = 0; j < m; j++) {
                if (l.role(j) != NamePartRoles.Role.DISTINCTIVE && l.role(j) != NamePartRoles.Role.MIDDLE) {
                    continue;
                }
                boolean matched = false;
                for (int i = 0; i < n && !matched; i++) {
                    matched = single[i][j] > 0 || (j < m - 1 && listJoined[i][j] > 0)
                            || (j > 0 && listJoined[i][j - 1] > 0);
                }
                if (!matched) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The score with {@link #DROPPED_MIDDLE_FACTOR} applied, or 0 when the rule does not apply: the list name is
         * a person's, the best pairing matches the two ends (first given name, family name) of both names, and every
         * unmatched token is an inner token of one and the same side.
         */
        double droppedMiddle() {
            boolean organization = !l.normalized().person();
            if (memo == null || n + m < 5 || organization && distinctiveTokens(l) < 2) {
                return 0;
            }
            double[] qs = new double[n];
            double[] ls = new double[m];
            pairing(qs, ls);
            boolean queryExtra = false;
            boolean listExtra = false;
            // a name from Arabic script agrees by its consonants (RomanizedTokenSimilarity.CONSONANTS), as closely as
            // its script can say
            double least = fromAbjad(q) || fromAbjad(l) ? RomanizedTokenSimilarity.CONSONANTS
                    : DROPPED_MIDDLE_MIN_SIMILARITY;
            boolean person = !organization;
            // the extras of each side: all ordinary (middle names, a leading given name), all a Spanish married name
            // (de ORTEGA), or all a second family name
            boolean queryOrdinary = true;
            boolean queryMarried = person;
            boolean querySecond = person;
            for (int i = 0; i < n; i++) {
                if (qs[i] == 0) {
                    boolean ordinary = (q.inner(i) || q.leading(i) && person) && droppable(q, i);
                    queryOrdinary &= ordinary;
                    queryMarried &= q.marriedName(i);
                    querySecond &= q.secondFamilyName(i);
                    if (!queryOrdinary && !queryMarried && !querySecond) {
                        return 0;
                    }
                    queryExtra = true;
                } else if (qs[i] < least) {
                    return 0;
                }
            }
            boolean listOrdinary = true;
            boolean listMarried = person;
            boolean listSecond = person;
            for (int j = 0; j < m; j++) {
                if (ls[j] == 0) {
                    listOrdinary &= l.inner(j) && droppable(l, j);
                    listMarried &= l.marriedName(j);
                    listSecond &= l.secondFamilyName(j);
                    if (!listOrdinary && !listMarried && !listSecond) {
                        return 0;
                    }
                    listExtra = true;
                }
            }
            if (queryExtra && listExtra) {
                // both sides have extras only as a Spanish married woman's name against her maiden name: MURILLO DE
                // ORTEGA (her first family name, de and her husband's) against MURILLO ZAMBRANA (her father's and
                // her mother's family names)
                if (!(queryMarried && listSecond || querySecond && listMarried)) {
                    return 0;
                }
                dropped = TokenMatchMethod.MARRIED_NAME;
                return weighed(qs, ls, true);
            }
            // a married name alone is dropped like a middle name; a second family name alone is not (GARCIA in
            // HERNANDEZ GARCIA tells two people apart)
            if (queryExtra ? !queryOrdinary && !queryMarried : !listOrdinary && !listMarried) {
                return 0;
            }
            // the side without extra names must have a given name and a family name of its own (AL-SHAMMARI has
            // only a family name: Ahmed Al-Shammari adds a given name, not a middle name)
            if (!queryExtra && !listExtra || namesBesideParticles(queryExtra ? l : q) < 2
                    || organization && listExtra) {
                return 0;
            }
            dropped = organization ? TokenMatchMethod.INSERTED_WORD
                    : (queryExtra ? queryOrdinary : listOrdinary) ? TokenMatchMethod.DROPPED_MIDDLE
                    : TokenMatchMethod.MARRIED_NAME;
            return weighed(qs, ls, false);
        }

        /**
         * What an unmatched token of a name counts in its side's total: {@link #DROPPED_MIDDLE_FACTOR} of its weight;
         * for a {@code family} name its weight is taken at most as {@code cap}, the mean weight of the side's
         * matched names.
         */
        private double dropped(ScorableName name, int k, boolean family, double cap) {
            return (family ? Math.min(name.weight(k), cap) : name.weight(k)) * DROPPED_MIDDLE_FACTOR;
        }

        /**
         * The mean weight of a side's matched names: its tokens of role {@link NamePartRoles.Role#DISTINCTIVE} or
         * {@link NamePartRoles.Role#MIDDLE} of weight above 0 (particles, patronymics and generic words aside); no
         * bound ({@link Double#MAX_VALUE}) when none matched.
         */
        private double meanMatchedWeight(ScorableName name, double[] sims) {
            double sum = 0;
            int count = 0;
            for (int k = 0; k < name.size(); k++) {
                if (sims[k] > 0 && ScorableName.core(name.role(k)) && name.weight(k) > 0) {
                    sum += name.weight(k);
                    count++;
                }
            }
            return count == 0 ? Double.MAX_VALUE : sum / count;
        }

        /**
         * The coverage score with every unmatched token weighed at {@link #DROPPED_MIDDLE_FACTOR} of its weight, the
         * weight of a married name, and with {@code married} (a married name against a second family name) of a
         * second family name, taken at most as the mean weight of its side's matched names ({@link #dropped}). A
         * token's rarity says how much a match on it tells; a family name the other side does not state contradicts
         * nothing, and family names are the rarest words of a name, so a rare second family name ({@code ZAMBRANA})
         * costs no more than a common one would. The candidate index bounds it by the least weight of the name's
         * other core names ({@link ScorableName#minTotalWeight(boolean)}).
         */
        private double weighed(double[] qs, double[] ls, boolean married) {
            double qMatched = 0;
            double qTotal = 0;
            double qCap = meanMatchedWeight(q, qs);
            for (int i = 0; i < n; i++) {
                qMatched += qs[i] * q.weight(i);
                boolean family = q.marriedName(i) || married && q.secondFamilyName(i);
                qTotal += qs[i] == 0 ? dropped(q, i, family, qCap) : q.weight(i);
            }
            double lMatched = 0;
            double lTotal = 0;
            double lCap = meanMatchedWeight(l, ls);
            for (int j = 0; j < m; j++) {
                lMatched += ls[j] * l.weight(j);
                boolean family = l.marriedName(j) || married && l.secondFamilyName(j);
                lTotal += ls[j] == 0 ? dropped(l, j, family, lCap) : l.weight(j);
            }
            return QUERY_SHARE * qMatched / qTotal + LIST_SHARE * lMatched / lTotal;
        }

        private boolean fromAbjad(ScorableName name) {
            for (int k = 0; k < name.size(); k++) {
                if (name.token(k).fromAbjad()) {
                    return true;
                }
            }
            return false;
        }

        private int distinctiveTokens(ScorableName name) {
            int count = 0;
            for (int k = 0; k < name.size(); k++) {
                if (name.role(k) == NamePartRoles.Role.DISTINCTIVE) {
                    count++;
                }
            }
            return count;
        }

        private int namesBesideParticles(ScorableName name) {
            int count = 0;
            for (int k = 0; k < name.size(); k++) {
                if (name.role(k) != NamePartRoles.Role.PARTICLE) {
                    count++;
                }
            }
            return count;
        }

        /** The best pairing's similarity per query token and per list token (0: unmatched). */
        private void pairing(double[] qs, double[] ls) {
            for (int[] step : steps()) {
                int i = step[0];
                int j = step[1];
                switch (step[2]) {
                    case SINGLE -> {
                        qs[i] = single[i][j];
                        ls[j] = single[i][j];
                    }
                    case LIST_JOINED -> {
                        qs[i] = listJoined[i][j];
                        ls[j] = listJoined[i][j];
                        ls[j + 1] = listJoined[i][j];
                    }
                    case QUERY_JOINED -> {
                        qs[i] = queryJoined[i][j];
                        qs[i + 1] = queryJoined[i][j];
                        ls[j] = queryJoined[i][j];
                    }
                    default -> {
                    }
                }
            }
        }

        private static final int UNMATCHED = 0;
        private static final int SINGLE = 1;
        private static final int LIST_JOINED = 2;
        private static final int QUERY_JOINED = 3;

        /**
         * The best pairing read back from the solved table, in query order: {@code {i, j, kind}} per step, kind one of
         * {@link #UNMATCHED} (j unused), {@link #SINGLE}, {@link #LIST_JOINED} (list tokens j, j+1) or
         * {@link #QUERY_JOINED} (query tokens i, i+1).
         */
        private List<int[]> steps() {
            List<int[]> out = new ArrayList<>();
            int i = 0;
            int mask = 0;
            while (i < n) {
                double target = best(i, mask);
                int[] step = {i, -1, UNMATCHED};
                if (!close(target, best(i + 1, mask))) {
                    for (int j = 0; j < m; j++) {
                        int bit = 1 << j;
                        if ((mask & bit) != 0) {
                            continue;
                        }
                        if (single[i][j] > 0 && close(target, valueSingle(i, j) + best(i + 1, mask | bit))) {
                            step = new int[] {i, j, SINGLE};
                            break;
                        } else if (j + 1 < m && (mask & (bit << 1)) == 0 && listJoined[i][j] > 0
                                && close(target, valueListJoined(i, j) + best(i + 1, mask | bit | (bit << 1)))) {
                            step = new int[] {i, j, LIST_JOINED};
                            break;
                        } else if (i + 1 < n && queryJoined[i][j] > 0
                                && close(target, valueQueryJoined(i, j) + best(i + 2, mask | bit))) {
                            step = new int[] {i, j, QUERY_JOINED};
                            break;
                        }
                    }
                }
                out.add(step);
                int j = step[1];
                switch (step[2]) {
                    case SINGLE -> mask |= 1 << j;
                    case LIST_JOINED -> mask |= (1 << j) | (1 << (j + 1));
                    case QUERY_JOINED -> {
                        mask |= 1 << j;
                        i++;
                    }
                    default -> {
                    }
                }
                i++;
            }
            return out;
        }

        double valueSingle(int i, int j) {
            return single[i][j] * (q.weight(i) * qw + l.weight(j) * lw);
        }

        double valueListJoined(int i, int j) {
            return listJoined[i][j] * (q.weight(i) * qw + (l.weight(j) + l.weight(j + 1)) * lw);
        }

        double valueQueryJoined(int i, int j) {
            return queryJoined[i][j] * ((q.weight(i) + q.weight(i + 1)) * qw + l.weight(j) * lw);
        }

        double solve() {
            if (m > EXACT_LIMIT || n > EXACT_LIMIT) {
                return greedy(null);
            }
            Table table = TABLES.get();
            memo = table.values;
            stamps = table.stamps;
            stamp = table.next();
            return best(0, 0);
        }

        private double best(int i, int mask) {
            if (i >= n) {
                return 0;
            }
            int slot = (i << m) | mask;
            if (stamps[slot] == stamp) {
                return memo[slot];
            }
            double best = best(i + 1, mask);
            for (int j = 0; j < m; j++) {
                int bit = 1 << j;
                if ((mask & bit) != 0) {
                    continue;
                }
                if (single[i][j] > 0) {
                    best = Math.max(best, valueSingle(i, j) + best(i + 1, mask | bit));
                }
                if (j + 1 < m && (mask & (bit << 1)) == 0 && listJoined[i][j] > 0) {
                    best = Math.max(best, valueListJoined(i, j) + best(i + 1, mask | bit | (bit << 1)));
                }
                if (i + 1 < n && queryJoined[i][j] > 0) {
                    best = Math.max(best, valueQueryJoined(i, j) + best(i + 2, mask | bit));
                }
            }
            memo[slot] = best;
            stamps[slot] = stamp;
            return best;
        }

        void trace(List<TokenMatch> out) {
            if (memo == null) {
                greedy(out);
                return;
            }
            boolean[] listUsed = new boolean[m];
            for (int[] step : steps()) {
                int i = step[0];
                int j = step[1];
                switch (step[2]) {
                    case SINGLE -> {
                        out.add(new TokenMatch(q.token(i).text(), l.token(j).text(), single[i][j],
                                similarity.method(q.token(i), l.token(j))));
                        listUsed[j] = true;
                    }
                    case LIST_JOINED -> {
                        boolean abbreviated = !l.joined(j).text().equals(l.token(j).text() + l.token(j + 1).text());
                        out.add(new TokenMatch(q.token(i).text(), l.token(j).text() + " " + l.token(j + 1).text(),
                                listJoined[i][j], abbreviated ? TokenMatchMethod.ABBREVIATION
                                        : TokenMatchMethod.JOINED));
                        listUsed[j] = true;
                        listUsed[j + 1] = true;
                    }
                    case QUERY_JOINED -> {
                        out.add(new TokenMatch(q.token(i).text() + " " + q.token(i + 1).text(), l.token(j).text(),
                                queryJoined[i][j], TokenMatchMethod.JOINED));
                        listUsed[j] = true;
                    }
                    default -> out.add(new TokenMatch(q.token(i).text(), null, 0, TokenMatchMethod.UNMATCHED_QUERY));
                }
            }
            for (int j = 0; j < m; j++) {
                if (!listUsed[j]) {
                    out.add(new TokenMatch(null, l.token(j).text(), 0, TokenMatchMethod.UNMATCHED_LIST));
                }
            }
        }

        private double greedy(List<TokenMatch> out) {
            boolean[] qUsed = new boolean[n];
            boolean[] lUsed = new boolean[m];
            double total = 0;
            while (true) {
                int bi = -1;
                int bj = -1;
                double bv = 0;
                for (int i = 0; i < n; i++) {
                    if (qUsed[i]) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        if (!lUsed[j] && single[i][j] > 0) {
                            double v = valueSingle(i, j);
                            if (v > bv) {
                                bv = v;
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                }
                if (bi < 0) {
                    break;
                }
                qUsed[bi] = true;
                lUsed[bj] = true;
                total += bv;
                if (out != null) {
                    out.add(new TokenMatch(q.token(bi).text(), l.token(bj).text(), single[bi][bj],
                            similarity.method(q.token(bi), l.token(bj))));
                }
            }
            if (out != null) {
                for (int i = 0; i < n; i++) {
                    if (!qUsed[i]) {
                        out.add(new TokenMatch(q.token(i).text(), null, 0, TokenMatchMethod.UNMATCHED_QUERY));
                    }
                }
                for (int j = 0; j < m; j++) {
                    if (!lUsed[j]) {
                        out.add(new TokenMatch(null, l.token(j).text(), 0, TokenMatchMethod.UNMATCHED_LIST));
                    }
                }
            }
            return total;
        }

        private static boolean close(double a, double b) {
            return Math.abs(a - b) < 1e-9;
        }
    }
}
