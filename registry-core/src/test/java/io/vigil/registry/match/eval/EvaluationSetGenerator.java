package io.vigil.registry.match.eval;

import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.ofac.OfacConsCsvParser;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the labelled evaluation set of the name-matching engine from the real lists.
 *
 * <p>Usage: {@code EvaluationSetGenerator <listsDir> <outDir> [<inputDir>]}, e.g.
 * {@code EvaluationSetGenerator ../shared/data/lists registry-core/src/test/resources/io/vigil/registry/match/eval}.
 * Reads the lists with the production parsers (OFAC SDN CSV set, OFAC non-SDN CSV set, UN XML, UK OFSI CSV), the
 * hand-written inputs {@code script-positives.tsv} and {@code names/<locale>.tsv} from {@code inputDir} (default:
 * {@code outDir}), and writes {@code positives.tsv} and {@code negatives.tsv} to {@code outDir}. Everything is
 * deterministic: fixed seeds, inputs sorted by id, no hash-map iteration order.
 */
public final class EvaluationSetGenerator {

    static final long SEED = 20240503L;
    static final List<String> CATEGORIES = List.of("alias", "order", "romanization", "typo", "legal-form", "script");
    static final List<String> LOCALES = List.of("korean", "chinese", "arabic", "persian", "russian", "spanish",
            "turkish", "english", "french", "german", "indian", "japanese", "vietnamese");

    private EvaluationSetGenerator() {
    }

    /** One party and the list it came from ({@code OFAC SDN}, {@code OFAC non-SDN}, {@code UN}, {@code UK OFSI}). */
    record Listed(String list, Party party) {
    }

    /** One positive row. */
    record Positive(String category, String query, String dob, String country, String type, String expected,
            String note) {
        String line() {
            return String.join("\t", category, query, dob, country, type, expected, note);
        }
    }

    /** One negative row. */
    record Negative(String locale, String query, String dob, String country, String type, String note) {
        String line() {
            return String.join("\t", locale, query, dob, country, type, note);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EvaluationSetGenerator <listsDir> <outDir> [<inputDir>]");
            System.exit(2);
        }
        Path lists = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path in = args.length == 3 ? Path.of(args[2]) : out;
        Summary s = generate(lists, in, out);
        System.out.println("positives: " + s.positives + " " + s.perCategory);
        System.out.println("negatives: " + s.negatives + " " + s.perLocale + "; dropped " + s.droppedExact
                + " (same key as a listed name) + " + s.droppedFolded + " (same name in another spelling)");
    }

    record Summary(int positives, Map<String, Integer> perCategory, int negatives, Map<String, Integer> perLocale,
            int droppedExact, int droppedFolded) {
    }

    /**
     * Parses the lists the evaluation screens against and takes its pairs from, OFAC SDN and non-SDN, sorted by party
     * id. The reserved UN and UK-2018 lists are not among them ({@link ReservedParties}).
     */
    static List<Listed> loadLists(Path lists) throws ListParseException {
        List<Listed> all = new ArrayList<>();
        add(all, "OFAC SDN", new OfacSdnCsvParser().parse(lists.resolve("ofac")));
        add(all, "OFAC non-SDN", new OfacConsCsvParser().parse(lists.resolve("ofac")));
        all.sort(Comparator.comparing((Listed l) -> l.party().id()).thenComparing(Listed::list));
        return all;
    }

    private static void add(List<Listed> all, String list, ParsedList parsed) {
        for (Party p : parsed.parties()) {
            all.add(new Listed(list, p));
        }
    }

    static Summary generate(Path lists, Path in, Path out) throws IOException, ListParseException {
        List<Listed> parties = loadLists(lists);
        Set<String> keys = new HashSet<>();
        Set<String> folded = new HashSet<>();
        for (Listed l : parties) {
            for (PartyName n : l.party().names()) {
                keys.add(EvalKeys.key(n.fullName()));
                folded.add(EvalKeys.folded(n.fullName()));
            }
        }
        ReservedParties reserved = ReservedParties.read(lists);
        for (Party p : reserved.parties()) { // read only to keep negatives off their names
            for (PartyName n : p.names()) {
                keys.add(EvalKeys.key(n.fullName()));
                folded.add(EvalKeys.folded(n.fullName()));
            }
        }
        Map<String, Integer> dropped = new TreeMap<>();
        List<Listed> eligible = eligible(parties, reserved, dropped);
        Set<String> leftOut = new HashSet<>();
        parties.forEach(l -> leftOut.add(l.party().id()));
        eligible.forEach(l -> leftOut.remove(l.party().id()));
        reserved.parties().forEach(p -> leftOut.add(p.id()));
        List<Positive> positives = new Positives(eligible, keys, new Random(SEED)).build(in, leftOut, dropped);
        Negatives negatives = new Negatives(keys, folded, new Random(SEED + 1));
        List<Negative> negs = negatives.build(in.resolve("names"));
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> perCategory.put(c, 0));
        positives.forEach(p -> perCategory.merge(p.category(), 1, Integer::sum));
        Map<String, Integer> perLocale = new LinkedHashMap<>();
        LOCALES.forEach(c -> perLocale.put(c, 0));
        negs.forEach(n -> perLocale.merge(n.locale(), 1, Integer::sum));
        Files.createDirectories(out);
        writePositives(out.resolve("positives.tsv"), positives, perCategory, dropped);
        writeNegatives(out.resolve("negatives.tsv"), negs, perLocale, negatives.droppedExact,
                negatives.droppedFolded);
        return new Summary(positives.size(), perCategory, negs.size(), perLocale, negatives.droppedExact,
                negatives.droppedFolded);
    }

    private static final String REGENERATE = "# Regenerate (from the repository root, see README.md):\n"
            + "#   mvn -q -pl registry-core dependency:build-classpath -Dmdep.outputFile=cp.txt test-compile\n"
            + "#   java -cp \"$(cat registry-core/cp.txt):registry-core/target/classes:registry-core/target/test-classes\" "
            + "io.vigil.registry.match.eval.EvaluationSetGenerator ../shared/data/lists "
            + "registry-core/src/test/resources/io/vigil/registry/match/eval\n";

    /**
     * The OFAC parties no reserved list holds: a party linked (by {@link PartyLinker}, run over OFAC and the reserved
     * lists together) to a UN or UK-2018 entry, with a UN reference or a reserved name gives no pair.
     */
    static List<Listed> eligible(List<Listed> parties, ReservedParties reserved, Map<String, Integer> dropped) {
        List<Party> all = new ArrayList<>();
        parties.forEach(l -> all.add(l.party()));
        all.addAll(reserved.parties());
        PartyLinks links = new PartyLinker().link(all);
        List<Listed> out = new ArrayList<>();
        for (Listed l : parties) {
            String why = reserved.excluded(l.party(), links.linkedIds(l.party().id()));
            if (why == null) {
                out.add(l);
            } else {
                dropped.merge(why, 1, Integer::sum);
            }
        }
        return out;
    }

    private static void writePositives(Path file, List<Positive> rows, Map<String, Integer> perCategory,
            Map<String, Integer> dropped) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Vigil name-matching evaluation set: POSITIVES. Each query must raise an alert for `expected`\n");
        sb.append("# (or a party linked to it) when screened against OFAC SDN + OFAC non-SDN (CSV sets) in\n");
        sb.append("# ../shared/data/lists. OFAC parties that the reserved UN 2026 or UK 2018 list holds give no row\n");
        sb.append("# (ReservedParties; those lists were read only to leave them out): ").append(dropped).append('\n');
        sb.append("# Generated by io.vigil.registry.match.eval.EvaluationSetGenerator (seed ").append(SEED)
                .append(") from those lists; `script` rows are copied from the hand-written script-positives.tsv.\n");
        sb.append("# Columns: category, query, dob (YYYY | YYYY-MM-DD | -), country (ISO alpha-2 | -), type, expected "
                + "party id, note (source list, original name, what changed).\n");
        sb.append("# Rows: ").append(rows.size()).append(" ").append(perCategory).append('\n');
        sb.append(REGENERATE);
        sb.append("category\tquery\tdob\tcountry\ttype\texpected\tnote\n");
        for (Positive p : rows) {
            sb.append(p.line()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void writeNegatives(Path file, List<Negative> rows, Map<String, Integer> perLocale,
            int droppedExact, int droppedFolded) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Vigil name-matching evaluation set: NEGATIVES. Realistic names of people and companies that are\n");
        sb.append("# NOT on the lists; at most 1% may raise any alert.\n");
        sb.append("# Generated by io.vigil.registry.match.eval.EvaluationSetGenerator (seed ").append(SEED + 1)
                .append(") from the hand-written name data in names/<locale>.tsv.\n");
        sb.append("# Dropped ").append(droppedExact).append(" generated names whose order-insensitive key equals the key "
                + "of a listed name or alias, and ").append(droppedFolded)
                .append(" whose spelling-folded key (Choi=Choe, Mohammed=Muhammad…) equals a listed name's: "
                        + "those are the same name, so not negatives.\n");
        sb.append("# Columns: locale, query, dob (YYYY | YYYY-MM-DD | -), country (ISO alpha-2 | -), type, note.\n");
        sb.append("# Rows: ").append(rows.size()).append(" ").append(perLocale).append('\n');
        sb.append(REGENERATE);
        sb.append("locale\tquery\tdob\tcountry\ttype\tnote\n");
        for (Negative n : rows) {
            sb.append(n.line()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a TSV skipping {@code #} comments, blank lines and the header row starting with {@code header}. */
    static List<String[]> readTsv(Path file, String header) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith(header + "\t")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ positives

    /** Picks parties and writes variants of their names. */
    static final class Positives {

        private final List<Listed> parties;
        private final Set<String> listKeys;
        private final Random random;
        private final Set<String> usedQueries = new HashSet<>();
        private final List<Positive> rows = new ArrayList<>();

        Positives(List<Listed> parties, Set<String> listKeys, Random random) {
            this.parties = parties;
            this.listKeys = listKeys;
            this.random = random;
        }

        List<Positive> build(Path in, Set<String> leftOut, Map<String, Integer> dropped) {
            Map<String, Listed> byId = new TreeMap<>();
            parties.forEach(l -> byId.putIfAbsent(l.party().id(), l));
            seeds(byId);
            category("alias", 300, this::alias, t -> t != PartyType.AIRCRAFT);
            category("order", 500, this::order, t -> t == PartyType.INDIVIDUAL);
            // Korean, Russian and Persian names first, so that the Arabic names (most numerous) do not crowd them out
            category("romanization", 240, l -> romanization(l, Romanizations.Family.KOREAN),
                    t -> t == PartyType.INDIVIDUAL);
            category("romanization", 180, l -> romanization(l, Romanizations.Family.RUSSIAN),
                    t -> t == PartyType.INDIVIDUAL);
            category("romanization", 100, l -> romanization(l, Romanizations.Family.PERSIAN),
                    t -> t == PartyType.INDIVIDUAL);
            category("romanization", 240, l -> romanization(l, null), t -> t == PartyType.INDIVIDUAL);
            category("typo", 420, this::typo, t -> t == PartyType.INDIVIDUAL);
            category("typo", 200, this::typo, t -> t == PartyType.ORGANIZATION);
            category("legal-form", 200, this::legalForm, t -> t == PartyType.ORGANIZATION);
            for (String[] r : readTsv(in.resolve("script-positives.tsv"), "category")) {
                if (leftOut.contains(r[5])) {
                    dropped.merge("hand-written script rows", 1, Integer::sum);
                    continue;
                }
                if (!byId.containsKey(r[5])) {
                    throw new IllegalStateException("script-positives.tsv: unknown party " + r[5] + " for " + r[1]);
                }
                rows.add(new Positive(r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
            }
            return rows;
        }

        /** The five seed persons of SEED_PERSONS.md, several hand-picked Latin variants each. */
        private void seeds(Map<String, Listed> byId) {
            String[][] seeds = {
                {"romanization", "Choi Cheol-min", "1978", "-", "person", "ofac:43598", "CHOE, Chol Min: RR/passport spelling"},
                {"romanization", "CH'OE Ch'ol-min", "-", "KP", "person", "ofac:43598", "CHOE, Chol Min: McCune-Reischauer with apostrophes"},
                {"romanization", "Cheolmin Choi", "1978-04-03", "KP", "-", "ofac:43598", "CHOE, Chol Min: passport spelling, given name joined, given-first"},
                {"order", "Chol Min Choe", "-", "-", "-", "ofac:43598", "CHOE, Chol Min: given name first, comma removed"},
                {"romanization", "Choe Un-jong", "-", "-", "person", "ofac:43616", "CHOE, Un Jong: given name hyphenated"},
                {"romanization", "Choi Eun-jung", "1978", "KP", "person", "ofac:43616", "CHOE, Un Jong: RR/passport spelling"},
                {"order", "Un Jong Choe", "1978-05-10", "-", "-", "ofac:43616", "CHOE, Un Jong: given name first"},
                {"romanization", "Jeon Il-ho", "1956", "KP", "person", "ofac:39496", "JON, Il Ho: RR/passport spelling"},
                {"romanization", "Chon Il-ho", "-", "-", "-", "ofac:39496", "CHON, Il Ho (aka): hyphenated given name"},
                {"order", "Il Ho Jon", "1956-02-20", "-", "person", "ofac:39496", "JON, Il Ho: given name first"},
                {"alias", "Yu Jin", "1960", "KP", "person", "ofac:39497", "YU, Jin: comma removed"},
                {"alias", "Yoo Jin", "-", "-", "-", "ofac:39497", "YOO, Jin (aka): comma removed"},
                {"order", "Jin Yu", "1960", "-", "person", "ofac:39497", "YU, Jin: given name first"},
                {"romanization", "Kim Su-gil", "1950", "KP", "person", "ofac:39498", "KIM, Su Gil: given name hyphenated"},
                {"romanization", "Kim Soo-gil", "-", "-", "person", "ofac:39498", "KIM, Su Gil: passport spelling su→soo"},
                {"order", "Su Gil Kim", "-", "KP", "-", "ofac:39498", "KIM, Su Gil: given name first"},
            };
            for (String[] s : seeds) {
                if (!byId.containsKey(s[5])) {
                    throw new IllegalStateException("seed person absent from the lists: " + s[5]);
                }
                String note = "OFAC SDN seed person " + s[6];
                add(new Positive(s[0], s[1], s[2], s[3], s[4], s[5], note));
            }
        }

        private boolean add(Positive p) {
            if (p.query().contains("\t") || !usedQueries.add(p.query().toLowerCase(Locale.ROOT) + "|" + p.expected())) {
                return false;
            }
            rows.add(p);
            return true;
        }

        interface Maker {
            /** A positive for this party, or null when none fits. */
            Positive make(Listed listed);
        }

        /**
         * Takes up to {@code target} positives of one category, visiting the eligible parties of each list in a
         * seeded shuffled order, round-robin across the four lists so that every source is represented.
         */
        private void category(String name, int target, Maker maker, java.util.function.Predicate<PartyType> type) {
            Map<String, List<Listed>> bySource = new TreeMap<>();
            for (Listed l : parties) {
                if (type.test(l.party().type())) {
                    bySource.computeIfAbsent(l.list(), k -> new ArrayList<>()).add(l);
                }
            }
            List<java.util.Iterator<Listed>> iterators = new ArrayList<>();
            for (List<Listed> list : bySource.values()) {
                java.util.Collections.shuffle(list, random);
                iterators.add(list.iterator());
            }
            int made = 0;
            boolean progress = true;
            while (made < target && progress) {
                progress = false;
                for (java.util.Iterator<Listed> it : iterators) {
                    while (it.hasNext()) {
                        Positive p = maker.make(it.next());
                        if (p != null && add(p)) {
                            made++;
                            progress = true;
                            break;
                        }
                    }
                    if (made >= target) {
                        break;
                    }
                }
            }
        }

        /** Strong Latin names with at least {@code minTokens} tokens. */
        private List<PartyName> names(Party p, int minTokens) {
            List<PartyName> out = new ArrayList<>();
            for (PartyName n : p.names()) {
                if (n.quality() == NameQuality.STRONG && "Latn".equals(n.script())
                        && tokens(n.fullName()).length >= minTokens && n.fullName().length() <= 80
                        && !n.fullName().contains("\t")) {
                    out.add(n);
                }
            }
            return out;
        }

        private PartyName pick(List<PartyName> names) {
            return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        }

        private Positive alias(Listed l) {
            List<PartyName> names = names(l.party(), 2);
            if (names.isEmpty()) {
                return null;
            }
            List<PartyName> akas = names.stream().filter(n -> !n.isPrimary()).toList();
            PartyName n = !akas.isEmpty() && random.nextInt(10) < 7 ? pick(akas) : pick(names);
            String q;
            String how;
            switch (random.nextInt(4)) {
                case 0 -> { q = n.fullName(); how = "verbatim"; }
                case 1 -> { q = titleCase(n.fullName()); how = "title case"; }
                case 2 -> { q = n.fullName().toUpperCase(Locale.ROOT); how = "upper case"; }
                default -> { q = n.fullName().toLowerCase(Locale.ROOT); how = "lower case"; }
            }
            return row("alias", q, l, n, (n.isPrimary() ? "primary name" : "alias") + ", " + how);
        }

        private Positive order(Listed l) {
            List<PartyName> names = names(l.party(), 2);
            PartyName n = pick(names);
            if (n == null) {
                return null;
            }
            String full = n.fullName().strip();
            String q;
            String how;
            int comma = full.indexOf(',');
            if (comma > 0 && full.indexOf(',', comma + 1) < 0) {
                q = full.substring(comma + 1).strip() + " " + full.substring(0, comma).strip();
                how = "surname-first with comma → given-first, comma removed";
            } else if (n.familyName() != null && n.givenName() != null && full.startsWith(n.givenName())) {
                q = n.familyName() + " " + n.givenName();
                how = "given-first → surname-first";
            } else {
                String[] t = tokens(full.replace(",", " "));
                if (looksKorean(l.party(), t)) {
                    q = String.join(" ", java.util.Arrays.copyOfRange(t, 1, t.length)) + " " + t[0];
                    how = "Korean surname-first → given-first";
                } else {
                    q = t[t.length - 1] + " " + String.join(" ", java.util.Arrays.copyOf(t, t.length - 1));
                    how = "last token moved first (surname-first)";
                }
            }
            if (random.nextBoolean()) {
                q = titleCase(q);
            }
            if (tokens(q).length < 2 || q.equalsIgnoreCase(full)) {
                return null;
            }
            return row("order", q, l, n, how);
        }

        private Positive romanization(Listed l, Romanizations.Family wanted) {
            Party p = l.party();
            List<PartyName> names = names(p, 2);
            if (names.isEmpty()) {
                return null;
            }
            PartyName n = pick(names);
            Romanizations.Family family = family(p, n);
            if (family == null || (wanted != null && family != wanted)) {
                return null;
            }
            Romanizations.Variant v = Romanizations.variant(n.fullName(), n.familyName(), n.givenName(), family,
                    random);
            if (v == null) {
                return null;
            }
            String q = random.nextBoolean() ? titleCase(v.query()) : v.query();
            String key = EvalKeys.key(q);
            if (listKeys.contains(key) || tokens(q).length < 2) {
                return null; // the respelling is itself listed: an exact match, not a romanization test
            }
            return row("romanization", q, l, n, v.rule());
        }

        private Positive typo(Listed l) {
            List<PartyName> names = names(l.party(), 2);
            PartyName n = pick(names);
            if (n == null) {
                return null;
            }
            String base = random.nextBoolean() ? n.fullName() : titleCase(n.fullName());
            Typos.Typo t = Typos.apply(base, random);
            if (t == null || listKeys.contains(EvalKeys.key(t.query()))) {
                return null;
            }
            return row("typo", t.query(), l, n, t.what());
        }

        private Positive legalForm(Listed l) {
            List<PartyName> names = names(l.party(), 2);
            if (names.isEmpty()) {
                return null;
            }
            List<PartyName> withForm = names.stream().filter(n -> LegalForms.applies(n.fullName())).toList();
            PartyName n = pick(withForm);
            if (n == null) {
                return null;
            }
            LegalForms.Variant v = LegalForms.variant(n.fullName(), random);
            if (v == null || listKeys.contains(EvalKeys.key(v.query())) || tokens(v.query()).length < 2) {
                return null;
            }
            String q = random.nextInt(3) == 0 ? titleCase(v.query()) : v.query();
            return row("legal-form", q, l, n, v.what());
        }

        /** A positive with dob and country for about half the persons (when the list has them). */
        private Positive row(String category, String query, Listed l, PartyName n, String how) {
            Party p = l.party();
            String dob = "-";
            String country = "-";
            String type = "-";
            boolean details = random.nextBoolean();
            if (p.type() == PartyType.INDIVIDUAL) {
                if (details && !p.datesOfBirth().isEmpty()) {
                    PartialDate d = p.datesOfBirth().get(0);
                    boolean full = d.precision() == DatePrecision.DAY && random.nextBoolean();
                    dob = full ? d.earliest().toString() : Integer.toString(d.earliest().getYear());
                }
                if (details) {
                    country = p.nationalities().stream().filter(c -> c.matches("[A-Z]{2}")).findFirst()
                            .orElse("-");
                }
            } else if (details && p.type() == PartyType.ORGANIZATION) {
                country = p.addresses().stream().map(a -> a.country())
                        .filter(c -> c != null && c.matches("[A-Z]{2}")).findFirst().orElse("-");
            }
            if (random.nextInt(10) < 6) {
                type = switch (p.type()) {
                    case INDIVIDUAL -> "person";
                    case ORGANIZATION -> "organization";
                    case VESSEL -> "vessel";
                    default -> "-";
                };
            }
            String note = l.list() + ": \"" + n.fullName() + "\" → " + how;
            return new Positive(category, query.strip(), dob, country, type, p.id(), note);
        }

        private Romanizations.Family family(Party p, PartyName n) {
            String programs = String.join(" ", p.designations().stream().map(d -> String.valueOf(d.program()))
                    .toList()).toUpperCase(Locale.ROOT);
            List<String> nat = new ArrayList<>(p.nationalities());
            nat.addAll(p.citizenships());
            String[] t = tokens(n.fullName().replace(",", " "));
            if ((nat.contains("KP") || nat.contains("KR") || programs.contains("DPRK") || programs.contains("KOREA")
                    || programs.contains("1718")) && looksKorean(p, t)) {
                return Romanizations.Family.KOREAN;
            }
            if (nat.contains("RU") || nat.contains("BY") || nat.contains("UA") || programs.contains("RUSSIA")
                    || programs.contains("UKRAINE") || programs.contains("BELARUS")) {
                return Romanizations.Family.RUSSIAN;
            }
            if (nat.contains("IR") || programs.contains("IRAN") || programs.contains("IRGC")
                    || programs.contains("IFSR")) {
                return Romanizations.Family.PERSIAN;
            }
            return Romanizations.Family.ARABIC;
        }

        private static boolean looksKorean(Party p, String[] t) {
            if (t.length < 2 || t.length > 4) {
                return false;
            }
            List<String> nat = p.nationalities();
            String programs = p.designations().toString().toUpperCase(Locale.ROOT);
            boolean korean = nat.contains("KP") || nat.contains("KR") || programs.contains("DPRK")
                    || programs.contains("KOREA") || programs.contains("1718");
            if (!korean || !Romanizations.KOREAN_LIST_SURNAMES.contains(t[0].toLowerCase(Locale.ROOT)
                    .replace("'", "").replace("’", ""))) {
                return false;
            }
            for (String s : t) {
                if (s.replace("'", "").length() > 7) {
                    return false;
                }
            }
            return true;
        }
    }

    static String[] tokens(String s) {
        String st = s.strip();
        return st.isEmpty() ? new String[0] : st.split("\\s+");
    }

    /** "CHOE, Chol-min" → "Choe, Chol-Min"; "AL-QAHTANI" → "Al-Qahtani". */
    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = false;
            } else {
                sb.append(c);
                start = c != '\'' && c != '’';
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ typos

    /** One realistic keyboard typo in one token of six or more letters. */
    static final class Typos {

        /** QWERTY neighbours of each letter (same row and the rows above and below). */
        private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
                Map.entry('q', "wa"), Map.entry('w', "qeas"), Map.entry('e', "wrsd"), Map.entry('r', "etdf"),
                Map.entry('t', "ryfg"), Map.entry('y', "tugh"), Map.entry('u', "yihj"), Map.entry('i', "uojk"),
                Map.entry('o', "ipkl"), Map.entry('p', "ol"), Map.entry('a', "qwsz"), Map.entry('s', "awedxz"),
                Map.entry('d', "serfcx"), Map.entry('f', "drtgvc"), Map.entry('g', "ftyhbv"),
                Map.entry('h', "gyujnb"), Map.entry('j', "huikmn"), Map.entry('k', "jiolm"), Map.entry('l', "kop"),
                Map.entry('z', "asx"), Map.entry('x', "zsdc"), Map.entry('c', "xdfv"), Map.entry('v', "cfgb"),
                Map.entry('b', "vghn"), Map.entry('n', "bhjm"), Map.entry('m', "njk"));

        record Typo(String query, String what) {
        }

        private Typos() {
        }

        static Typo apply(String name, Random random) {
            String[] tokens = tokens(name);
            if (tokens.length < 2) {
                return null;
            }
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].matches("\\p{IsLatin}{6,}")) {
                    eligible.add(i);
                }
            }
            if (eligible.isEmpty()) {
                return null;
            }
            int ti = eligible.get(random.nextInt(eligible.size()));
            String tok = tokens[ti];
            int len = tok.length();
            String changed;
            String what;
            int pos = 1 + random.nextInt(len - 2); // never the first letter, never past the end
            switch (random.nextInt(4)) {
                case 0 -> {
                    char c = tok.charAt(pos);
                    String nb = NEIGHBOURS.get(Character.toLowerCase(c));
                    if (nb == null) {
                        return null;
                    }
                    char r = nb.charAt(random.nextInt(nb.length()));
                    r = Character.isUpperCase(c) ? Character.toUpperCase(r) : r;
                    changed = tok.substring(0, pos) + r + tok.substring(pos + 1);
                    what = "typo: neighbouring key " + c + "→" + r + " in " + tok;
                }
                case 1 -> {
                    changed = tok.substring(0, pos) + tok.substring(pos + 1);
                    what = "typo: letter " + tok.charAt(pos) + " dropped from " + tok;
                }
                case 2 -> {
                    char c = tok.charAt(pos);
                    String nb = NEIGHBOURS.get(Character.toLowerCase(c));
                    char ins = random.nextBoolean() || nb == null ? c : nb.charAt(random.nextInt(nb.length()));
                    ins = Character.isUpperCase(c) ? Character.toUpperCase(ins) : Character.toLowerCase(ins);
                    changed = tok.substring(0, pos) + ins + tok.substring(pos);
                    what = "typo: letter " + ins + " inserted in " + tok;
                }
                default -> {
                    if (tok.charAt(pos) == tok.charAt(pos + 1)) {
                        return null;
                    }
                    changed = tok.substring(0, pos) + tok.charAt(pos + 1) + tok.charAt(pos) + tok.substring(pos + 2);
                    what = "typo: letters " + tok.charAt(pos) + tok.charAt(pos + 1) + " transposed in " + tok;
                }
            }
            if (changed.equalsIgnoreCase(tok)) {
                return null;
            }
            String[] copy = tokens.clone();
            copy[ti] = changed;
            return new Typo(String.join(" ", copy), what);
        }
    }

    // ------------------------------------------------------------------------------------------------ legal forms

    /** Equivalent spellings of company legal forms. */
    static final class LegalForms {

        record Variant(String query, String what) {
        }

        /** Each group lists interchangeable writings of one legal form; the first regex matches any of them. */
        private static final List<String[]> GROUPS = List.of(
                new String[] {"(?i)\\bCO\\.?,? LTD\\.?$|\\bCOMPANY LIMITED$", "Co., Ltd.", "Company Limited", "Co Ltd"},
                new String[] {"(?i)\\bLIMITED$|\\bLTD\\.?$", "Limited", "Ltd", "Ltd."},
                new String[] {"(?i)\\bL\\.?L\\.?C\\.?$|\\bLIMITED LIABILITY COMPANY$", "LLC", "L.L.C.",
                    "Limited Liability Company"},
                new String[] {"(?i)\\bCORPORATION$|\\bCORP\\.?$", "Corporation", "Corp."},
                new String[] {"(?i)\\bCOMPANY$|\\bCO\\.?$", "Company", "Co."},
                new String[] {"(?i)\\bINCORPORATED$|\\bINC\\.?$", "Inc.", "Incorporated"},
                new String[] {"(?i)\\bJSC$|\\bJOINT[- ]STOCK COMPANY$", "JSC", "Joint Stock Company",
                    "Joint-Stock Company"},
                new String[] {"(?i)\\bPJSC$|\\bPUBLIC JOINT[- ]STOCK COMPANY$", "PJSC", "Public Joint Stock Company"},
                new String[] {"(?i)\\bOJSC$|\\bOPEN JOINT[- ]STOCK COMPANY$", "OJSC", "Open Joint Stock Company"},
                new String[] {"(?i)\\bS\\.?A\\.?$|\\bSOCIEDAD AN[OÓ]NIMA$", "S.A.", "SA", "Sociedad Anonima"},
                new String[] {"(?i)\\bG\\.?M\\.?B\\.?H\\.?$", "GmbH", "G.m.b.H."},
                new String[] {"(?i)\\bF\\.?Z\\.?E\\.?$", "FZE", "F.Z.E."},
                new String[] {"(?i)\\bF\\.?Z\\.?C\\.?O\\.?$", "FZCO", "F.Z.C.O."},
                new String[] {"(?i)\\bSDN\\.? BHD\\.?$", "Sdn Bhd", "Sdn. Bhd.", "Sendirian Berhad"},
                new String[] {"(?i)\\bPTE\\.? LTD\\.?$", "Pte Ltd", "Pte. Ltd.", "Private Limited"},
                new String[] {"(?i)\\bS\\.?A\\.?R\\.?L\\.?$", "SARL", "S.A.R.L."},
                new String[] {"(?i)\\bOOO$", "OOO", "LLC"},
                new String[] {"(?i)\\bPLC$|\\bPUBLIC LIMITED COMPANY$", "PLC", "Public Limited Company"});

        private LegalForms() {
        }

        static boolean applies(String name) {
            return GROUPS.stream().anyMatch(g -> Pattern.compile(g[0]).matcher(name.strip()).find());
        }

        static Variant variant(String name, Random random) {
            String n = name.strip();
            for (String[] g : GROUPS) {
                Matcher m = Pattern.compile(g[0]).matcher(n);
                if (!m.find()) {
                    continue;
                }
                String stem = n.substring(0, m.start()).replaceAll("[,\\s]+$", "");
                if (tokens(stem).length < 1 || stem.length() < 4) {
                    return null;
                }
                String current = m.group();
                List<String> alts = new ArrayList<>();
                for (int i = 1; i < g.length; i++) {
                    if (!EvalKeys.key(g[i]).equals(EvalKeys.key(current))) {
                        alts.add(g[i]);
                    }
                }
                // the legal form is often left out of a payment or counterparty file
                if (tokens(stem).length >= 2) {
                    alts.add("");
                }
                if (alts.isEmpty()) {
                    return null;
                }
                String alt = alts.get(random.nextInt(alts.size()));
                boolean upper = n.equals(n.toUpperCase(Locale.ROOT));
                String written = upper ? alt.toUpperCase(Locale.ROOT) : alt;
                String sep = written.startsWith("Co") && n.substring(0, m.start()).endsWith(", ") ? ", " : " ";
                String q = written.isEmpty() ? stem : stem + sep + written;
                return new Variant(q, written.isEmpty() ? "legal form \"" + current + "\" left out"
                        : "legal form \"" + current + "\" written \"" + written + "\"");
            }
            return null;
        }
    }
}
