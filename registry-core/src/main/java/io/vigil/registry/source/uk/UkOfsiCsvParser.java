package io.vigil.registry.source.uk;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads HM Treasury OFSI's Consolidated List of Financial Sanctions Targets in its CSV form ({@code ConList.csv},
 * formerly {@code sanctionsconlist.csv}); source type {@code uk-ofsi-csv}.
 *
 * <p>Line 1 is {@code Last Updated,DD/MM/YYYY} (the publication date); line 2 is the header; every further line is
 * one NAME of a party, and the rows sharing a {@code Group ID} are one party with id {@code uk:<Group ID>}. Name 6
 * is the surname (the whole name for entities), Name 1..5 the given names; {@code Alias Type} "Prime Alias" (or
 * "Primary Name") marks the primary name, "AKA" an alias, "FKA" a former name; an {@code Alias Quality} column,
 * where the file has one, marks "Low quality" names weak. Each distinct {@code Regime} of a group becomes one
 * {@link Designation} (authority {@link Authorities#UK_OFSI}, program = Regime, listedOn = Listed On,
 * sourceReference = Group ID). UN references in "Other Information" ({@code UN Ref QDe.004}) become
 * {@link IdentifierType#UN_REFERENCE} identifiers so UK entries can be linked to UN entries.
 *
 * <p>Example: the 2018-04-13 list, rows of Group ID 13349 with Name 6 {@code AL-HABABI}, Name 1..4
 * {@code Nayef Salam Muhammad Ujaym}, Alias Type {@code Prime Alias}, DOB {@code 00/00/1980} and {@code 00/00/1981}
 * → party {@code uk:13349}, primary name {@code "Nayef Salam Muhammad Ujaym AL-HABABI"}, dates of birth 1980 and
 * 1981 (year precision), identifier UN_REFERENCE {@code QDe.004}, designation program
 * {@code "The ISIL (Da'esh) and Al-Qaida organisations"} listed on 2016-04-01.
 *
 * <p>Encoding: strict UTF-8 is tried first; a file that is not valid UTF-8 is read as windows-1252 (OFSI's own
 * encoding for years) with a warning. UTF-16 or binary content is refused.
 */
public final class UkOfsiCsvParser implements ListParser {

    public static final String SOURCE_TYPE = "uk-ofsi-csv";
    public static final String URL =
            "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets";

    static final List<String> REQUIRED_COLUMNS = List.of("Name 6", "Name 1", "Name 2", "Name 3", "Name 4",
            "Name 5", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID");

    public UkOfsiCsvParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        String file = path.getFileName().toString();
        List<String> warnings = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ListParseException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        String text = decode(file, bytes, warnings);
        return read(file, text, sourceFile, warnings);
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    static String decode(String file, byte[] bytes, List<String> warnings) throws ListParseException {
        int start = 0;
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ListParseException(file, "line 1",
                    "UTF-16 byte-order mark: wrong encoding, expected UTF-8 or windows-1252 text");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ListParseException(file, "line " + lineOf(bytes, i),
                        "NUL byte at offset " + i + ": wrong encoding (UTF-16?) or not a text file");
            }
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(buf).toString();
        } catch (MalformedInputException e) {
            int offset = start + positionOfError(bytes, start);
            warnings.add(file + " line " + lineOf(bytes, offset) + ": not valid UTF-8 (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + " at offset " + offset
                    + "); read as windows-1252");
        } catch (CharacterCodingException e) {
            warnings.add(file + ": not valid UTF-8; read as windows-1252");
        }
        buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strict(Charset.forName("windows-1252")).decode(buf).toString();
        } catch (CharacterCodingException e) {
            throw new ListParseException(file, null,
                    "neither valid UTF-8 nor windows-1252 text (wrong encoding or binary file)", e);
        }
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int positionOfError(byte[] bytes, int start) {
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position() - start;
            }
            if (r.isUnderflow()) {
                return 0;
            }
            out.clear();
        }
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    // ---- CSV ------------------------------------------------------------------------------------------------

    private ParsedList read(String file, String text, SourceFile sourceFile, List<String> warnings)
            throws ListParseException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        Map<String, PartyAccumulator> groups = new LinkedHashMap<>();
        Set<String> unknownAliasTypes = new LinkedHashSet<>();
        LocalDate published;
        try (CSVParser csv = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> it = csv.iterator();
            long line = csv.getCurrentLineNumber() + 1;
            CSVRecord first = next(it, file, line);
            if (first == null || !"Last Updated".equalsIgnoreCase(UkText.clean(first.get(0)) == null ? ""
                    : UkText.clean(first.get(0)))) {
                throw new ListParseException(file, "line 1",
                        "not an OFSI consolidated list CSV: expected 'Last Updated,DD/MM/YYYY'");
            }
            String dateText = first.size() > 1 ? first.get(1) : "";
            published = UkText.day(dateText).orElseThrow(() -> new ListParseException(file, "line 1",
                    "Last Updated date '" + dateText + "' is not DD/MM/YYYY"));
            line = csv.getCurrentLineNumber() + 1;
            CSVRecord headerRecord = next(it, file, line);
            if (headerRecord == null) {
                throw new ListParseException(file, "line 2", "not an OFSI consolidated list CSV: no header line");
            }
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < headerRecord.size(); i++) {
                String h = UkText.clean(headerRecord.get(i));
                if (h != null) {
                    header.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
                }
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!header.containsKey(required.toLowerCase(Locale.ROOT))) {
                    throw new ListParseException(file, "line 2",
                            "not an OFSI consolidated list CSV: missing column " + required);
                }
            }
            Columns cols = new Columns(header);
            while (true) {
                line = csv.getCurrentLineNumber() + 1;
                CSVRecord row = next(it, file, line);
                if (row == null) {
                    break;
                }
                if (row.size() != headerRecord.size()) {
                    throw new ListParseException(file, "line " + line,
                            "expected " + headerRecord.size() + " fields, found " + row.size()
                                    + " (truncated or malformed row)");
                }
                readRow(file, line, row, cols, groups, warnings, unknownAliasTypes);
            }
        } catch (IOException e) {
            throw new ListParseException(file, null, "cannot read CSV: " + e.getMessage(), e);
        }
        if (groups.isEmpty()) {
            throw new ListParseException(file, "line 3", "the list has no entries");
        }
        List<Party> parties = new ArrayList<>(groups.size());
        for (PartyAccumulator acc : groups.values()) {
            if (!acc.hasNames()) {
                throw new ListParseException(file, acc.firstLocation, "party " + acc.builder.id() + " has no name");
            }
            parties.add(acc.build());
        }
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.UK_OFSI, Authorities.UK_OFSI_LIST, published,
                "'Last Updated' on line 1 (DD/MM/YYYY)", URL, List.of(sourceFile));
        return new ParsedList(source, parties, warnings);
    }

    private static CSVRecord next(Iterator<CSVRecord> it, String file, long line) throws ListParseException {
        try {
            return it.hasNext() ? it.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new ListParseException(file, "line " + line, "malformed CSV (truncated file or unclosed quote): "
                    + reason, e);
        }
    }

    /** Column positions by header name (case-insensitive); optional columns may be absent (-1). */
    private static final class Columns {
        final int[] names = new int[6];
        final int title;
        final int dob;
        final int townOfBirth;
        final int countryOfBirth;
        final int nationality;
        final int passportDetails;
        final int passportNumber;
        final int niNumber;
        final int nationalIdNumber;
        final int nationalIdDetails;
        final int position;
        final int[] address = new int[6];
        final int postCode;
        final int country;
        final int otherInformation;
        final int groupType;
        final int aliasType;
        final int aliasQuality;
        final int nonLatinName;
        final int regime;
        final int listedOn;
        final int groupId;

        Columns(Map<String, Integer> h) {
            for (int i = 0; i < 6; i++) {
                names[i] = col(h, "Name " + (i + 1));
                address[i] = col(h, "Address " + (i + 1));
            }
            title = col(h, "Title");
            dob = col(h, "DOB");
            townOfBirth = col(h, "Town of Birth");
            countryOfBirth = col(h, "Country of Birth");
            nationality = col(h, "Nationality");
            passportDetails = col(h, "Passport Details");
            passportNumber = col(h, "Passport Number");
            niNumber = col(h, "NI Number");
            nationalIdNumber = col(h, "National Identification Number");
            nationalIdDetails = col(h, "National Identification Details");
            position = col(h, "Position");
            postCode = col(h, "Post/Zip Code");
            country = col(h, "Country");
            otherInformation = col(h, "Other Information");
            groupType = col(h, "Group Type");
            aliasType = col(h, "Alias Type");
            aliasQuality = col(h, "Alias Quality");
            nonLatinName = col(h, "Name Non-Latin Script");
            regime = col(h, "Regime");
            listedOn = col(h, "Listed On");
            groupId = col(h, "Group ID");
        }

        private static int col(Map<String, Integer> h, String name) {
            return h.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
        }
    }

    private static String get(CSVRecord row, int index) {
        return index < 0 ? null : UkText.clean(row.get(index));
    }

    private static void readRow(String file, long line, CSVRecord row, Columns c, Map<String, PartyAccumulator> groups,
            List<String> warnings, Set<String> unknownAliasTypes) throws ListParseException {
        String where = "line " + line;
        String groupId = get(row, c.groupId);
        if (groupId == null) {
            throw new ListParseException(file, where, "Group ID is empty");
        }
        if (!groupId.matches("[A-Za-z0-9._-]+")) {
            throw new ListParseException(file, where, "Group ID '" + groupId + "' is not an id");
        }
        String groupTypeText = get(row, c.groupType);
        PartyType type = PartyType.fromText(groupTypeText);
        if (type == PartyType.UNKNOWN) {
            throw new ListParseException(file, where, "unknown Group Type '" + groupTypeText
                    + "' (expected Individual, Entity or Ship)");
        }
        String regime = get(row, c.regime);
        if (regime == null) {
            throw new ListParseException(file, where, "Regime is empty (Group ID " + groupId + ")");
        }
        String listedText = get(row, c.listedOn);
        LocalDate listedOn = null;
        if (listedText != null) {
            listedOn = UkText.day(listedText).orElseThrow(() -> new ListParseException(file, where,
                    "Listed On '" + listedText + "' is not DD/MM/YYYY (Group ID " + groupId + ")"));
        }

        PartyAccumulator acc = groups.computeIfAbsent(groupId, id -> {
            PartyAccumulator a = new PartyAccumulator("uk:" + id, where);
            a.builder.type(type);
            return a;
        });
        if (acc.type() != type) {
            warnings.add(file + " " + where + ": Group ID " + groupId + " is " + groupTypeText
                    + " here but " + acc.type() + " on " + acc.firstLocation + "; kept the first");
        }

        // name
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String part = get(row, c.names[i]);
            if (part != null) {
                given.add(part);
            }
        }
        String family = get(row, c.names[5]);
        String givenText = given.isEmpty() ? null : String.join(" ", given);
        String full = givenText == null ? family : family == null ? givenText : givenText + " " + family;
        if (full == null) {
            throw new ListParseException(file, where, "row has no name (Name 1..6 empty, Group ID " + groupId + ")");
        }
        String aliasType = get(row, c.aliasType);
        NameKind kind = aliasKind(aliasType);
        if (kind == null) {
            kind = NameKind.AKA;
            if (unknownAliasTypes.add(String.valueOf(aliasType))) {
                warnings.add(file + " " + where + ": unknown Alias Type '" + aliasType + "' read as AKA");
            }
        }
        NameQuality quality = quality(get(row, c.aliasQuality));
        boolean individual = type == PartyType.INDIVIDUAL;
        acc.name(new PartyName(full, individual ? givenText : null, individual ? family : null, kind, quality, null));
        String nonLatin = get(row, c.nonLatinName);
        if (nonLatin != null) {
            acc.name(PartyName.of(nonLatin, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG));
        }

        // personal details
        String dobText = get(row, c.dob);
        if (dobText != null) {
            Optional<PartialDate> dob = UkText.dateOfBirth(dobText);
            if (dob.isPresent()) {
                acc.builder.dateOfBirth(dob.get());
            } else {
                warnings.add(file + " " + where + ": DOB '" + dobText + "' is not DD/MM/YYYY; kept as a remark");
                acc.remark("DOB as published: " + dobText);
            }
        }
        String town = get(row, c.townOfBirth);
        String countryOfBirth = get(row, c.countryOfBirth);
        if (town != null || countryOfBirth != null) {
            acc.builder.placeOfBirth(town == null ? countryOfBirth
                    : countryOfBirth == null ? town : town + ", " + countryOfBirth);
        }
        for (String n : UkText.enumeration(get(row, c.nationality))) {
            acc.builder.nationality(UkText.nationality(n));
        }
        for (String t : UkText.enumeration(get(row, c.title))) {
            acc.builder.title(t);
        }
        acc.builder.title(get(row, c.position));

        // documents
        String passportNumber = get(row, c.passportNumber);
        String passportDetails = get(row, c.passportDetails);
        if (passportNumber != null) {
            acc.builder.identifier(new Identifier(IdentifierType.PASSPORT, "Passport Number", passportNumber, null,
                    null, passportDetails));
        } else {
            UkText.documents(IdentifierType.PASSPORT, "Passport Details", passportDetails)
                    .forEach(acc.builder::identifier);
        }
        String idNumber = get(row, c.nationalIdNumber);
        if (idNumber != null) {
            acc.builder.identifier(new Identifier(IdentifierType.NATIONAL_ID, "National Identification Number",
                    idNumber, null, null, get(row, c.nationalIdDetails)));
        }
        UkText.documents(IdentifierType.NATIONAL_ID, "NI Number", get(row, c.niNumber))
                .forEach(acc.builder::identifier);

        // address
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String l = get(row, c.address[i]);
            if (l != null) {
                lines.add(l);
            }
        }
        String country = get(row, c.country);
        String postCode = get(row, c.postCode);
        if (!lines.isEmpty() || country != null || postCode != null) {
            acc.builder.address(new Address(lines.isEmpty() ? null : String.join(", ", lines), null, null, postCode,
                    country, UkText.countryCode(country)));
        }

        // other information
        String other = get(row, c.otherInformation);
        if (other != null) {
            acc.remark(other);
            for (String ref : UkText.unReferences(other)) {
                acc.builder.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UN Ref", ref, null, null, null));
            }
            for (String imo : UkText.imoNumbers(other)) {
                acc.builder.identifier(new Identifier(IdentifierType.IMO, "IMO", imo, null, null, null));
            }
        }

        acc.builder.designation(new Designation(Authorities.UK_OFSI, Authorities.UK_OFSI_LIST, regime, null,
                listedOn, groupId, URL, SOURCE_TYPE));
    }

    /** "Prime Alias"/"Primary Name" → PRIMARY, "AKA"/"Alias"/"Primary name variation" → AKA, "FKA" → FKA. */
    static NameKind aliasKind(String aliasType) {
        if (aliasType == null) {
            return null;
        }
        String t = aliasType.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").strip();
        if (t.startsWith("prim") && !t.contains("variation")) {
            return NameKind.PRIMARY;
        }
        return switch (t) {
            case "aka", "alias", "prime alias variation", "primary name variation" -> NameKind.AKA;
            case "fka", "formerly known as" -> NameKind.FKA;
            case "nka", "now known as" -> NameKind.NKA;
            default -> null;
        };
    }

    /** "Low quality…" → WEAK; anything else (including "Good quality…" and blank) → STRONG. */
    static NameQuality quality(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("low") ? NameQuality.WEAK : NameQuality.STRONG;
    }
}
