package io.vigil.registry.match.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The role of a name part that carries less identity than a name's distinctive words, read from
 * {@code name-part-roles.tsv}: a particle ({@code al}, {@code bin}, {@code de}), a patronymic ({@code ivanovich},
 * {@code stanislavavich}), or a generic word of organization names ({@code group}, {@code industrial},
 * {@code office}). Each role keeps a share of the token's rarity weight. Immutable and thread-safe.
 *
 * <p>Example: {@code factor("al")} → 0.3; {@code factor("vladimirovna")} → 0.5; {@code factor("putina")} → 1.
 */
public final class NamePartRoles {

    /** A role and the share of its weight a token in that role keeps. */
    public enum Role {
        DISTINCTIVE, PARTICLE, PATRONYMIC, ORG_GENERIC, MIDDLE,
        /** a country or its adjective in an organization's name ({@code ALFA-BANK RUSSIA}); distinctive in a person's */
        LOCATION
    }

    /**
     * The share of its weight a middle name keeps: in a name written {@code FAMILY, Given Middle…}, a given-name
     * token after the first ({@code HADDAD, Karim [Yusuf Ahmad]}); in a person's name of four or more tokens
     * written without a comma, a token that is neither the first nor the last ({@code Karim [Yusuf Ahmad] Haddad}). Lists and records drop
     * and add middle names and patronymics more often than given and family names, so one side lacking a middle name
     * costs less than lacking a given or family name (a dropped middle name, not a different person). OpenSanctions'
     * logic-v2 likewise weighs family-name matches above given names (nm_family_name_weight).
     */
    public static final float MIDDLE_FACTOR = 0.8f;

    /**
     * A middle token shorter than this keeps its whole weight: a one-syllable token inside a Korean, Chinese or
     * Vietnamese name ({@code Yun [Hyok] Chol}, {@code Nguyen [Van] An}) is half of a given name, not a middle name.
     */
    static final int MIN_MIDDLE_LENGTH = 5;

    /**
     * A name written without a comma has middle names only when it has at least this many tokens: in a name of
     * three the inner token is as often half of a given name ({@code Choi [Cheol] Min}, {@code Kim [Min] Jun}) or
     * a second family name as a middle name.
     */
    static final int MIN_TOKENS_FOR_INNER_MIDDLE = 4;

    /**
     * The roles of a person's name parts by position, then by word: {@code roles[i]} for token {@code i} of
     * {@code tokens}. {@code original} is the name as written: a comma marks {@code FAMILY, Given…} and the number
     * of words before it is the number of family-name tokens.
     */
    public Role[] roles(List<String> tokens, String original, boolean person) {
        Role[] out = new Role[tokens.size()];
        int n = tokens.size();
        int firstMiddle = n;
        int lastMiddle = -1;
        if (person && n >= 3) {
            int comma = original.indexOf(',');
            int family = comma > 0 ? words(original.substring(0, comma)) : 0;
            if (family > 0 && family < n - 1) {
                firstMiddle = family + 1;
                lastMiddle = n - 1;
            } else if (family == 0 && n >= MIN_TOKENS_FOR_INNER_MIDDLE) {
                firstMiddle = 1;
                lastMiddle = n - 2;
            }
        }
        boolean distinctive = false;
        for (String t : tokens) {
            distinctive |= role(t) == Role.DISTINCTIVE;
        }
        for (int i = 0; i < n; i++) {
            Role r = role(tokens.get(i));
            if (r == Role.LOCATION && !(!person && distinctive && locationSuffix(tokens, i))) {
                r = Role.DISTINCTIVE;
            }
            out[i] = r == Role.DISTINCTIVE && i >= firstMiddle && i <= lastMiddle
                    && tokens.get(i).length() >= MIN_MIDDLE_LENGTH ? Role.MIDDLE : r;
        }
        return out;
    }

    /** Words that make the country after them the name's subject: BANK OF RUSSIA, BANQUE DU LIBAN. */
    private static final java.util.Set<String> OF = java.util.Set.of("of", "de", "du", "des", "del", "di", "da", "al");

    /**
     * A country is a location suffix of an organization's name, a place the list or the record added, when it comes
     * last (or before generic words only: {@code ALFA-BANK RUSSIA}, {@code X GROUP SYRIA OFFICE}), not after
     * {@code of} ({@code BANK OF RUSSIA}), and beside a distinctive word. Elsewhere it is what tells one
     * organization from another ({@code QATAR NATIONAL BANK}), and in a person's name never a location (Jordan).
     */
    private boolean locationSuffix(List<String> tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (role(tokens.get(k)) != Role.ORG_GENERIC) {
                return false;
            }
        }
        return i > 0 && !OF.contains(tokens.get(i - 1));
    }

    /**
     * The number of family-name tokens of a name written {@code FAMILY, Given…} (the words before its comma), or 0
     * when it has no comma or nothing follows the family name.
     */
    public static int familyTokens(String original, int tokens) {
        int comma = original.indexOf(',');
        int family = comma > 0 ? words(original.substring(0, comma)) : 0;
        return family > 0 && family < tokens ? family : 0;
    }

    private static int words(String text) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                count++;
            }
            in = letter;
        }
        return count;
    }

    /** The share of its weight a token in this role keeps. */
    public float factor(Role r) {
        return switch (r) {
            case DISTINCTIVE -> 1f;
            case MIDDLE -> MIDDLE_FACTOR;
            default -> factors.get(r);
        };
    }

    /** A patronymic suffix marks a patronymic only on a word at least this long ({@code ivanovich}, not {@code ich}). */
    static final int MIN_PATRONYMIC_LENGTH = 7;

    private static final NamePartRoles STANDARD = load();

    private final Map<String, Role> byWord;
    private final List<String> patronymicSuffixes;
    private final Map<Role, Float> factors;

    private NamePartRoles(Map<String, Role> byWord, List<String> patronymicSuffixes, Map<Role, Float> factors) {
        this.byWord = Map.copyOf(byWord);
        this.patronymicSuffixes = List.copyOf(patronymicSuffixes);
        this.factors = Map.copyOf(factors);
    }

    /** The bundled table. */
    public static NamePartRoles standard() {
        return STANDARD;
    }

    /** The role of a token of the pipeline (lowercase a-z). */
    public Role role(String token) {
        Role r = byWord.get(token);
        if (r != null) {
            return r;
        }
        if (token.length() >= MIN_PATRONYMIC_LENGTH) {
            for (String suffix : patronymicSuffixes) {
                if (token.endsWith(suffix)) {
                    return Role.PATRONYMIC;
                }
            }
        }
        return Role.DISTINCTIVE;
    }

    /**
     * The smallest share of its weight the token can keep in any name and position: a distinctive word in the middle
     * of a person's name keeps {@link #MIDDLE_FACTOR}, a location word in an organization's name its role's share.
     * (Scoring may lower it further: a middle name the other side lacks counts at
     * {@code NameSimilarity.DROPPED_MIDDLE_FACTOR} of this.)
     */
    public float leastFactor(String token) {
        Role r = role(token);
        return switch (r) {
            case DISTINCTIVE -> MIDDLE_FACTOR;
            case LOCATION -> Math.min(MIDDLE_FACTOR, factors.get(Role.LOCATION));
            default -> factors.get(r);
        };
    }

    /**
     * The largest share of its weight the token keeps in any name: 1 for a distinctive word, and for a location
     * word, which is distinctive in a person's name.
     */
    public float factor(String token) {
        Role r = role(token);
        return r == Role.DISTINCTIVE || r == Role.LOCATION ? 1f : factors.get(r);
    }

    private static NamePartRoles load() {
        Map<String, Role> byWord = new HashMap<>();
        List<String> suffixes = new ArrayList<>();
        Map<Role, Float> factors = new HashMap<>();
        try (InputStream in = NamePartRoles.class.getResourceAsStream("name-part-roles.tsv")) {
            if (in == null) {
                throw new IllegalStateException("name-part-roles.tsv missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("name-part-roles.tsv: expected 4 fields: " + line);
                }
                Role role = switch (f[0]) {
                    case "particle" -> Role.PARTICLE;
                    case "patronymic-suffix" -> Role.PATRONYMIC;
                    case "org-generic" -> Role.ORG_GENERIC;
                    case "location" -> Role.LOCATION;
                    default -> throw new IllegalStateException("name-part-roles.tsv: unknown role " + f[0]);
                };
                float factor = Float.parseFloat(f[1]);
                if (factor <= 0 || factor > 1) {
                    throw new IllegalStateException("name-part-roles.tsv: factor must be in (0, 1]: " + line);
                }
                factors.put(role, factor);
                for (String w : f[2].split(" +")) {
                    if (role == Role.PATRONYMIC) {
                        suffixes.add(w);
                    } else if (byWord.putIfAbsent(w, role) != null) {
                        throw new IllegalStateException("name-part-roles.tsv: " + w + " listed twice");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NamePartRoles(byWord, suffixes, factors);
    }
}
