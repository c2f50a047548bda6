package io.vigil.registry.source.notice;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.Hashing;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SourceFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads designation notices: designations announced only in press releases, or by authorities without a
 * machine-readable list, written by hand as small YAML files; source type {@code notices}. The input is a
 * DIRECTORY of {@code *.yaml}/{@code *.yml} files read in file-name order, one notice per file. The format is
 * documented in {@code config/notices/README.md}.
 *
 * <p>YAML is composed with SnakeYAML's {@link SafeConstructor} options and never constructed into Java objects:
 * only plain tags are accepted ({@code !!java…} and other tags are refused), at most {@value #MAX_ALIASES} aliases,
 * files of at most {@value #MAX_FILE_BYTES} bytes, strict UTF-8. Unknown keys, missing required keys, bad dates and
 * bad ids fail with the file, the YAML line and the key path, e.g.
 * {@code "us.yaml line 14: unknown key parties[0].nickname (allowed: …)"}.
 *
 * <p>Each party gets the id {@code notice:<party id>}; the author keeps party ids globally unique, and the same
 * party id in several notices is the same party, merged into one {@link Party} with one {@link Designation} per
 * notice (authority, list, program and legal basis of the notice or the party's override, listedOn = announced when
 * it is a full date, sourceReference = notice id, url or null).
 *
 * <p>Example: {@code id: us-2022-12-01-wpk, authority: US Treasury OFAC, list: SDN…, announced: 2022-12-01,
 * program: DPRK2, parties: [{id: jon-il-ho, type: person, names: ["JON, Il Ho"], dob: 1956-02-20}]} → party
 * {@code notice:jon-il-ho}, primary name "JON, Il Ho", DOB 1956-02-20 (day), designation by US Treasury OFAC
 * program DPRK2 listed on 2022-12-01, sourceReference {@code us-2022-12-01-wpk}.
 */
public final class DesignationNoticeParser implements ListParser {

    public static final String SOURCE_TYPE = "notices";
    static final int MAX_FILE_BYTES = 256 * 1024;
    static final int MAX_ALIASES = 5;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})/(\\d{4})");
    private static final Set<String> KNOWN_AUTHORITIES = Set.of(Authorities.OFAC, Authorities.UN, Authorities.EU,
            Authorities.UK_OFSI, Authorities.UK_FCDO, Authorities.KOREA, Authorities.JAPAN,
            Authorities.JAPAN_MOF);

    private static final List<String> NOTICE_KEYS = List.of("id", "authority", "list", "announced", "title", "url",
            "program", "legal_basis", "remarks", "parties");
    private static final List<String> NOTICE_REQUIRED = List.of("id", "authority", "list", "announced", "parties");
    private static final List<String> PARTY_KEYS = List.of("id", "type", "names", "dob", "place_of_birth",
            "nationality", "citizenship", "gender", "addresses", "identifiers", "titles", "relations", "program",
            "legal_basis", "remarks");
    private static final List<String> NAME_KEYS = List.of("name", "kind", "quality");
    private static final List<String> IDENTIFIER_KEYS = List.of("type", "value", "country", "label", "note");
    private static final List<String> ADDRESS_KEYS = List.of("street", "city", "region", "postal_code", "country");
    private static final List<String> RELATION_KEYS = List.of("kind", "name", "party");

    public DesignationNoticeParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path dir) throws ListParseException {
        SourceFiles.requireDirectory(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        String lower = n.toLowerCase(Locale.ROOT);
                        return !n.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ListParseException(String.valueOf(dir.getFileName()), null, "cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ListParseException(String.valueOf(dir.getFileName()), null,
                    "no *.yaml or *.yml notice files in " + dir);
        }
        List<String> warnings = new ArrayList<>();
        List<SourceFile> sourceFiles = new ArrayList<>();
        Map<String, String> noticeIds = new LinkedHashMap<>();
        Map<String, Acc> parties = new LinkedHashMap<>();
        LocalDate latest = null;
        for (Path f : files) {
            String name = f.getFileName().toString();
            Node root = compose(f, name);
            try {
                sourceFiles.add(Hashing.sourceFile(f));
            } catch (IOException e) {
                throw new ListParseException(name, null, "cannot read: " + e.getMessage(), e);
            }
            LocalDate announced = notice(name, root, noticeIds, parties, warnings);
            if (announced != null && (latest == null || announced.isAfter(latest))) {
                latest = announced;
            }
        }
        List<Party> out = new ArrayList<>();
        for (Acc acc : parties.values()) {
            if (acc.names.isEmpty()) {
                throw new ListParseException(acc.firstFile, "line " + acc.firstLine,
                        "party " + acc.builder.id() + " has no names in any notice");
            }
            if (acc.builder.type() == PartyType.UNKNOWN) {
                throw new ListParseException(acc.firstFile, "line " + acc.firstLine,
                        "party " + acc.builder.id() + " has no type in any notice");
            }
            out.add(acc.build());
        }
        ListSource source = new ListSource(SOURCE_TYPE, "Designation notices (several authorities)",
                "Designation notices", latest,
                "latest full 'announced' date among " + files.size()
                        + " notice files; a notices directory has no publication date of its own",
                null, sourceFiles);
        return new ParsedList(source, out, warnings);
    }

    // ---- YAML -----------------------------------------------------------------------------------------------

    private static Node compose(Path f, String name) throws ListParseException {
        SourceFiles.requireNonEmptyFile(f);
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read: " + e.getMessage(), e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ListParseException(name, null, "file is " + size + " bytes; a notice may have at most "
                    + MAX_FILE_BYTES);
        }
        SourceFiles.requireUtf8(f);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read: " + e.getMessage(), e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(YamlTree.MAX_DEPTH * 2);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setProcessComments(false);
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
        try {
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                throw new ListParseException(name, null, "the file holds no YAML document");
            }
            return root;
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() != null ? "line " + (e.getProblemMark().getLine() + 1)
                    : e.getContextMark() != null ? "line " + (e.getContextMark().getLine() + 1) : null;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ListParseException(name, where, "invalid YAML: " + problem.strip(), e);
        } catch (YAMLException e) {
            throw new ListParseException(name, null, "YAML refused: " + e.getMessage(), e);
        }
    }

    // ---- notice ---------------------------------------------------------------------------------------------

    private LocalDate notice(String file, Node root, Map<String, String> noticeIds, Map<String, Acc> parties,
            List<String> warnings) throws ListParseException {
        YamlTree y = new YamlTree(file);
        Map<String, Node> n = y.mapping(root, "", NOTICE_KEYS, NOTICE_REQUIRED, 0);
        String id = id(y, n.get("id"), "id");
        String previous = noticeIds.putIfAbsent(id, file);
        if (previous != null) {
            throw y.error(n.get("id"), "notice id " + id + " is already used by " + previous);
        }
        String authority = y.requiredScalar(n.get("authority"), "authority");
        if (!KNOWN_AUTHORITIES.contains(authority)) {
            warnings.add(file + ": authority '" + authority + "' is not one of the standard authority names"
                    + " (see io.vigil.registry.model.Authorities); reports will group it separately");
        }
        String list = y.requiredScalar(n.get("list"), "list");
        String announcedText = y.scalar(n.get("announced"), "announced");
        LocalDate announced = null;
        if (announcedText != null) {
            PartialDate d = date(y, n.get("announced"), "announced", announcedText);
            if (d.precision() == io.vigil.registry.model.DatePrecision.DAY) {
                announced = d.earliest();
            }
        }
        String title = y.scalar(n.get("title"), "title");
        String url = url(y, n.get("url"), "url");
        String program = y.scalar(n.get("program"), "program");
        String legalBasis = y.scalar(n.get("legal_basis"), "legal_basis");
        List<String> noticeRemarks = y.scalars(n.get("remarks"), "remarks", 1);
        List<Node> partyNodes = y.items(n.get("parties"), "parties", 1);
        if (partyNodes.isEmpty()) {
            warnings.add(file + ": notice " + id + " lists no parties");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < partyNodes.size(); i++) {
            String path = "parties[" + i + "]";
            party(y, file, partyNodes.get(i), path, seen, parties, new NoticeFacts(id, authority, list, announced,
                    announcedText, title, url, program, legalBasis, noticeRemarks));
        }
        return announced;
    }

    private record NoticeFacts(String id, String authority, String list, LocalDate announced, String announcedText,
            String title, String url, String program, String legalBasis, List<String> remarks) {
    }

    private void party(YamlTree y, String file, Node node, String path, Set<String> seen, Map<String, Acc> parties,
            NoticeFacts notice) throws ListParseException {
        Map<String, Node> p = y.mapping(node, path, PARTY_KEYS, List.of("id"), 1);
        String localId = id(y, p.get("id"), path + ".id");
        if (!seen.add(localId)) {
            throw y.error(p.get("id"), path + ".id: party " + localId + " appears twice in this notice");
        }
        String partyId = "notice:" + localId;
        Acc acc = parties.computeIfAbsent(partyId, k -> new Acc(k, file, YamlTree.line(node)));

        String typeText = y.scalar(p.get("type"), path + ".type");
        if (typeText != null) {
            PartyType type = PartyType.fromText(typeText);
            if (type == PartyType.UNKNOWN) {
                throw y.error(p.get("type"), path + ".type: '" + typeText
                        + "' is not person, organization, vessel or aircraft");
            }
            if (acc.builder.type() != PartyType.UNKNOWN && acc.builder.type() != type) {
                throw y.error(p.get("type"), path + ".type: " + partyId + " is " + acc.builder.type().cliName()
                        + " in " + acc.firstFile + " but " + type.cliName() + " here");
            }
            acc.builder.type(type);
        }

        List<Node> names = y.items(p.get("names"), path + ".names", 2);
        for (int i = 0; i < names.size(); i++) {
            boolean first = i == 0 && acc.names.values().stream().noneMatch(PartyName::isPrimary);
            acc.name(name(y, names.get(i), path + ".names[" + i + "]", first));
        }
        for (String dob : y.scalars(p.get("dob"), path + ".dob", 2)) {
            acc.builder.dateOfBirth(date(y, p.get("dob"), path + ".dob", dob));
        }
        y.scalars(p.get("place_of_birth"), path + ".place_of_birth", 2).forEach(acc.builder::placeOfBirth);
        for (String c : y.scalars(p.get("nationality"), path + ".nationality", 2)) {
            acc.builder.nationality(Countries.codeOrName(c));
        }
        for (String c : y.scalars(p.get("citizenship"), path + ".citizenship", 2)) {
            acc.builder.citizenship(Countries.codeOrName(c));
        }
        String gender = y.scalar(p.get("gender"), path + ".gender");
        if (gender != null) {
            String g = gender.toLowerCase(Locale.ROOT);
            if (!g.equals("male") && !g.equals("female")) {
                throw y.error(p.get("gender"), path + ".gender: '" + gender + "' is not Male or Female");
            }
            acc.builder.gender(g.equals("male") ? "Male" : "Female");
        }
        List<Node> addresses = y.items(p.get("addresses"), path + ".addresses", 2);
        for (int i = 0; i < addresses.size(); i++) {
            String ap = path + ".addresses[" + i + "]";
            Map<String, Node> a = y.mapping(addresses.get(i), ap, ADDRESS_KEYS, List.of(), 3);
            String country = y.scalar(a.get("country"), ap + ".country");
            String code = country == null ? null : Countries.toIso2(country).orElse(null);
            String countryName = country == null ? null
                    : code != null && country.length() == 2 ? Countries.displayName(code) : country;
            acc.builder.address(new Address(y.scalar(a.get("street"), ap + ".street"),
                    y.scalar(a.get("city"), ap + ".city"), y.scalar(a.get("region"), ap + ".region"),
                    y.scalar(a.get("postal_code"), ap + ".postal_code"), countryName, code));
        }
        List<Node> ids = y.items(p.get("identifiers"), path + ".identifiers", 2);
        for (int i = 0; i < ids.size(); i++) {
            acc.builder.identifier(identifier(y, ids.get(i), path + ".identifiers[" + i + "]"));
        }
        y.scalars(p.get("titles"), path + ".titles", 2).forEach(acc.builder::title);
        List<Node> relations = y.items(p.get("relations"), path + ".relations", 2);
        for (int i = 0; i < relations.size(); i++) {
            String rp = path + ".relations[" + i + "]";
            Map<String, Node> r = y.mapping(relations.get(i), rp, RELATION_KEYS, List.of("kind", "name"), 3);
            String target = r.containsKey("party") ? "notice:" + id(y, r.get("party"), rp + ".party") : null;
            acc.builder.relation(new Relation(y.requiredScalar(r.get("kind"), rp + ".kind"),
                    y.requiredScalar(r.get("name"), rp + ".name"), target));
        }
        for (String remark : y.scalars(p.get("remarks"), path + ".remarks", 2)) {
            acc.remark(remark);
        }
        String program = y.scalar(p.get("program"), path + ".program");
        String legalBasis = y.scalar(p.get("legal_basis"), path + ".legal_basis");

        // what the notice says about every party
        if (notice.title() != null) {
            acc.remark(notice.id() + ": " + notice.title());
        }
        for (String r : notice.remarks()) {
            acc.remark(notice.id() + ": " + r);
        }
        if (notice.announced() == null) {
            acc.remark(notice.id() + ": announced " + (notice.announcedText() == null ? "on a date not recorded"
                    : notice.announcedText() + " (exact date not recorded)"));
        }
        acc.builder.designation(new Designation(notice.authority(), notice.list(),
                program != null ? program : notice.program(), legalBasis != null ? legalBasis : notice.legalBasis(),
                notice.announced(), notice.id(), notice.url(), SOURCE_TYPE));
    }

    private static PartyName name(YamlTree y, Node node, String path, boolean first) throws ListParseException {
        String text;
        NameKind kind;
        NameQuality quality = NameQuality.STRONG;
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, Node> m = y.mapping(node, path, NAME_KEYS, List.of("name"), 3);
            text = y.requiredScalar(m.get("name"), path + ".name");
            String k = y.scalar(m.get("kind"), path + ".kind");
            kind = k == null ? (first ? NameKind.PRIMARY : NameKind.AKA) : nameKind(y, m.get("kind"), path, k);
            String q = y.scalar(m.get("quality"), path + ".quality");
            if (q != null) {
                quality = switch (q.toLowerCase(Locale.ROOT)) {
                    case "strong" -> NameQuality.STRONG;
                    case "weak" -> NameQuality.WEAK;
                    default -> throw y.error(m.get("quality"), path + ".quality: '" + q + "' is not strong or weak");
                };
            }
        } else {
            text = y.requiredScalar(node, path);
            kind = first ? NameKind.PRIMARY : NameKind.AKA;
        }
        return PartyName.of(text, kind, quality);
    }

    private static NameKind nameKind(YamlTree y, Node at, String path, String k) throws ListParseException {
        return switch (k.toLowerCase(Locale.ROOT)) {
            case "primary" -> NameKind.PRIMARY;
            case "aka" -> NameKind.AKA;
            case "fka" -> NameKind.FKA;
            case "nka" -> NameKind.NKA;
            case "original_script" -> NameKind.ORIGINAL_SCRIPT;
            default -> throw y.error(at, path + ".kind: '" + k
                    + "' is not primary, aka, fka, nka or original_script");
        };
    }

    private static Identifier identifier(YamlTree y, Node node, String path) throws ListParseException {
        Map<String, Node> m = y.mapping(node, path, IDENTIFIER_KEYS, List.of("type", "value"), 3);
        String typeText = y.requiredScalar(m.get("type"), path + ".type");
        IdentifierType type;
        try {
            type = IdentifierType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw y.error(m.get("type"), path + ".type: '" + typeText + "' is not one of "
                    + java.util.Arrays.toString(IdentifierType.values()).toLowerCase(Locale.ROOT));
        }
        String country = y.scalar(m.get("country"), path + ".country");
        String code = country == null ? null : Countries.toIso2(country).orElse(null);
        String label = y.scalar(m.get("label"), path + ".label");
        return new Identifier(type, label != null ? label : typeText.toLowerCase(Locale.ROOT),
                y.requiredScalar(m.get("value"), path + ".value"), country, code, y.scalar(m.get("note"), path + ".note"));
    }

    private static String id(YamlTree y, Node node, String path) throws ListParseException {
        String id = y.requiredScalar(node, path);
        if (!ID.matcher(id).matches()) {
            throw y.error(node, path + ": '" + id + "' is not an id (lower-case letters, digits, '.', '_', '-')");
        }
        return id;
    }

    private static String url(YamlTree y, Node node, String path) throws ListParseException {
        String url = y.scalar(node, path);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw y.error(node, path + ": '" + url + "' is not an http(s) address");
        }
        return url;
    }

    /** {@code 2022-12-01} (day), {@code 2022-12} (month), {@code 2022} (year) or {@code 1960/1962} (range). */
    private static PartialDate date(YamlTree y, Node at, String path, String text) throws ListParseException {
        try {
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                if (m.group(2) == null) {
                    return PartialDate.ofYear(year, text);
                }
                int month = Integer.parseInt(m.group(2));
                if (m.group(3) == null) {
                    return PartialDate.ofMonth(year, month, text);
                }
                return PartialDate.ofDay(year, month, Integer.parseInt(m.group(3)), text);
            }
            Matcher r = YEARS.matcher(text);
            if (r.matches()) {
                return PartialDate.ofYears(Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2)), text);
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw y.error(at, path + ": '" + text + "' is not a valid date (" + e.getMessage() + ")");
        }
        throw y.error(at, path + ": '" + text + "' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or YYYY/YYYY)");
    }

    /** One party merged from every notice that names it. */
    private static final class Acc {
        final PartyBuilder builder;
        final String firstFile;
        final int firstLine;
        final Map<String, PartyName> names = new LinkedHashMap<>();
        final Set<String> remarks = new LinkedHashSet<>();

        Acc(String id, String firstFile, int firstLine) {
            this.builder = Party.builder(id);
            this.firstFile = firstFile;
            this.firstLine = firstLine;
        }

        void name(PartyName n) {
            boolean hasPrimary = names.values().stream().anyMatch(PartyName::isPrimary);
            PartyName add = n.isPrimary() && hasPrimary && !names.containsKey(n.fullName())
                    ? new PartyName(n.fullName(), null, null, NameKind.AKA, n.quality(), n.script()) : n;
            names.putIfAbsent(add.fullName(), add);
        }

        void remark(String r) {
            if (r != null && !r.isBlank()) {
                remarks.add(r.strip());
            }
        }

        Party build() {
            if (names.values().stream().noneMatch(PartyName::isPrimary)) {
                PartyName first = names.values().iterator().next();
                names.put(first.fullName(), new PartyName(first.fullName(), null, null, NameKind.PRIMARY,
                        first.quality(), first.script()));
            }
            names.values().forEach(builder::name);
            remarks.forEach(builder::remark);
            return builder.build();
        }
    }
}
