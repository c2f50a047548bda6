package io.vigil.registry.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Facts read straight from the raw official files, without the parsers, so the real-data tests compare the
 * registry against an independent reading: hashes, OFAC ent_num rows, UK group types, UN reference forms.
 */
final class RawListFacts {

    private static final Pattern ENT_NUM_ROW = Pattern.compile("^(\\d+),");
    private static final Pattern OLD_UN_REF = Pattern.compile("([QT])\\.?([IE])\\.[A-Z]{1,3}\\.(\\d{1,4})\\.\\d{2}");
    private static final Pattern UN_REF = Pattern.compile("([A-Z]{2})([IE])\\.(\\d{1,4})");

    private RawListFacts() {
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ent_num → the whole raw row (CR stripped) of an OFAC legacy CSV such as sdn.csv, in file order. OFAC rows
     * hold no line breaks, so one line is one row; lines that do not start with a number (the closing 0x1A) are
     * skipped.
     */
    static Map<Integer, String> ofacRows(Path csv) throws IOException {
        Map<Integer, String> rows = new LinkedHashMap<>();
        String text = Files.readString(csv, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            String row = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            Matcher m = ENT_NUM_ROW.matcher(row);
            if (m.find()) {
                String previous = rows.put(Integer.parseInt(m.group(1)), row);
                if (previous != null) {
                    throw new IllegalStateException(csv + ": ent_num " + m.group(1) + " twice");
                }
            }
        }
        return rows;
    }

    /** The third column (SDN_Type) of a raw sdn.csv row: {@code individual}, {@code vessel}, {@code -0-}… */
    static String sdnType(String row) throws IOException {
        try (Reader r = new java.io.StringReader(row)) {
            CSVRecord rec = CSVFormat.DEFAULT.parse(r).getRecords().get(0);
            return rec.get(2).strip();
        }
    }

    /** UK ConList: Group ID → Group Type ("Individual", "Entity"), read with commons-csv, header on line 2. */
    static Map<String, String> ukGroupTypes(Path csv) throws IOException {
        Map<String, String> groups = new TreeMap<>();
        String text = Files.readString(csv, StandardCharsets.ISO_8859_1);
        String body = text.substring(text.indexOf('\n') + 1);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = new java.io.StringReader(body)) {
            for (CSVRecord rec : format.parse(r)) {
                String previous = groups.put(rec.get("Group ID").strip(), rec.get("Group Type").strip());
                if (previous != null && !previous.equals(rec.get("Group Type").strip())) {
                    throw new IllegalStateException("group " + rec.get("Group ID") + " has two types");
                }
            }
        }
        return groups;
    }

    /**
     * A UN reference in the UN's current form, read independently of the linker: {@code QI.D.232.07} →
     * {@code QDi.232}, {@code TE.H.14.01} → {@code TAe.014}, {@code KPE.23} → {@code KPe.023}; other forms
     * ({@code E.29.I.1}) upper-cased.
     */
    static String currentUnReference(String written) {
        String v = written.replace(" ", "").toUpperCase(Locale.ROOT).replaceAll("\\.+$", "");
        Matcher old = OLD_UN_REF.matcher(v);
        if (old.matches()) {
            return (old.group(1).equals("Q") ? "QD" : "TA") + old.group(2).toLowerCase(Locale.ROOT) + "."
                    + String.format(Locale.ROOT, "%03d", Integer.parseInt(old.group(3)));
        }
        Matcher cur = UN_REF.matcher(v);
        if (cur.matches()) {
            return cur.group(1) + cur.group(2).toLowerCase(Locale.ROOT) + "."
                    + String.format(Locale.ROOT, "%03d", Integer.parseInt(cur.group(3)));
        }
        return v;
    }

    /** Sorted lower-case tokens of a name, diacritics stripped, punctuation as spaces: "CHOE, Chol-min" → "choe chol min". */
    static String nameTokens(String name) {
        String t = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String[] tokens = t.split(" ");
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /** Counts per key, sorted. */
    static <T> Map<String, Integer> countBy(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        items.forEach(i -> m.merge(key.apply(i), 1, Integer::sum));
        return m;
    }
}
