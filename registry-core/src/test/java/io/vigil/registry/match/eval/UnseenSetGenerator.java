package io.vigil.registry.match.eval;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.eval.EvaluationSetGenerator.Negative;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.eu.EuFsfXmlParser;
import io.vigil.registry.source.jp.JpMofParser;
import io.vigil.registry.source.ofac.OfacConsCsvParser;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import io.vigil.registry.source.uk.UkOfsiXlsxParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

/**
 * Builds the second, unseen evaluation set: other lists' own spellings of OFAC parties, linked to OFAC by the
 * registry's {@link PartyLinker}, and negatives generated with a seed the first set does not use.
 *
 * <p>Sources (see ../shared/data/lists/SOURCES.md): the OFSI workbook of 2022-05-04 (prime aliases, aliases and
 * non-Latin-script names), the Japan MOF workbook of 2026-03-05 (English names and aliases, not the katakana), the EU FSF 1.0 subset
 * of 2016-02-11 and the FSF 1.1 excerpt. Each such party linked to an OFAC party gives its names that OFAC does not
 * already hold (order-insensitive key) as positives expecting that OFAC party.
 *
 * <p>Reserved lists: the UN list of 2026 and the UK list of 2018 are used by independent acceptance checks, so they
 * are read only to leave their parties out. A party is left out when it, or the OFAC party it links to, is linked
 * to a UN or UK-2018 entry, carries a UN reference, has the id of a UK-2018 entry (OFSI ids are stable group ids),
 * or has a name whose key equals a UN or UK-2018 name. OFSI entries are further limited to designations listed
 * after the UK-2018 file's date, 2018-04-13.
 *
 * <p>Usage: {@code UnseenSetGenerator <listsDir> <outDir> <namesDir>}; writes {@code unseen-positives.tsv} and
 * {@code unseen-negatives.tsv}. Deterministic.
 */
public final class UnseenSetGenerator {

    static final long SEED = 20261206L;
    static final LocalDate UK_2018_DATE = LocalDate.of(2018, 4, 13);

    private UnseenSetGenerator() {
    }

    record Row(String category, String query, String type, String expected, String note) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: UnseenSetGenerator <listsDir> <outDir> <namesDir>");
            System.exit(2);
        }
        Path lists = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path names = Path.of(args[2]);

        List<Party> ofac = new ArrayList<>();
        Set<String> ofacIds = new HashSet<>();
        for (ParsedList pl : List.of(new OfacSdnCsvParser().parse(lists.resolve("ofac")),
                new OfacConsCsvParser().parse(lists.resolve("ofac")))) {
            for (Party p : pl.parties()) {
                if (ofacIds.add(p.id())) {
                    ofac.add(p);
                }
            }
        }
        ReservedParties reserved = ReservedParties.read(lists);

        Map<String, List<Party>> sources = new LinkedHashMap<>();
        List<Party> ofsi = new ArrayList<>();
        for (Party p : new UkOfsiXlsxParser().parse(lists.resolve("uk/ofsi_conlist_2022-05-04.xlsx")).parties()) {
            if (reserved.isReservedId(p.id()) || !listedAfter(p, UK_2018_DATE)) {
                continue;
            }
            ofsi.add(withId(p, "ofsi22:" + p.id().substring(p.id().indexOf(':') + 1)));
        }
        sources.put("ofsi", ofsi);
        sources.put("jp", new JpMofParser().parse(lists.resolve("jp/shisantouketsu20260305.xlsx")).parties());
        List<Party> eu = new ArrayList<>(
                new EuFsfXmlParser().parse(lists.resolve("eu/global_subset_2016-02-11.xml")).parties());
        for (Party p : new EuFsfXmlParser().parse(lists.resolve("eu/fsf_1.1_excerpt_2020-04-15.xml")).parties()) {
            eu.add(withId(p, "eu11:" + p.id().substring(p.id().indexOf(':') + 1)));
        }
        sources.put("eu", eu);

        List<Party> all = new ArrayList<>(ofac);
        all.addAll(reserved.parties());
        sources.values().forEach(all::addAll);
        PartyLinks links = new PartyLinker().link(all);
        Map<String, Party> ofacById = new TreeMap<>();
        ofac.forEach(p -> ofacById.put(p.id(), p));

        List<Row> rows = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>();
        for (Map.Entry<String, List<Party>> e : sources.entrySet()) {
            String source = e.getKey();
            List<Party> ps = new ArrayList<>(e.getValue());
            ps.sort(Comparator.comparing(Party::id));
            for (Party s : ps) {
                List<String> group = links.linkedIds(s.id());
                List<String> ofacLinked = group.stream().filter(ofacById::containsKey).toList();
                if (ofacLinked.isEmpty()) {
                    continue;
                }
                String why = reserved.excluded(s, group);
                if (why != null) {
                    dropped.merge(e.getKey() + " " + why, 1, Integer::sum);
                    continue;
                }
                Set<String> ofacKeys = new HashSet<>();
                for (String id : ofacLinked) {
                    ofacById.get(id).names().forEach(n -> ofacKeys.add(EvalKeys.key(n.fullName())));
                }
                Set<String> seen = new HashSet<>();
                for (PartyName n : s.names()) {
                    String key = EvalKeys.key(n.fullName());
                    if (source.equals("jp") && !isLatin(n)) {
                        continue; // the Japanese names (katakana) are out of scope: the English names are the pairs
                    }
                    if (n.quality() == NameQuality.WEAK || ofacKeys.contains(key) || !seen.add(key)
                            || key.isBlank()) {
                        continue;
                    }
                    List<String> partyNames = new ArrayList<>();
                    for (String id : ofacLinked) {
                        ofacById.get(id).names().forEach(x -> partyNames.add(x.fullName()));
                    }
                    // a group may hold several OFAC entries (associates linked by a shared identifier): expect the
                    // first whose names share a word with this name
                    String expected = ofacLinked.get(0);
                    for (String id : ofacLinked) {
                        if (!otherName(n.fullName(), ofacById.get(id).names().stream().map(PartyName::fullName)
                                .toList())) {
                            expected = id;
                            break;
                        }
                    }
                    String category = otherName(n.fullName(), partyNames)
                            ? source + "-" + (s.type() == PartyType.INDIVIDUAL ? "person" : "org") + "-other-name"
                            : category(source, s, n);
                    rows.add(new Row(category, clean(n.fullName()), type(s.type()), expected,
                            s.id() + " " + n.kind() + " -> " + ofacById.get(expected).primaryName()));
                }
            }
        }

        Set<String> keys = new HashSet<>(reserved.keys());
        Set<String> folded = new HashSet<>();
        for (Party p : all) {
            for (PartyName n : p.names()) {
                keys.add(EvalKeys.key(n.fullName()));
                folded.add(EvalKeys.folded(n.fullName()));
            }
        }
        Negatives negatives = new Negatives(keys, folded, new Random(SEED));
        List<Negative> negs = negatives.build(names);

        Map<String, Integer> perCategory = new TreeMap<>();
        rows.forEach(r -> perCategory.merge(r.category(), 1, Integer::sum));
        Files.createDirectories(out);
        StringBuilder sb = new StringBuilder();
        sb.append("# Vigil name-matching UNSEEN evaluation set: POSITIVES. Each query must raise an alert for `expected`\n");
        sb.append("# (an OFAC party, or one linked to it) when screened against OFAC SDN + non-SDN.\n");
        sb.append("# Generated by io.vigil.registry.match.eval.UnseenSetGenerator from OFSI 2022 (designations after\n");
        sb.append("# 2018-04-13), Japan MOF 2026 and EU FSF 1.0/1.1 entries linked to OFAC by PartyLinker; names OFAC\n");
        sb.append("# already holds (same order-insensitive key) are not rows. Parties linked to a UN or UK-2018 entry,\n");
        sb.append("# with a UN reference, or with a UN/UK-2018 name are left out: ").append(dropped).append('\n');
        sb.append("# Rows: ").append(rows.size()).append(' ').append(perCategory).append('\n');
        sb.append("# Regenerate: java -cp <test classpath> io.vigil.registry.match.eval.UnseenSetGenerator "
                + "../shared/data/lists registry-core/src/test/resources/io/vigil/registry/match/eval "
                + "registry-core/src/test/resources/io/vigil/registry/match/eval/names\n");
        sb.append("category\tquery\tdob\tcountry\ttype\texpected\tnote\n");
        for (Row r : rows) {
            sb.append(String.join("\t", r.category(), r.query(), "-", "-", r.type(), r.expected(), r.note()))
                    .append('\n');
        }
        Files.writeString(out.resolve("unseen-positives.tsv"), sb.toString(), StandardCharsets.UTF_8);

        StringBuilder nb = new StringBuilder();
        nb.append("# Vigil name-matching UNSEEN evaluation set: NEGATIVES. Names generated by Negatives with seed ")
                .append(SEED).append(" (the first set uses ").append(EvaluationSetGenerator.SEED + 1).append(")\n");
        nb.append("# from names/<locale>.tsv; dropped ").append(negatives.droppedExact).append(" equal to and ")
                .append(negatives.droppedFolded).append(" spelling-folded equal to a name of any list read.\n");
        nb.append("# Rows: ").append(negs.size()).append('\n');
        nb.append("locale\tquery\tdob\tcountry\ttype\tnote\n");
        negs.forEach(n -> nb.append(n.line()).append('\n'));
        Files.writeString(out.resolve("unseen-negatives.tsv"), nb.toString(), StandardCharsets.UTF_8);
        System.out.println("positives " + rows.size() + " " + perCategory + "; dropped " + dropped + "; negatives "
                + negs.size());
    }

    private static final com.ibm.icu.text.Transliterator LATIN =
            com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    private static final org.apache.commons.text.similarity.JaroWinklerSimilarity JARO_WINKLER =
            new org.apache.commons.text.similarity.JaroWinklerSimilarity();

    /**
     * True when the query shares no word with any of the party's names, compared loosely after a plain ICU
     * transliteration to Latin: no query word of two or more letters has a party word with the same first three
     * letters or a Jaro-Winkler similarity of 0.8 or more. Such a pair is another name of the party (a cover
     * name, a translation, an acronym), not a spelling of one, and no name comparison can find it; the set keeps it
     * as the category {@code other-name}. The test is independent of the engine under evaluation.
     */
    static boolean otherName(String query, List<String> partyNames) {
        List<String> partyWords = new ArrayList<>();
        partyNames.forEach(n -> partyWords.addAll(words(n)));
        for (String w : words(query)) {
            for (String p : partyWords) {
                if ((w.length() >= 3 && p.length() >= 3 && w.regionMatches(0, p, 0, 3))
                        || JARO_WINKLER.apply(w, p) >= 0.8) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : LATIN.transliterate(name).split("[^a-z0-9]+")) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isLatin(PartyName n) {
        return n.script() == null || n.script().equals("Latn") || n.script().equals("Zyyy");
    }

    private static boolean listedAfter(Party p, LocalDate date) {
        for (Designation d : p.designations()) {
            if (d.listedOn() != null && d.listedOn().isAfter(date)) {
                return true;
            }
        }
        return false;
    }

    private static String category(String source, Party s, PartyName n) {
        String script = n.script() == null ? "Latn" : n.script();
        String kind = switch (script) {
            case "Latn", "Zyyy" -> n.kind() == NameKind.PRIMARY ? "primary" : "alias";
            case "Arab" -> "arabic";
            case "Cyrl" -> "cyrillic";
            default -> "script-" + script.toLowerCase(Locale.ROOT);
        };
        return source + "-" + (s.type() == PartyType.INDIVIDUAL ? "person" : "org") + "-" + kind;
    }

    private static String type(PartyType t) {
        return switch (t) {
            case INDIVIDUAL -> "person";
            case ORGANIZATION -> "organization";
            default -> "-";
        };
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    private static Party withId(Party p, String id) {
        return new Party(id, p.type(), p.names(), p.datesOfBirth(), p.placesOfBirth(), p.nationalities(),
                p.citizenships(), p.addresses(), p.identifiers(), p.gender(), p.titles(), p.relations(), p.remarks(),
                p.designations());
    }
}
