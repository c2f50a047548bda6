package io.vigil.registry.alert;

import io.vigil.registry.screen.HitKind;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The identity of an alert: one screened subject against one listed party within a book.
 *
 * <ul>
 *   <li>In a counterparty book the subject is the record id and the field: a customer is the same customer every
 *       night, whatever file the book arrives in ({@code record:C-17|name}).</li>
 *   <li>In a payments stream the subject is the screened party itself: the role of its field (originator,
 *       beneficiary, bank, free text) and its normalized value ({@code bank|societe generale}). A clearance of
 *       that pair then covers every later payment naming the same bank.</li>
 *   <li>An embargoed-country hit has no listed party; it stays per payment ({@code record:P-9|beneficiary_country|kp}).</li>
 * </ul>
 *
 * <p>The alert id is derived from the book, the subject and the party ({@code A-} and 16 hex digits of their
 * SHA-256), so it is stable across nights and the same in every database.
 */
public final class AlertSubjects {

    private static final Set<String> AGENTS = Set.of("DbtrAgt", "CdtrAgt", "IntrmyAgt1", "IntrmyAgt2", "IntrmyAgt3",
            "InstgAgt", "InstdAgt", "PrvsInstgAgt1", "PrvsInstgAgt2", "PrvsInstgAgt3");
    private static final Set<String> ORIGINATORS = Set.of("originator_name", "Dbtr", "UltmtDbtr", "InitgPty");
    private static final Set<String> BENEFICIARIES = Set.of("beneficiary_name", "Cdtr", "UltmtCdtr");

    private AlertSubjects() {
    }

    /** The subject key of a hit's screened value in a book of the given kind. */
    public static String subjectKey(BookKind book, String recordId, String field, HitKind kind, String value) {
        if (book == BookKind.COUNTERPARTIES) {
            return "record:" + recordId + "|" + field;
        }
        if (kind == HitKind.COUNTRY) {
            return "record:" + recordId + "|" + field + "|" + normalize(value);
        }
        return role(field, kind) + "|" + normalize(value);
    }

    /**
     * The role of a payment field: {@code originator}, {@code beneficiary}, {@code bank} (bank names and BICs, of
     * whichever side), {@code free_text}, or the field itself for anything else.
     */
    public static String role(String field, HitKind kind) {
        if (kind == HitKind.FREE_TEXT) {
            return "free_text";
        }
        String base = field.endsWith(".BIC") ? field.substring(0, field.length() - 4) : field;
        if (kind == HitKind.BIC || base.endsWith("_bank") || AGENTS.contains(base)) {
            return "bank";
        }
        if (ORIGINATORS.contains(base)) {
            return "originator";
        }
        if (BENEFICIARIES.contains(base)) {
            return "beneficiary";
        }
        return base;
    }

    /**
     * A value as a subject key holds it: compatibility-decomposed, diacritics removed, lower case, every run of
     * characters that are not letters or digits one space ({@code "SOCIÉTÉ  Générale,"} → {@code "societe generale"}).
     */
    public static String normalize(String value) {
        String d = Normalizer.normalize(value, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp) || type == Character.COMBINING_SPACING_MARK) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The screened values of a hit as an analyst sees them: for a counterparty, the value as given with the type,
     * date of birth and country given with it; for a payment party, its normalized value (so every payment spelling
     * the bank the same way is the same subject) with its type and country.
     */
    public static ScreenedSubject subject(BookKind book, InputRecord record, ScreeningHit hit) {
        ScreenedValue given = null;
        for (ScreenedValue v : record.values()) {
            if (v.field().equals(hit.field())) {
                given = v;
                break;
            }
        }
        String type = given == null || given.type() == null ? "" : given.type().name().toLowerCase(Locale.ROOT);
        String dob = given == null || given.dateOfBirth() == null ? "" : given.dateOfBirth().strip();
        String country = given == null || given.country() == null ? "" : given.country().strip().toUpperCase(
                Locale.ROOT);
        String value = book == BookKind.PAYMENTS ? normalize(hit.screenedValue()) : hit.screenedValue();
        return new ScreenedSubject(value, type, dob, country);
    }

    /** {@code A-} and the first 16 hex digits of SHA-256(book, subject, party); party is empty for a country hit. */
    public static String alertId(String book, String subjectKey, String partyId) {
        String h = Hashing.sha256((book + '\u0000' + subjectKey + '\u0000' + partyId).getBytes(StandardCharsets.UTF_8));
        return "A-" + h.substring(0, 16);
    }
}
