package io.vigil.registry.match.score;

import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.normalize.NormalizedName;
import java.util.List;

/**
 * A normalized name ready for scoring: its tokens with their weights (rarity, times the share its role keeps:
 * {@link NamePartRoles}), and the joined form of each pair of adjacent
 * short tokens ({@code chol}+{@code min} → {@code cholmin}). Immutable; list names are prepared once per snapshot.
 */
public final class ScorableName {

    /** Tokens longer than this are never joined with a neighbour. */
    static final int MAX_JOINABLE_LENGTH = 7;

    private final NormalizedName normalized;
    private final NameToken[] tokens;
    private final float[] weights;
    private final NameToken[] joined;
    private final float totalWeight;
    private final NamePartRoles.Role[] roles;
    private final int familyTokens;
    private static final NamePartRoles ROLES = NamePartRoles.standard();

    private ScorableName(NormalizedName normalized, NameToken[] tokens, float[] weights, NameToken[] joined,
            NamePartRoles.Role[] roles) {
        this.normalized = normalized;
        this.roles = roles;
        this.tokens = tokens;
        this.weights = weights;
        this.joined = joined;
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        this.totalWeight = total;
        this.familyTokens = NamePartRoles.familyTokens(normalized.original(), tokens.length);
    }

    public static ScorableName of(NormalizedName normalized, TokenWeights weights, NameNormalizer normalizer) {
        List<NameToken> list = normalized.tokens();
        NameToken[] tokens = list.toArray(NameToken[]::new);
        float[] w = new float[tokens.length];
        List<String> texts = new java.util.ArrayList<>(tokens.length);
        for (NameToken t : tokens) {
            texts.add(t.text());
        }
        // a particle, patronymic, middle name or generic organization word keeps a share of its rarity weight
        NamePartRoles.Role[] roles = ROLES.roles(texts, normalized.original(), normalized.person());
        for (int i = 0; i < tokens.length; i++) {
            w[i] = weight(texts, tokens, i, normalized, weights, roles[i]);
        }
        NameToken[] joined = new NameToken[Math.max(0, tokens.length - 1)];
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (joinable(tokens[i], tokens[i + 1])) {
                joined[i] = normalizer.joined(tokens[i], tokens[i + 1]);
            }
        }
        return new ScorableName(normalized, tokens, w, joined, roles);
    }

    /**
     * A listed name: as {@link #of}, and for an organization's name, each pair of adjacent words that is not joinable
     * also carries its syllabic abbreviation as its joined form ({@link #abbreviation}), so that a record naming the
     * organization by it ({@code IZHMASH}) meets the full name ({@code IZHEVSKIY MASHINOSTROITEL'NYI ZAVOD}). Only
     * list names carry it: a query is compared with it, never abbreviated itself.
     */
    public static ScorableName ofListName(NormalizedName normalized, TokenWeights weights, NameNormalizer normalizer) {
        ScorableName name = of(normalized, weights, normalizer);
        if (normalized.person()) {
            return name;
        }
        NameToken[] joined = null;
        for (int i = 0; i + 1 < name.tokens.length; i++) {
            if (name.joined[i] != null) {
                continue;
            }
            String a = abbreviation(name.tokens[i], name.tokens[i + 1]);
            if (a != null) {
                if (joined == null) {
                    joined = name.joined.clone();
                }
                joined[i] = normalizer.token(a);
            }
        }
        return joined == null ? name : new ScorableName(normalized, name.tokens, name.weights, joined, name.roles);
    }

    /** Words shorter than this are not abbreviated. */
    static final int MIN_ABBREVIATED_LENGTH = 5;

    /**
     * The syllabic abbreviation of two words: the first syllable of each, up to the consonants before its second
     * vowel, a doubled last consonant written once ({@code izhevskiy mashinostroitelnyi} → {@code izhmash},
     * {@code gazovaya promyshlennost} → {@code gazprom}, {@code rossiyskaya neft} → {@code rosneft}). Russian and
     * Soviet organization names are commonly shortened this way (сложносокращённые слова: Izhmash, Gazprom,
     * Rosneft, Sovkomflot; source: Wikipedia, "Syllabic abbreviation"). Null when either word has digits, the first
     * fewer than {@value #MIN_ABBREVIATED_LENGTH} letters or a single syllable, or the second fewer than four letters
     * (a short second word is kept whole: {@code neft}).
     */
    static String abbreviation(NameToken left, NameToken right) {
        if (left.length() < MIN_ABBREVIATED_LENGTH || right.length() < MIN_ABBREVIATED_LENGTH - 1
                || !left.digits().isEmpty() || !right.digits().isEmpty()) {
            return null;
        }
        String a = firstSyllable(left.text());
        String b = firstSyllable(right.text());
        if (a == null || b == null || a.length() >= left.length() || a.length() < 2 || b.length() < 2) {
            return null;
        }
        return a + b;
    }

    /** The letters up to the consonants before the second vowel group, a doubled last consonant once; null if none. */
    static String firstSyllable(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !abbreviationVowel(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        while (i < n && abbreviationVowel(text.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < n && !abbreviationVowel(text.charAt(end))) {
            if (!Character.isLetter(text.charAt(end))) {
                return null;
            }
            end++;
        }
        if (end < n && end >= 2 && text.charAt(end - 1) == text.charAt(end - 2)) {
            end--; // rossiyskaya → ros, kommercheskiy → kom
        }
        return text.substring(0, end);
    }

    private static boolean abbreviationVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /**
     * A list name prepared earlier and stored (the matching index file): its normalized tokens, the joined pairs
     * and the roles as {@link #of} computed them; only the weights are taken afresh from {@code weights}, by the same
     * rule as {@link #of}.
     */
    public static ScorableName restore(NormalizedName normalized, TokenWeights weights, NameToken[] joined,
            NamePartRoles.Role[] roles) {
        NameToken[] tokens = normalized.tokens().toArray(NameToken[]::new);
        if (roles.length != tokens.length || joined.length != Math.max(0, tokens.length - 1)) {
            throw new IllegalArgumentException("stored name does not fit its tokens: " + normalized.original());
        }
        List<String> texts = new java.util.ArrayList<>(tokens.length);
        for (NameToken t : tokens) {
            texts.add(t.text());
        }
        float[] w = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            w[i] = weight(texts, tokens, i, normalized, weights, roles[i]);
        }
        return new ScorableName(normalized, tokens, w, joined.clone(), roles.clone());
    }

    /**
     * A token's weight in its name: its rarity, times the share its role keeps; nothing for a repeated word or a
     * repeat of two of the name's words written as one.
     */
    private static float weight(List<String> texts, NameToken[] tokens, int i, NormalizedName normalized,
            TokenWeights weights, NamePartRoles.Role role) {
        return repeated(texts, i, !normalized.legalForms().isEmpty()) || joinedRepeat(tokens, i) ? 0
                : weights.weight(tokens[i]) * ROLES.factor(role);
    }

    /** The shortest word that may repeat two others joined, and the shortest of the two. */
    static final int MIN_JOINED_REPEAT_LENGTH = 8;
    static final int MIN_JOINED_REPEAT_PART = 3;

    /**
     * Whether token {@code i} writes two other tokens of the same name as one word: a compound family name given both
     * apart and joined ({@code Hussein Mansour Othman Aba ABAHUSSEIN}, {@code Aba} and {@code Hussein} written as one
     * family name, as one list spells it while another keeps the parts), the same word spelled by its consonants
     * ({@code ABUHUSSAIN}: same first letter, same consonants, as romanizations of one Arabic word are). Such a word
     * repeats the name and carries no further identity, like a word written twice ({@link #repeated}). Only words of
     * {@value #MIN_JOINED_REPEAT_LENGTH}+ letters, joined from parts of {@value #MIN_JOINED_REPEAT_PART}+.
     */
    static boolean joinedRepeat(NameToken[] tokens, int i) {
        NameToken t = tokens[i];
        if (t.length() < MIN_JOINED_REPEAT_LENGTH || !t.digits().isEmpty() || tokens.length < 3) {
            return false;
        }
        String text = t.text();
        for (int j = 0; j < tokens.length; j++) {
            NameToken a = tokens[j];
            if (j == i || a.length() < MIN_JOINED_REPEAT_PART || a.length() >= t.length()
                    || a.text().charAt(0) != text.charAt(0)) {
                continue;
            }
            for (int k = 0; k < tokens.length; k++) {
                NameToken b = tokens[k];
                if (k == i || k == j || b.length() < MIN_JOINED_REPEAT_PART
                        || Math.abs(a.length() + b.length() - t.length()) > 1) {
                    continue;
                }
                if (text.equals(a.text() + b.text()) || !t.consonants().isEmpty()
                        && t.consonants().equals(a.consonants() + b.consonants())
                        && text.charAt(text.length() - 1) == b.text().charAt(b.length() - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Without a legal form, a repeated word counts once only from this length: Korean names repeat syllables. */
    static final int MIN_REPEATED_LENGTH = 6;

    /**
     * A word written a second time in a name of three or more tokens carries no further identity: a value holding
     * the same name twice ({@code MOSTOTREST; OPEN JOINT STOCK COMPANY 'MOSTOTREST'}, {@code PJSC SBERBANK (PUBLIC
     * JOINT-STOCK COMPANY SBERBANK)}) is that name, so the repeat weighs nothing. Without a legal form, short words (a Korean
     * {@code Jung Jung-eun} repeats a syllable) and two-token names ({@code Abdullah Abdullah}, a given name equal to
     * the family name) keep their weight.
     */
    private static boolean repeated(List<String> texts, int i, boolean legalForm) {
        if (legalForm ? texts.get(i).length() < 4 : texts.size() < 3 || texts.get(i).length() < MIN_REPEATED_LENGTH) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            if (texts.get(k).equals(texts.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token is joined with an adjacent joinable token. */
    public static boolean joinable(NameToken t) {
        return t.length() <= MAX_JOINABLE_LENGTH && t.digits().isEmpty();
    }

    /**
     * The second words of Persian compound family names, which are written joined or apart (Ebrahimzadeh /
     * Ebrahim Zadeh, Masoumpour / Masoum Pour, Ahmadinejad / Ahmadi Nejad): -zadeh "born of", -pour "son of",
     * -nejad / -nezhad "lineage", -far, -rad, -vand, -nia, -kia. Source: Wikipedia "Persian name" (family names).
     */
    private static final java.util.Set<String> PERSIAN_NAME_SUFFIXES = java.util.Set.of("zadeh", "zade", "zada",
            "pour", "pur", "nejad", "nezhad", "nejhad", "far", "rad", "vand", "nia", "kia");
    /** The longest word joined with a following Persian name suffix. */
    static final int MAX_SUFFIXED_LENGTH = 12;

    /**
     * Whether two adjacent tokens are also compared joined: both {@link #joinable(NameToken)}, or the second a Persian
     * family-name suffix after a word of at most {@value #MAX_SUFFIXED_LENGTH} letters ({@code motalebi zadeh}).
     */
    public static boolean joinable(NameToken left, NameToken right) {
        if (joinable(left) && joinable(right)) {
            return true;
        }
        return left.length() <= MAX_SUFFIXED_LENGTH && left.digits().isEmpty()
                && PERSIAN_NAME_SUFFIXES.contains(right.text());
    }

    public NormalizedName normalized() {
        return normalized;
    }

    public int size() {
        return tokens.length;
    }

    public NameToken token(int i) {
        return tokens[i];
    }

    /** The role of token {@code i} ({@link NamePartRoles}). */
    public NamePartRoles.Role role(int i) {
        return roles[i];
    }

    public float weight(int i) {
        return weights[i];
    }

    /** The joined form of tokens {@code i} and {@code i+1}, or null when they are not joinable. */
    public NameToken joined(int i) {
        return i < joined.length ? joined[i] : null;
    }

    public float totalWeight() {
        return totalWeight;
    }

    /**
     * True when token {@code i} stands between the given name and the family name: in a name written
     * {@code FAMILY, Given Middle…}, a token after the first given name; otherwise a token that is neither the first
     * nor the last. Such a token is a middle name or patronymic when the other side's given and family names match
     * this name's ({@link NameSimilarity}).
     */
    public boolean inner(int i) {
        return familyTokens > 0 ? i > familyTokens : i > 0 && i < tokens.length - 1;
    }

    /**
     * True when token {@code i} opens a name of three or more tokens written without a comma: a given name that may
     * stand before the listed one ({@code [Muhammad] Bara Ahmad KATARJI} / {@code KATARJI, Bara Ahmad}).
     */
    public boolean leading(int i) {
        return familyTokens == 0 && i == 0 && tokens.length >= 3;
    }

    /**
     * True when token {@code i} is part of a Spanish married name at the end of the family name: {@code de} and the
     * husband's family name after her own first family name ({@code MURILLO [DE ORTEGA], Rosario Maria},
     * {@code Ana Julia Guido [de Romero]}). A married woman adds it to her father's family name in place of her
     * mother's (Real Academia Española, Diccionario panhispánico de dudas, "de", 1.4), so a record may give either.
     */
    public boolean marriedName(int i) {
        int end = familyTokens > 0 ? familyTokens : tokens.length;
        int de = end - 2;
        // before de: a family name of her own (FAMILY DE HUSBAND, Given), or a given name and a family name
        int before = familyTokens > 0 ? 1 : 2;
        return de >= before && "de".equals(tokens[de].text()) && (i == de || i == de + 1)
                && NameSimilarity.droppable(tokens[de + 1]);
    }

    /**
     * True when token {@code i} is a second family name, the mother's in Spanish usage: the last family-name token of
     * a name written {@code FAMILY FAMILY, Given…}, or the last token of a name written without a comma after a
     * given name and a family name ({@code Rosario Maria Murillo [Zambrana]}).
     */
    public boolean secondFamilyName(int i) {
        // after a family name of its own, not after a particle (AL-MUGHASSIL has one family name)
        if (!NameSimilarity.droppable(tokens[i]) || tokens[i].length() == 1 || i == 0
                || roles[i] == NamePartRoles.Role.PARTICLE || roles[i - 1] == NamePartRoles.Role.PARTICLE) {
            return false;
        }
        return familyTokens > 0 ? familyTokens >= 2 && i == familyTokens - 1
                : i >= SECOND_FAMILY_NAME_POSITION && i == tokens.length - 1;
    }

    /**
     * Where a name written without a comma has a second family name at the earliest: after two given names and a
     * family name. {@code Javier Hernandez Garcia} may as well be two family names of a different person.
     */
    static final int SECOND_FAMILY_NAME_POSITION = 3;

    /** True when token {@code i} is the first given name or the (first) family name ({@link #inner}). */
    public boolean end(int i) {
        return familyTokens > 0 ? i == 0 || i == familyTokens : i == 0 || i == tokens.length - 1;
    }

    /**
     * The least total weight this name can be scored against: its inner and leading tokens ({@link #inner},
     * {@link #leading}) counted at {@link NameSimilarity#DROPPED_MIDDLE_FACTOR}, as when the other side lacks them;
     * so too its married name ({@link #marriedName}) and, when {@code spanish} (the other side has a married name,
     * {@link #hasMarriedName}), its second family name, each with its weight taken at most as the mean weight of the
     * matched core names ({@link #core}), so at least as the least weight of the other core names. A candidate index
     * bounds a query's coverage with it.
     */
    public float minTotalWeight(boolean spanish) {
        float total = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean capped = marriedName(i) || spanish && secondFamilyName(i);
            boolean droppable = (inner(i) || leading(i)) && NameSimilarity.droppable(this, i);
            total += capped ? (float) (Math.min(weights[i], leastOtherWeight(i)) * NameSimilarity.DROPPED_MIDDLE_FACTOR)
                    : droppable ? (float) (weights[i] * NameSimilarity.DROPPED_MIDDLE_FACTOR) : weights[i];
        }
        return total;
    }

    /** {@link #minTotalWeight(boolean)} with every reduction that may apply. */
    public float minTotalWeight() {
        return minTotalWeight(true);
    }

    /** Whether the name ends its family name with a married name ({@link #marriedName}). */
    public boolean hasMarriedName() {
        for (int i = 0; i < tokens.length; i++) {
            if (marriedName(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The least weight of the other core tokens ({@link #core}) of weight above 0, which the mean weight of the
     * matched ones is at least; {@link Float#MAX_VALUE} when there is none.
     */
    private float leastOtherWeight(int i) {
        float least = Float.MAX_VALUE;
        for (int k = 0; k < weights.length; k++) {
            if (k != i && core(roles[k]) && weights[k] > 0) {
                least = Math.min(least, weights[k]);
            }
        }
        return least;
    }

    /**
     * Whether a token of this role is one of a name's core names, a given, middle or family name, as opposed to a
     * particle, patronymic, generic organization word or location suffix.
     */
    public static boolean core(NamePartRoles.Role role) {
        return role == NamePartRoles.Role.DISTINCTIVE || role == NamePartRoles.Role.MIDDLE;
    }

    public List<String> legalForms() {
        return normalized.legalForms();
    }
}
