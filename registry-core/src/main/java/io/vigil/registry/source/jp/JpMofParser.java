package io.vigil.registry.source.jp;

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
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.ReferenceData;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.WorkbookRows;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Japan Ministry of Finance list of asset-freeze targets (経済制裁措置及び対象者リスト, 資産凍結等対象者),
 * a workbook published as {@code shisantouketsuYYYYMMDD.xlsx} (formerly {@code .xls}); source type {@code jp-mof}.
 *
 * <p>Layout: an index sheet {@code 一覧}, then one sheet per programme named {@code "<n>.<programme>"}, e.g.
 * {@code 17.北朝鮮(協調；個人)}. Each programme sheet has title rows, then the header row
 * {@code 告示日付 | 告示番号 | 日本語表記 | 英語表記 | …}; the columns after 英語表記 differ from sheet to sheet and are
 * read by their header (別称・別名, 役職, 生年月日, 国籍, 旅券番号, 住所, その他の情報…). A sheet whose programme was
 * lifted ({@code 【解除】}) has no header and no entries. Rows whose 告示日付 has a line ending in {@code 削除} are
 * placeholders for removed entries, not parties; a row with no date, number or name continues the remarks of
 * the entry above it.
 *
 * <p>Mapping:
 * <ul>
 *   <li>party id {@code jp:<sheet number>-<notice number>}: the number before the dot of the sheet name and the
 *       告示番号 without its cross-reference in parentheses or its leading {@code #}/{@code *} mark
 *       ({@code 17.北朝鮮(協調；個人)}, {@code 73} → {@code jp:17-73}; {@code 15.…}, {@code #17} → {@code jp:15-17};
 *       {@code 17.…}, {@code 1(#48)} → {@code jp:17-1}). A number twice in one sheet fails the parse.</li>
 *   <li>one designation: authority {@link Authorities#JAPAN_MOF}, programme = the sheet name without its number,
 *       legal basis {@value #LEGAL_BASIS}, listed on = the first date of 告示日付 ({@code 2023.3.17}; later lines
 *       {@code 2017.6.9改訂} are amendments, kept as a remark), source reference = 告示番号 as written.</li>
 *   <li>names: the English name (英語表記) first, then the Japanese name (日本語表記), both primary; an
 *       {@code (original script: …)} part of the English name is an original-script name; aliases from every
 *       column whose header says 別名/別称 ("(a) … (b) …", lines and semicolons separate them), 旧称 and 以前/過去
 *       columns as former names, 確定に十分でない別名 as weak.</li>
 *   <li>date of birth as a date serial ({@code 20505} = 1956-02-20), a year number, or text ({@code 1950年},
 *       {@code 1960年頃}, {@code 1964年3月5日}, {@code 1958年から1960年の間}; several dates each);
 *       {@code 不明} (unknown) is no date.</li>
 *   <li>国籍 → nationalities (ISO code by {@code jp-countries.tsv}, else as written); 旅券番号 → passports with the
 *       issuing country from {@code （北朝鮮旅券）}; 身分証番号/身分登録番号/ID番号 → national ids; 国連参照番号 →
 *       UN reference; 住所/所在地 → an address; 役職/肩書/称号 → titles; 性別：男性/女性 → gender; anything else →
 *       remarks.</li>
 *   <li>type: a sheet named 個人 holds individuals and one named 団体 or 銀行 organizations; in a mixed sheet an
 *       entry with a date of birth, passport or nationality is an individual, else unknown.</li>
 * </ul>
 * The workbook states no edition date; the publication date is the latest date in any 告示日付 cell.
 */
public final class JpMofParser implements ListParser {

    public static final String SOURCE_TYPE = "jp-mof";
    public static final String URL = "https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/"
            + "economic_sanctions/list.html";
    public static final String LEGAL_BASIS = "Foreign Exchange and Foreign Trade Act (外為法)";

    private static final Pattern SHEET_NUMBER = Pattern.compile("^\\s*(\\d{1,3})\\s*[.．]\\s*(.*)$");
    private static final Pattern NOTICE_DATE = Pattern.compile("(\\d{4})\\s*[.．]\\s*(\\d{1,2})\\s*[.．]\\s*(\\d{1,2})");
    private static final Pattern NOTICE_NUMBER = Pattern.compile("[0-9A-Za-z.-]+");
    private static final Pattern ORIGINAL_SCRIPT = Pattern.compile("[(（]\\s*original script\\s*[:：]\\s*([^)）]+)[)）]",
            Pattern.CASE_INSENSITIVE);
    /** Alias enumeration marks: (a) （ｂ） (1) ａ） … */
    private static final Pattern MARKER = Pattern.compile("[(（]\\s*(?:[a-zａ-ｚ]{1,2}|\\d{1,2}|[０-９]{1,2})\\s*[)）]");
    private static final Pattern JP_DATE = Pattern.compile(
            "(\\d{4})年(?:\\s*(\\d{1,2})月(?:\\s*(\\d{1,2})日)?)?"
                    + "(?:\\s*(?:から|-|－|～|~|―)\\s*(\\d{4})年(?:\\s*(\\d{1,2})月(?:\\s*(\\d{1,2})日)?)?)?");
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{0,3} ?\\d[0-9A-Z]{3,}(?:-[0-9A-Z]+)?)(?![A-Za-z0-9])");
    private static final Pattern ISSUER = Pattern.compile("([\\p{IsHan}\\p{IsKatakana}ー・]+?)(?:旅券|発行)");
    private static final Pattern AKA_PREFIX = Pattern.compile("^\\s*[(（]?\\s*[afn]\\.?k\\.?a\\.?\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** An a.k.a. after the start of a line, opening another alias. */
    private static final Pattern INNER_AKA = Pattern.compile("(?<=\\S)[\\s,;]*(?<![\\p{L}.])a\\.k\\.a\\.?\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GENDER = Pattern.compile("性別\\s*[:：]\\s*(男性|女性)");
    private static final Pattern UN_REF = Pattern.compile("[A-Z]{2}[ie]\\.\\d{1,4}");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int HEADER_SEARCH_ROWS = 15;

    private static final Map<String, String> COUNTRIES = countries();

    public JpMofParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        return read(path).list();
    }

    /** What one parse read, with the counts the tests check against SOURCES.md. */
    record Result(ParsedList list, int programmeSheets, int removedRows) {
    }

    Result read(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        Run run = new Run(String.valueOf(path.getFileName()));
        WorkbookRows.read(path, run);
        run.finishEntry();
        if (run.programmeSheets == 0) {
            throw new ListParseException(run.file, null, "not a Japan MOF asset-freeze workbook: no sheet has the "
                    + "header row 告示日付 | 告示番号 | 日本語表記 | 英語表記");
        }
        if (run.parties.isEmpty()) {
            throw new ListParseException(run.file, null, "the workbook lists no entries");
        }
        String note = run.latest == null ? "the workbook states no edition date"
                : "latest 告示日付 (notice date) in the workbook; the workbook states no edition date";
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.JAPAN_MOF, Authorities.JAPAN_MOF_LIST,
                run.latest, note, URL, List.of(sourceFile));
        return new Result(new ParsedList(source, run.parties, run.warnings), run.programmeSheets, run.removed);
    }

    /** The state of one parse: the sheet being read, its header, and the entry being built. */
    private static final class Run implements WorkbookRows.Visitor {
        final String file;
        final List<Party> parties = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int programmeSheets;
        int removed;
        LocalDate latest;

        private String sheetName;
        private String sheetNumber;
        private String programme;
        private PartyType sheetType;
        private Map<Integer, String> header;
        private boolean sheetHasDobColumn;
        private final Map<String, Integer> idsInSheet = new HashMap<>();
        private Entry entry;

        Run(String file) {
            this.file = file;
        }

        @Override
        public boolean sheet(int index, String name) throws ListParseException {
            finishEntry();
            sheetName = name;
            header = null;
            idsInSheet.clear();
            Matcher m = SHEET_NUMBER.matcher(name);
            if (!m.matches()) {
                sheetNumber = null;
                return false; // the index sheet 一覧 and anything else without a programme number
            }
            sheetNumber = m.group(1);
            programme = m.group(2).strip();
            sheetType = name.contains("個人") ? PartyType.INDIVIDUAL
                    : name.contains("団体") || name.contains("銀行") ? PartyType.ORGANIZATION : null;
            return true;
        }

        private String where(int row) {
            return "sheet '" + sheetName + "' row " + row;
        }

        @Override
        public void row(int rowNumber, String[] cells) throws ListParseException {
            try {
                readRow(rowNumber, cells);
            } catch (RuntimeException e) {
                throw new ListParseException(file, where(rowNumber), "cannot read the row: " + e.getMessage(), e);
            }
        }

        private void readRow(int rowNumber, String[] cells) throws ListParseException {
            if (header == null) {
                if (isHeader(cells)) {
                    header = new LinkedHashMap<>();
                    sheetHasDobColumn = false;
                    for (int i = 0; i < cells.length; i++) {
                        String h = compact(cells[i]);
                        if (h != null) {
                            header.put(i, h);
                            sheetHasDobColumn |= h.contains("生年月日");
                        }
                    }
                    programmeSheets++;
                } else if (rowNumber > HEADER_SEARCH_ROWS) {
                    if (!sheetName.contains("解除")) {
                        throw new ListParseException(file, "sheet '" + sheetName + "'", "no header row 告示日付 | "
                                + "告示番号 | 日本語表記 | 英語表記 in the first " + HEADER_SEARCH_ROWS + " rows");
                    }
                    header = Map.of(); // a lifted programme: ignore the rest of the sheet
                }
                return;
            }
            if (header.isEmpty()) {
                return;
            }
            String date = cell(cells, 0);
            String number = cell(cells, 1);
            String japanese = cell(cells, 2);
            String english = cell(cells, 3);
            if (date != null && isRemoved(date)) {
                finishEntry();
                removed++;
                noteDates(date, rowNumber);
                return;
            }
            if (date == null && number == null && japanese == null && english == null) {
                if (entry != null) {
                    for (int i = 4; i < cells.length; i++) {
                        String v = clean(cells[i]);
                        if (v != null) {
                            entry.builder.remark(v);
                        }
                    }
                } else {
                    warnings.add(file + " " + where(rowNumber) + ": text before the first entry ignored");
                }
                return;
            }
            finishEntry();
            if (japanese == null && english == null) {
                warnings.add(file + " " + where(rowNumber) + ": 告示番号 " + number + " has no name; row skipped");
                return;
            }
            if (date == null) {
                throw new ListParseException(file, where(rowNumber), "告示日付 (notice date) is empty");
            }
            if (number == null) {
                throw new ListParseException(file, where(rowNumber), "告示番号 (notice number) is empty");
            }
            startEntry(rowNumber, cells, date, number, japanese, english);
        }

        private static boolean isHeader(String[] cells) {
            return "告示日付".equals(compact(cell(cells, 0))) && "告示番号".equals(compact(cell(cells, 1)));
        }

        private static boolean isRemoved(String date) {
            for (String line : date.split("\\R")) {
                if (line.strip().endsWith("削除")) {
                    return true;
                }
            }
            return false;
        }

        /** Updates the latest date seen; returns the dates of the cell in order. */
        private List<LocalDate> noteDates(String text, int row) {
            List<LocalDate> dates = new ArrayList<>();
            Matcher m = NOTICE_DATE.matcher(text);
            while (m.find()) {
                try {
                    LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                    dates.add(d);
                    if (latest == null || d.isAfter(latest)) {
                        latest = d;
                    }
                } catch (DateTimeException e) {
                    warnings.add(file + " " + where(row) + ": '" + m.group() + "' is not a date; ignored");
                }
            }
            return dates;
        }

        private void startEntry(int row, String[] cells, String date, String number, String japanese,
                String english) throws ListParseException {
            String where = where(row);
            String firstLine = date.strip().split("\\R")[0];
            List<LocalDate> firstDates = noteDates(firstLine, row);
            if (firstDates.isEmpty()) {
                throw new ListParseException(file, where, "告示日付 '" + oneLine(date)
                        + "' does not start with a date like 2023.3.17");
            }
            noteDates(date, row);
            LocalDate listedOn = firstDates.get(0);
            String numberText = oneLine(number);
            String key = numberText.replaceAll("[(（][^)）]*[)）]", "").replaceAll("^[#*＃＊]+", "").strip();
            if (!NOTICE_NUMBER.matcher(key).matches()) {
                throw new ListParseException(file, where, "告示番号 '" + numberText + "' is not a notice number");
            }
            Integer previous = idsInSheet.putIfAbsent(key, row);
            if (previous != null) {
                throw new ListParseException(file, where, "告示番号 " + numberText + " appears twice in the sheet "
                        + "(first on row " + previous + ")");
            }
            entry = new Entry(Party.builder("jp:" + sheetNumber + "-" + key));
            PartyBuilder b = entry.builder;
            names(b, english, japanese);
            b.designation(new Designation(Authorities.JAPAN_MOF, Authorities.JAPAN_MOF_LIST, programme, LEGAL_BASIS,
                    listedOn, numberText, URL, SOURCE_TYPE));
            List<String> amendments = new ArrayList<>();
            for (String line : date.strip().split("\\R")) {
                if (line.contains("改訂")) {
                    amendments.add(line.strip());
                }
            }
            if (!amendments.isEmpty()) {
                b.remark("告示日付 (notice dates): " + oneLine(date).replace(" ", ", ") + " (改訂 = amended)");
            }
            Matcher cross = Pattern.compile("[(（]\\s*([#*＃＊]\\s*\\d+)\\s*[)）]").matcher(numberText);
            if (cross.find()) {
                b.remark("告示番号 " + numberText + ": also listed under " + cross.group(1)
                        + " of the UN Security Council resolution list (see the sheet's note)");
            }
            for (int i = 4; i < cells.length; i++) {
                String h = header.get(i);
                String v = clean(cells[i]);
                if (h != null && v != null) {
                    column(b, h, v, where);
                }
            }
        }

        private void names(PartyBuilder b, String english, String japanese) {
            if (english != null) {
                Matcher os = ORIGINAL_SCRIPT.matcher(english);
                List<String> originals = new ArrayList<>();
                while (os.find()) {
                    originals.add(os.group(1).strip());
                }
                String rest = ORIGINAL_SCRIPT.matcher(english).replaceAll(" ");
                boolean first = true;
                for (String line : rest.split("\\R")) {
                    String n = clean(line);
                    if (n != null) {
                        name(b, n, first ? NameKind.PRIMARY : NameKind.AKA, NameQuality.STRONG);
                        first = false;
                    }
                }
                for (String o : originals) {
                    name(b, o, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG);
                }
            }
            if (japanese != null) {
                boolean first = true;
                for (String line : japanese.split("\\R")) {
                    String n = clean(line);
                    if (n != null) {
                        name(b, n, first ? NameKind.PRIMARY : NameKind.AKA, NameQuality.STRONG);
                        first = false;
                    }
                }
            }
        }

        private void column(PartyBuilder b, String h, String v, String where) {
            if (h.contains("確定に十分でない")) {
                aliases(b, v, NameKind.AKA, NameQuality.WEAK);
            } else if (h.contains("旧称") || h.contains("以前") || h.contains("過去")) {
                aliases(b, v, NameKind.FKA, NameQuality.STRONG);
            } else if (h.contains("別名") || h.contains("別称")) {
                aliases(b, v, NameKind.AKA, NameQuality.STRONG);
            } else if (h.contains("生年月日")) {
                List<PartialDate> dobs = datesOfBirth(v);
                dobs.forEach(b::dateOfBirth);
                entry.hasPersonalDetail |= !dobs.isEmpty();
                if (h.contains("出生地")) {
                    b.remark(h + ": " + oneLine(v));
                }
            } else if (h.startsWith("出生地")) {
                if (!isUnknown(v)) {
                    b.placeOfBirth(oneLine(v));
                }
            } else if (h.equals("国籍")) {
                for (String n : parts(v)) {
                    if (!isUnknown(n)) {
                        b.nationality(COUNTRIES.getOrDefault(n, n));
                        entry.hasPersonalDetail = true;
                    }
                }
            } else if (h.contains("旅券")) {
                entry.hasPersonalDetail |= documents(b, IdentifierType.PASSPORT, h, v);
            } else if (h.contains("身分") || h.contains("ID番号")) {
                documents(b, IdentifierType.NATIONAL_ID, h, v);
            } else if (h.contains("国連参照番号")) {
                Matcher m = UN_REF.matcher(v);
                while (m.find()) {
                    b.identifier(new Identifier(IdentifierType.UN_REFERENCE, h, m.group(), null, null, null));
                }
            } else if (h.contains("住所") || h.contains("所在地")) {
                for (String a : parts(v)) {
                    if (!isUnknown(a)) {
                        String code = COUNTRIES.get(a);
                        b.address(new Address(code == null ? a : null, null, null, null, code == null ? null : a,
                                code));
                    }
                }
            } else if (h.contains("役職") || h.contains("肩書") || h.contains("称号")) {
                for (String t : parts(v)) {
                    if (!isUnknown(t)) {
                        b.title(t);
                    }
                }
            } else {
                Matcher g = GENDER.matcher(v);
                if (g.find()) {
                    b.gender(g.group(1).equals("男性") ? "Male" : "Female");
                }
                b.remark(h + ": " + oneLine(v));
            }
        }

        private static void name(PartyBuilder b, String text, NameKind kind, NameQuality quality) {
            String n = clean(text);
            if (n != null && n.codePoints().anyMatch(Character::isLetterOrDigit)) {
                b.name(PartyName.of(n, kind, quality));
            }
        }

        private static void aliases(PartyBuilder b, String v, NameKind kind, NameQuality quality) {
            for (String a : parts(v)) {
                if (!isUnknown(a)) {
                    name(b, a, kind, quality);
                }
            }
        }

        /** Passport or ID numbers in a cell, each with its issuing country when the cell names it. */
        private static boolean documents(PartyBuilder b, IdentifierType type, String label, String v) {
            boolean any = false;
            for (String part : v.split("\\R|[;；]|(?=[(（][a-zａ-ｚ][)）])")) {
                String p = clean(part);
                if (p == null || isUnknown(p)) {
                    continue;
                }
                Matcher m = DOCUMENT.matcher(p);
                if (!m.find()) {
                    continue;
                }
                String number = m.group(1).replace(" ", "");
                Matcher issuer = ISSUER.matcher(p);
                String country = null;
                String code = null;
                if (issuer.find()) {
                    country = issuer.group(1);
                    code = COUNTRIES.get(country);
                }
                b.identifier(new Identifier(type, label, number, country, code, p.equals(number) ? null : p));
                any = true;
            }
            return any;
        }

        void finishEntry() {
            if (entry == null) {
                return;
            }
            PartyBuilder b = entry.builder;
            PartyType type = sheetType != null ? sheetType
                    : entry.hasPersonalDetail ? PartyType.INDIVIDUAL
                    : sheetHasDobColumn ? PartyType.UNKNOWN : PartyType.ORGANIZATION;
            b.type(type);
            parties.add(b.build());
            entry = null;
        }
    }

    /** An entry being read. */
    private static final class Entry {
        final PartyBuilder builder;
        boolean hasPersonalDetail;

        Entry(PartyBuilder builder) {
            this.builder = builder;
        }
    }

    // ---- text helpers -----------------------------------------------------------------------------------------

    private static String cell(String[] cells, int i) {
        return i < cells.length ? clean(cells[i]) : null;
    }

    /** Stripped (including ideographic spaces), null when blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u3000', ' ').strip();
        while (!t.isEmpty() && "、,;；".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private static String compact(String s) {
        String c = clean(s);
        return c == null ? null : c.replaceAll("\\s+", "");
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean isUnknown(String s) {
        String c = clean(s);
        return c == null || c.equals("不明") || c.equalsIgnoreCase("unknown") || c.equals("-") || c.equals("－");
    }

    /**
     * The items of an enumerated cell: split at line breaks, semicolons and enumeration marks, e.g.
     * {@code "(a)アル・シャバブ、(b)シャバーブ"} → [アル・シャバブ, シャバーブ], {@code "ユ・チン\nYu Chin; Yoo Jin"} →
     * [ユ・チン, Yu Chin, Yoo Jin].
     */
    static List<String> parts(String v) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : MARKER.matcher(v).replaceAll("\n").split("\\R")) {
            boolean aka = AKA_PREFIX.matcher(line).find();
            // "(a.k.a. AK Alrosa PAO, a.k.a. PJSC Alrosa a.k.a. Alrosa Group)": each a.k.a. opens another name
            for (String piece : INNER_AKA.split(line)) {
                List<String> items = List.of(piece.split("[;；]"));
                if (items.size() == 1 && aka && twoNames(piece)) {
                    items = List.of(piece.split(","));
                }
                items.forEach(item -> add(out, item));
            }
        }
        return List.copyOf(out);
    }

    /**
     * An English alias line that holds two names joined by a comma: {@code (a.k.a. Samir Nadim Haroun, Farid Usama
     * Qadir)}. The comma of {@code SURNAME, Given} has a family name of one or two words before it ({@code ISSA,
     * Marwan}, {@code Al-Haq, Amin}, {@code Abu Omran, Ahmed}); three words or more on both sides of a single comma
     * are two full names. (The katakana line cannot tell: it writes both commas as 、.)
     */
    static boolean twoNames(String line) {
        String[] sides = AKA_PREFIX.matcher(line).replaceFirst("").split(",");
        if (sides.length != 2) {
            return false;
        }
        for (String side : sides) {
            if (side.strip().split("\\s+").length < 3) {
                return false;
            }
        }
        return true;
    }

    private static void add(Set<String> out, String item) {
        String c = clean(AKA_PREFIX.matcher(item).replaceFirst(""));
        if (c != null && (c.endsWith(")") || c.endsWith("）")) && c.indexOf('(') < 0 && c.indexOf('（') < 0) {
            // the bracket closing an alias list, half- or full-width ("…; Khalid Nasser Saleh）")
            c = clean(c.substring(0, c.length() - 1));
        }
        if (c != null && c.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(c);
        }
    }

    /**
     * Dates of birth in a 生年月日 cell: a date serial or year number, or every Japanese date in the text
     * ({@code 1950年}, {@code 1956年2月20日}, {@code 1958年から1960年の間}).
     */
    static List<PartialDate> datesOfBirth(String v) {
        List<PartialDate> out = new ArrayList<>();
        String t = v.strip();
        if (t.matches("\\d{1,6}")) {
            int n = Integer.parseInt(t);
            if (n >= 1800 && n <= 2100) {
                out.add(PartialDate.ofYear(n, t));
            } else if (n > 60 && n < 80_000) {
                LocalDate d = EXCEL_EPOCH.plusDays(n);
                out.add(PartialDate.ofDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), d.toString()));
            }
            return out;
        }
        Matcher m = JP_DATE.matcher(t);
        while (m.find()) {
            try {
                PartialDate from = date(m.group(1), m.group(2), m.group(3), m.group());
                if (m.group(4) == null) {
                    out.add(from);
                } else {
                    PartialDate to = date(m.group(4), m.group(5), m.group(6), m.group());
                    if (!to.latest().isBefore(from.earliest())) {
                        out.add(new PartialDate(from.earliest(), to.latest(),
                                io.vigil.registry.model.DatePrecision.RANGE, m.group()));
                    }
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                // not a date (e.g. month 13): left in the remark-free text, nothing guessed
            }
        }
        return out;
    }

    private static PartialDate date(String y, String mo, String d, String text) {
        int year = Integer.parseInt(y);
        if (mo == null) {
            return PartialDate.ofYear(year, text);
        }
        if (d == null) {
            return PartialDate.ofMonth(year, Integer.parseInt(mo), text);
        }
        return PartialDate.ofDay(year, Integer.parseInt(mo), Integer.parseInt(d), text);
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new HashMap<>();
        for (List<String> row : ReferenceData.rows(JpMofParser.class, "jp-countries.tsv", 2)) {
            m.put(row.get(1), row.get(0));
        }
        return Map.copyOf(m);
    }
}
