package io.vigil.registry.source.ofac;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.Hashing;
import io.vigil.registry.source.ListIntegrity;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SourceFiles;
import io.vigil.registry.source.ofac.OfacCsvRows.Row;
import io.vigil.registry.source.ofac.OfacCsvRows.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one OFAC legacy CSV set (SDN or consolidated) from a directory: the main file is required, the address,
 * alias and comments files are used when present. Shared by {@link OfacSdnCsvParser} and
 * {@link OfacConsCsvParser}; the file names come from {@link OfacCsvSet}.
 */
final class OfacCsvReader {

    /** What was read, with row counts for the import log and tests. */
    record Result(ParsedList list, Stats stats) {
    }

    /** Rows read per file (0 when the file is absent) and comment rows whose ent_num is not in the main file. */
    record Stats(int mainRows, int addressRows, int aliasRows, int commentRows, int orphanCommentRows) {
    }

    static final String SEARCH_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";
    static final String PUBLICATION_DATE_NOTE = "not stated in the legacy CSV files";

    private static final Pattern ENT_NUM = Pattern.compile("\\d{1,10}");
    private static final String AMBIGUOUS = "";

    private final OfacCsvSet set;

    OfacCsvReader(OfacCsvSet set) {
        this.set = set;
    }

    Result read(Path dir) throws ListParseException {
        if (dir == null) {
            throw new ListParseException(set.mainFile, null, "no directory given");
        }
        SourceFiles.requireDirectory(dir);
        Path main = find(dir, set.mainFile);
        if (main == null) {
            throw new ListParseException(set.mainFile, null,
                    "required file not found in " + dir + " (the " + set.sourceType + " set needs " + set.mainFile
                            + "; " + set.addressFile + ", " + set.aliasFile + " and " + set.commentsFile
                            + " are optional)");
        }
        SourceFiles.requireNonEmptyFile(main);
        Path add = find(dir, set.addressFile);
        Path alt = find(dir, set.aliasFile);
        Path comments = find(dir, set.commentsFile);
        if (add != null) {
            SourceFiles.requireNonEmptyFile(add);
        }
        if (alt != null) {
            SourceFiles.requireNonEmptyFile(alt);
        }

        List<String> warnings = new ArrayList<>();
        Table mainTable = OfacCsvRows.read(main, OfacCsvSet.MAIN_FIELDS);
        Table addTable = add == null ? null : OfacCsvRows.read(add, OfacCsvSet.ADDRESS_FIELDS);
        Table altTable = alt == null ? null : OfacCsvRows.read(alt, OfacCsvSet.ALIAS_FIELDS);
        Table commentsTable = comments == null ? null : OfacCsvRows.read(comments, OfacCsvSet.COMMENT_FIELDS);
        for (Table t : new Table[] {mainTable, addTable, altTable, commentsTable}) {
            if (t != null && t.encodingWarning() != null) {
                warnings.add(t.encodingWarning());
            }
        }
        if (mainTable.rows().isEmpty()) {
            throw new ListParseException(mainTable.fileName(), null, "file has no rows");
        }

        Map<String, Row> mainRows = new LinkedHashMap<>();
        for (Row r : mainTable.rows()) {
            String ent = entNum(mainTable, r);
            Row first = mainRows.putIfAbsent(ent, r);
            if (first != null) {
                throw new ListParseException(mainTable.fileName(), "line " + r.line(),
                        "duplicate ent_num " + ent + " (first at line " + first.line() + ")");
            }
        }
        Map<String, StringBuilder> continuations = new HashMap<>();
        int orphanComments = 0;
        int warningsBefore = warnings.size();
        if (commentsTable != null) {
            for (Row r : commentsTable.rows()) {
                String ent = entNum(commentsTable, r);
                if (!mainRows.containsKey(ent)) {
                    orphanComments++;
                    warnings.add(commentsTable.fileName() + " line " + r.line() + ": ent_num " + ent + " is not in "
                            + mainTable.fileName() + "; its remarks continuation was ignored");
                    continue;
                }
                continuations.computeIfAbsent(ent, k -> new StringBuilder()).append(r.field(1));
            }
        }
        Map<String, List<Row>> aliases = group(altTable, mainRows, mainTable.fileName(), warnings);
        Map<String, List<Row>> addresses = group(addTable, mainRows, mainTable.fileName(), warnings);
        // every warning added since warningsBefore is one orphan row (comments, aliases, addresses)
        List<String> orphans = warnings.subList(warningsBefore, warnings.size());
        int dependentRows = 0;
        List<String> missingMarks = new ArrayList<>();
        for (Table t : new Table[] {mainTable, addTable, altTable, commentsTable}) {
            if (t != null && t != mainTable) {
                dependentRows += t.rows().size();
            }
            if (t != null && t != commentsTable && !t.endsWithEofMark()) {
                missingMarks.add(t.fileName() + " does not end with the end-of-file mark 0x1A that OFAC's CSV files "
                        + "always end with (cut or re-saved?)");
            }
        }
        ListIntegrity integrity = new ListIntegrity(dependentRows, orphans.size(),
                List.copyOf(orphans.subList(0, Math.min(3, orphans.size()))), missingMarks);

        // first pass: names of every entry, to resolve "Linked To:" targets to party ids
        Map<String, String> primaryIndex = new HashMap<>();
        Map<String, String> aliasIndex = new HashMap<>();
        for (Map.Entry<String, Row> e : mainRows.entrySet()) {
            index(primaryIndex, OfacCsvRows.clean(e.getValue().field(1)), partyId(e.getKey()));
            for (Row a : aliases.getOrDefault(e.getKey(), List.of())) {
                index(aliasIndex, OfacCsvRows.clean(a.field(3)), partyId(e.getKey()));
            }
        }

        List<Party> parties = new ArrayList<>(mainRows.size());
        for (Map.Entry<String, Row> e : mainRows.entrySet()) {
            String ent = e.getKey();
            Row r = e.getValue();
            try {
                parties.add(party(ent, r, continuations.get(ent), aliases.getOrDefault(ent, List.of()),
                        addresses.getOrDefault(ent, List.of()), primaryIndex, aliasIndex, warnings,
                        mainTable.fileName()));
            } catch (RuntimeException ex) {
                throw new ListParseException(mainTable.fileName(), "line " + r.line(),
                        "cannot read entry ent_num " + ent + ": " + ex.getMessage(), ex);
            }
        }

        List<SourceFile> files = new ArrayList<>();
        for (Path p : new Path[] {main, add, alt, comments}) {
            if (p != null) {
                try {
                    files.add(Hashing.sourceFile(p));
                } catch (IOException ex) {
                    throw new ListParseException(String.valueOf(p.getFileName()), null,
                            "cannot hash: " + ex.getMessage(), ex);
                }
            }
        }
        ListSource source = new ListSource(set.sourceType, Authorities.OFAC, set.listName, null,
                PUBLICATION_DATE_NOTE, set.url, files);
        Stats stats = new Stats(mainTable.rows().size(), addTable == null ? 0 : addTable.rows().size(),
                altTable == null ? 0 : altTable.rows().size(),
                commentsTable == null ? 0 : commentsTable.rows().size(), orphanComments);
        return new Result(new ParsedList(source, parties, warnings, integrity), stats);
    }

    private Party party(String ent, Row r, StringBuilder continuation, List<Row> aliasRows, List<Row> addressRows,
            Map<String, String> primaryIndex, Map<String, String> aliasIndex, List<String> warnings,
            String mainFile) {
        PartyBuilder b = Party.builder(partyId(ent));
        String typeText = OfacCsvRows.clean(r.field(2));
        PartyType type = typeText == null ? PartyType.ORGANIZATION : PartyType.fromText(typeText);
        if (type == PartyType.UNKNOWN) {
            warnings.add(mainFile + " line " + r.line() + ": unknown SDN_Type '" + typeText + "' for ent_num " + ent);
        }
        b.type(type);

        String name = OfacCsvRows.clean(r.field(1));
        if (name == null) {
            throw new IllegalArgumentException("SDN_Name is empty");
        }
        b.name(name(name, NameKind.PRIMARY, NameQuality.STRONG, type));
        for (Row a : aliasRows) {
            String alias = OfacCsvRows.clean(a.field(3));
            if (alias != null) {
                b.name(name(alias, NameKind.fromText(OfacCsvRows.clean(a.field(2))), NameQuality.STRONG, type));
                String aliasRemark = OfacCsvRows.clean(a.field(4));
                if (aliasRemark != null) {
                    b.remark("alias " + alias + ": " + aliasRemark);
                }
            }
        }

        List<String> programs = OfacPrograms.split(r.field(3));
        String url = SEARCH_URL + ent;
        if (programs.isEmpty()) {
            b.designation(new Designation(Authorities.OFAC, set.listName, null, null, null, ent, url,
                    set.sourceType));
        }
        for (String program : programs) {
            b.designation(new Designation(Authorities.OFAC, set.listName, program, OfacPrograms.legalBasis(program),
                    null, ent, url, set.sourceType));
        }

        b.title(OfacCsvRows.clean(r.field(4)));
        String callSign = OfacCsvRows.clean(r.field(5));
        if (callSign != null) {
            b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null, null));
        }
        remarkIfPresent(b, "Vessel Type", r.field(6));
        remarkIfPresent(b, "Tonnage", r.field(7));
        remarkIfPresent(b, "GRT", r.field(8));
        String flag = OfacCsvRows.clean(r.field(9));
        if (flag != null) {
            b.nationality(Countries.codeOrName(flag));
        }
        remarkIfPresent(b, "Vessel Owner", r.field(10));

        String remarks = OfacCsvRows.clean(r.field(11));
        if (continuation != null) {
            remarks = (remarks == null ? "" : remarks) + continuation;
        }
        OfacRemarksParser.Result parsed = OfacRemarksParser.parse(remarks);
        parsed.applyTo(b);
        for (Relation rel : parsed.relations()) {
            b.relation(resolve(rel, primaryIndex, aliasIndex));
        }

        for (Row a : addressRows) {
            String country = OfacCsvRows.clean(a.field(4));
            b.address(new Address(OfacCsvRows.clean(a.field(2)), OfacCsvRows.clean(a.field(3)), null, null, country,
                    country == null ? null : Countries.toIso2(country).orElse(null)));
            String addressRemark = OfacCsvRows.clean(a.field(5));
            if (addressRemark != null) {
                b.remark("address " + OfacCsvRows.clean(a.field(1)) + ": " + addressRemark);
            }
        }
        return b.build();
    }

    /**
     * Points a {@code Linked To} relation at the party of that name in the same list, when exactly one has it as
     * primary name (else as alias). The remarks parser drops the final full stop of the last element; when only
     * the name with the stop exists ({@code "NEW AHMADI LTD."}), that is the name restored.
     */
    static Relation resolve(Relation rel, Map<String, String> primaryIndex, Map<String, String> aliasIndex) {
        String name = rel.targetName();
        for (Map<String, String> index : List.of(primaryIndex, aliasIndex)) {
            String id = index.get(name);
            if (id != null) {
                return new Relation(rel.kind(), name, id.equals(AMBIGUOUS) ? null : id);
            }
            id = index.get(name + ".");
            if (id != null) {
                return new Relation(rel.kind(), name + ".", id.equals(AMBIGUOUS) ? null : id);
            }
        }
        return rel;
    }

    private static void index(Map<String, String> index, String name, String partyId) {
        if (name == null) {
            return;
        }
        index.merge(name, partyId, (old, neu) -> old.equals(neu) ? old : AMBIGUOUS);
    }

    private static PartyName name(String fullName, NameKind kind, NameQuality quality, PartyType type) {
        String given = null;
        String family = null;
        if (type == PartyType.INDIVIDUAL) {
            int comma = fullName.indexOf(',');
            if (comma > 0 && comma < fullName.length() - 1) {
                family = fullName.substring(0, comma).strip();
                given = fullName.substring(comma + 1).strip();
                if (family.isEmpty() || given.isEmpty()) {
                    family = null;
                    given = null;
                }
            }
        }
        return new PartyName(fullName, given, family, kind, quality, null);
    }

    private static void remarkIfPresent(PartyBuilder b, String label, String value) {
        String v = OfacCsvRows.clean(value);
        if (v != null) {
            b.remark(label + ": " + v);
        }
    }

    private static Map<String, List<Row>> group(Table table, Map<String, Row> mainRows, String mainFile,
            List<String> warnings) throws ListParseException {
        Map<String, List<Row>> byEnt = new HashMap<>();
        if (table == null) {
            return byEnt;
        }
        for (Row r : table.rows()) {
            String ent = entNum(table, r);
            if (!mainRows.containsKey(ent)) {
                warnings.add(table.fileName() + " line " + r.line() + ": ent_num " + ent + " is not in " + mainFile
                        + "; row ignored");
                continue;
            }
            byEnt.computeIfAbsent(ent, k -> new ArrayList<>()).add(r);
        }
        return byEnt;
    }

    private static String entNum(Table table, Row r) throws ListParseException {
        String ent = r.field(0).strip();
        if (!ENT_NUM.matcher(ent).matches()) {
            throw new ListParseException(table.fileName(), "line " + r.line(),
                    "ent_num '" + visible(ent) + "' is not a number");
        }
        // "007" and "7" are the same entry
        return Long.toString(Long.parseLong(ent));
    }

    /** Control characters (a stray 0x1A from concatenated downloads, say) shown as {@code \\u001A}. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }

    private static String partyId(String ent) {
        return "ofac:" + ent;
    }

    /** The file called {@code name} in {@code dir}; a name differing only in case is accepted. */
    private static Path find(Path dir, String name) throws ListParseException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return exact;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(name))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot list directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
