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
 * <p>Both OFSI layouts are read, recognised by the header row ({@link OfsiRows}): the 2018 layout (29 columns) and
 * the 2022 and later layout (36 columns: non-Latin-script names, UK Sanctions List reference and designation date,
 * alias quality). Line 1 is {@code Last Updated,DD/MM/YYYY} (the publication date); line 2 is the header; every
 * further line is
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
        OfsiRows rows = new OfsiRows(file, "line", warnings);
        try (CSVParser csv = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> it = csv.iterator();
            long line = csv.getCurrentLineNumber() + 1;
            CSVRecord first = next(it, file, line);
            rows.lastUpdated(1, first == null ? null : first.values());
            line = csv.getCurrentLineNumber() + 1;
            CSVRecord headerRecord = next(it, file, line);
            rows.header(2, headerRecord == null ? null : headerRecord.values());
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
                rows.row(line, row.values());
            }
        } catch (IOException e) {
            throw new ListParseException(file, null, "cannot read CSV: " + e.getMessage(), e);
        }
        return rows.finish(SOURCE_TYPE, sourceFile, "line 1");
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
