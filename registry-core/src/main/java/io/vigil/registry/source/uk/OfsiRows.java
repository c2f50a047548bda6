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
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of an OFSI Consolidated List, whatever carries them (the CSV, or the {@code Data} sheet of the
 * workbook): row 1 {@code Last Updated | DD/MM/YYYY}, row 2 the header, then one row per name. The layout is
 * recognised by the header row, never by the file name:
 * <ul>
 *   <li>{@link Layout#OFSI_2022} (2022 and later, 36 columns): the header has every column of
 *       {@link #COLUMNS_2022_ONLY} (Name Non-Latin Script, Passport Number, National Identification Number,
 *       Alias Quality, UK Sanctions List Date Designated…);</li>
 *   <li>{@link Layout#OFSI_2018} (29 columns, and the layouts before 2022): none of them.</li>
 * </ul>
 * A header with some but not all of them, or without {@link UkOfsiCsvParser#REQUIRED_COLUMNS}, is refused.
 *
 * <p>In the 2022 layout, besides what the older layout gives: the non-Latin-script name is a name of its own
 * (original script); the {@code (UK Sanctions List Ref):RUS1831} in Other Information becomes an identifier of
 * type {@link IdentifierType#UK_SANCTIONS_LIST_REF} (which links the entry to the same designation on the FCDO UK
 * Sanctions List); the UK Sanctions List Date Designated is kept in a remark per regime beside Listed On (the
 * designation's listing date); alias type and quality as in the older layout ("Primary name" → primary,
 * "Primary name variation"/"AKA" → a.k.a., "FKA" → f.k.a., "Low quality" → weak).
 */
final class OfsiRows {

    /** The OFSI layouts, recognised by the header row. */
    enum Layout {
        OFSI_2018("2018 layout"), OFSI_2022("2022 layout");

        final String label;

        Layout(String label) {
            this.label = label;
        }
    }

    /** Columns only the 2022 and later layout has. */
    static final List<String> COLUMNS_2022_ONLY = List.of("Name Non-Latin Script", "Non-Latin Script Type",
            "Non-Latin Script Language", "Passport Number", "National Identification Number",
            "National Identification Details", "Alias Quality", "UK Sanctions List Date Designated");

    private static final Pattern UK_REF = Pattern.compile(
            "\\(\\s*UK Sanctions List Ref\\s*\\)\\s*:?\\s*([A-Z]{2,4}\\s?\\d{1,5})", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final String unit;
    private final List<String> warnings;
    private final Map<String, PartyAccumulator> groups = new LinkedHashMap<>();
    private final Set<String> unknownAliasTypes = new LinkedHashSet<>();
    private LocalDate published;
    private Columns cols;
    private int headerSize;
    private Layout layout;
    private int rows;

    /**
     * @param file the file name for messages
     * @param unit how rows are located in messages: {@code "line"} (CSV) or {@code "sheet 'Data' row"}
     * @param warnings where warnings go
     */
    OfsiRows(String file, String unit, List<String> warnings) {
        this.file = file;
        this.unit = unit;
        this.warnings = warnings;
        this.carrier = unit.equals("line") ? "CSV" : "workbook";
    }

    /** "CSV" or "workbook", for messages. */
    private final String carrier;

    private String where(long row) {
        return unit + " " + row;
    }

    Layout layout() {
        return layout;
    }

    int nameRows() {
        return rows;
    }

    /** Row 1: {@code Last Updated | DD/MM/YYYY}. */
    void lastUpdated(long row, String[] cells) throws ListParseException {
        String label = cells == null || cells.length == 0 ? null : UkText.clean(cells[0]);
        if (label == null || !"Last Updated".equalsIgnoreCase(label)) {
            throw new ListParseException(file, where(row), "not an OFSI consolidated list " + carrier
                    + ": expected " + (carrier.equals("CSV") ? "'Last Updated,DD/MM/YYYY'" : "'Last Updated | DD/MM/YYYY'"));
        }
        String dateText = cells.length > 1 && cells[1] != null ? cells[1].strip() : "";
        published = UkText.day(dateText).orElseThrow(() -> new ListParseException(file, where(row),
                "Last Updated date '" + dateText + "' is not DD/MM/YYYY"));
    }

    /** Row 2: the header, which tells the layout. */
    void header(long row, String[] cells) throws ListParseException {
        if (cells == null) {
            throw new ListParseException(file, where(row), "not an OFSI consolidated list " + carrier + ": no header line");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String h = UkText.clean(cells[i]);
            if (h != null) {
                header.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
            }
        }
        for (String required : UkOfsiCsvParser.REQUIRED_COLUMNS) {
            if (!header.containsKey(required.toLowerCase(Locale.ROOT))) {
                throw new ListParseException(file, where(row),
                        "not an OFSI consolidated list " + carrier + ": missing column " + required);
            }
        }
        List<String> present = COLUMNS_2022_ONLY.stream()
                .filter(c -> header.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        if (present.size() == COLUMNS_2022_ONLY.size()) {
            layout = Layout.OFSI_2022;
        } else if (present.isEmpty() || present.equals(List.of("Alias Quality"))) {
            layout = Layout.OFSI_2018;
        } else {
            List<String> missing = COLUMNS_2022_ONLY.stream().filter(c -> !present.contains(c)).toList();
            throw new ListParseException(file, where(row), "unrecognised OFSI layout: the header has "
                    + String.join(", ", present) + " of the 2022 layout but not " + String.join(", ", missing));
        }
        cols = new Columns(header);
        headerSize = cells.length;
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
        final int dateDesignated;
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
            dateDesignated = col(h, "UK Sanctions List Date Designated");
            groupId = col(h, "Group ID");
        }

        private static int col(Map<String, Integer> h, String name) {
            return h.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
        }
    }

    private static String get(String[] row, int index) {
        return index < 0 || index >= row.length ? null : UkText.clean(row[index]);
    }

    /** One name row. A workbook row may be shorter than the header (trailing empty cells); a CSV row may not. */
    void row(long line, String[] row) throws ListParseException {
        if (row.length > headerSize && java.util.Arrays.stream(row, headerSize, row.length)
                .anyMatch(v -> v != null && !v.isBlank())) {
            throw new ListParseException(file, where(line), "expected " + headerSize + " fields, found "
                    + row.length + " (malformed row)");
        }
        rows++;
        String where = where(line);
        String groupId = get(row, cols.groupId);
        if (groupId == null) {
            throw new ListParseException(file, where, "Group ID is empty");
        }
        if (!groupId.matches("[A-Za-z0-9._-]+")) {
            throw new ListParseException(file, where, "Group ID '" + groupId + "' is not an id");
        }
        String groupTypeText = get(row, cols.groupType);
        PartyType type = PartyType.fromText(groupTypeText);
        if (type == PartyType.UNKNOWN) {
            throw new ListParseException(file, where, "unknown Group Type '" + groupTypeText
                    + "' (expected Individual, Entity or Ship)");
        }
        String regime = get(row, cols.regime);
        if (regime == null) {
            throw new ListParseException(file, where, "Regime is empty (Group ID " + groupId + ")");
        }
        LocalDate listedOn = date(row, cols.listedOn, "Listed On", where, groupId);
        LocalDate designated = date(row, cols.dateDesignated, "UK Sanctions List Date Designated", where, groupId);

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
            String part = get(row, cols.names[i]);
            if (part != null) {
                given.add(part);
            }
        }
        String family = get(row, cols.names[5]);
        String givenText = given.isEmpty() ? null : String.join(" ", given);
        String full = givenText == null ? family : family == null ? givenText : givenText + " " + family;
        String nonLatin = get(row, cols.nonLatinName);
        if (full == null && nonLatin == null) {
            throw new ListParseException(file, where, "row has no name (Name 1..6 empty, Group ID " + groupId + ")");
        }
        String aliasType = get(row, cols.aliasType);
        NameKind kind = UkOfsiCsvParser.aliasKind(aliasType);
        if (kind == null) {
            kind = NameKind.AKA;
            if (unknownAliasTypes.add(String.valueOf(aliasType))) {
                warnings.add(file + " " + where + ": unknown Alias Type '" + aliasType + "' read as AKA");
            }
        }
        NameQuality quality = UkOfsiCsvParser.quality(get(row, cols.aliasQuality));
        boolean individual = type == PartyType.INDIVIDUAL;
        if (full != null) {
            acc.name(new PartyName(full, individual ? givenText : null, individual ? family : null, kind, quality,
                    null));
        }
        if (nonLatin != null) {
            acc.name(PartyName.of(nonLatin, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG));
        }

        // personal details
        String dobText = get(row, cols.dob);
        if (dobText != null) {
            Optional<PartialDate> dob = UkText.dateOfBirth(dobText);
            if (dob.isPresent()) {
                acc.builder.dateOfBirth(dob.get());
            } else {
                warnings.add(file + " " + where + ": DOB '" + dobText + "' is not DD/MM/YYYY; kept as a remark");
                acc.remark("DOB as published: " + dobText);
            }
        }
        String town = get(row, cols.townOfBirth);
        String countryOfBirth = get(row, cols.countryOfBirth);
        if (town != null || countryOfBirth != null) {
            acc.builder.placeOfBirth(town == null ? countryOfBirth
                    : countryOfBirth == null ? town : town + ", " + countryOfBirth);
        }
        for (String n : UkText.enumeration(get(row, cols.nationality))) {
            acc.builder.nationality(UkText.nationality(n));
        }
        for (String t : UkText.enumeration(get(row, cols.title))) {
            acc.builder.title(t);
        }
        acc.builder.title(get(row, cols.position));

        // documents
        String passportNumber = get(row, cols.passportNumber);
        String passportDetails = get(row, cols.passportDetails);
        if (passportNumber != null) {
            acc.builder.identifier(new Identifier(IdentifierType.PASSPORT, "Passport Number", passportNumber, null,
                    null, passportDetails));
        } else {
            UkText.documents(IdentifierType.PASSPORT, "Passport Details", passportDetails)
                    .forEach(acc.builder::identifier);
        }
        String idNumber = get(row, cols.nationalIdNumber);
        if (idNumber != null) {
            acc.builder.identifier(new Identifier(IdentifierType.NATIONAL_ID, "National Identification Number",
                    idNumber, null, null, get(row, cols.nationalIdDetails)));
        }
        UkText.documents(IdentifierType.NATIONAL_ID, "NI Number", get(row, cols.niNumber))
                .forEach(acc.builder::identifier);

        // address
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String l = get(row, cols.address[i]);
            if (l != null) {
                lines.add(l);
            }
        }
        String country = get(row, cols.country);
        String postCode = get(row, cols.postCode);
        if (!lines.isEmpty() || country != null || postCode != null) {
            acc.builder.address(new Address(lines.isEmpty() ? null : String.join(", ", lines), null, null, postCode,
                    country, UkText.countryCode(country)));
        }

        // other information
        String other = get(row, cols.otherInformation);
        if (other != null) {
            acc.remark(other);
            for (String ref : UkText.unReferences(other)) {
                acc.builder.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UN Ref", ref, null, null, null));
            }
            for (String imo : UkText.imoNumbers(other)) {
                acc.builder.identifier(new Identifier(IdentifierType.IMO, "IMO", imo, null, null, null));
            }
            Matcher uk = UK_REF.matcher(other);
            while (uk.find()) {
                acc.builder.identifier(new Identifier(IdentifierType.UK_SANCTIONS_LIST_REF, "UK Sanctions List Ref",
                        uk.group(1).replace(" ", "").toUpperCase(Locale.ROOT), null, null, null));
            }
        }
        if (designated != null) {
            acc.remark("Regime " + regime + ": Listed On " + (listedOn == null ? "not stated" : listedOn)
                    + ", UK Sanctions List Date Designated " + designated);
        }

        acc.builder.designation(new Designation(Authorities.UK_OFSI, Authorities.UK_OFSI_LIST, regime, null,
                listedOn, groupId, UkOfsiCsvParser.URL, sourceType));
    }

    private String sourceType = UkOfsiCsvParser.SOURCE_TYPE;

    /** The source type written into designations: {@code uk-ofsi-csv} unless the workbook parser says otherwise. */
    OfsiRows sourceType(String type) {
        this.sourceType = type;
        return this;
    }

    private LocalDate date(String[] row, int column, String label, String where, String groupId)
            throws ListParseException {
        String text = get(row, column);
        if (text == null) {
            return null;
        }
        return UkText.day(text).orElseThrow(() -> new ListParseException(file, where,
                label + " '" + text + "' is not DD/MM/YYYY (Group ID " + groupId + ")"));
    }

    /** Every party read, as one list of the given source type. */
    ParsedList finish(String type, SourceFile sourceFile, String dateLocation) throws ListParseException {
        if (groups.isEmpty()) {
            throw new ListParseException(file, where(3), "the list has no entries");
        }
        List<Party> parties = new ArrayList<>(groups.size());
        for (PartyAccumulator acc : groups.values()) {
            if (!acc.hasNames()) {
                throw new ListParseException(file, acc.firstLocation, "party " + acc.builder.id() + " has no name");
            }
            parties.add(acc.build());
        }
        ListSource source = new ListSource(type, Authorities.UK_OFSI, Authorities.UK_OFSI_LIST, published,
                "'Last Updated' on " + dateLocation + " (DD/MM/YYYY); OFSI " + layout.label, UkOfsiCsvParser.URL,
                List.of(sourceFile));
        return new ParsedList(source, parties, warnings);
    }
}
