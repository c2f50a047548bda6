package io.vigil.registry.alert;

import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The screened values an analyst saw when deciding an alert: the value (for a payment party, its normalized form),
 * and the type, date of birth and country given with it. Its {@link #fingerprint()} is stored with each decision,
 * so a later change of the customer's data re-raises a cleared alert, and {@link #changesSince} says what changed.
 *
 * @param value the screened value
 * @param type the party type given with it, or empty
 * @param dateOfBirth the date of birth given, or empty
 * @param country the country given, or empty
 */
public record ScreenedSubject(String value, String type, String dateOfBirth, String country) {

    public ScreenedSubject {
        Objects.requireNonNull(value, "value");
        type = type == null ? "" : type;
        dateOfBirth = dateOfBirth == null ? "" : dateOfBirth;
        country = country == null ? "" : country;
    }

    /** SHA-256 of the four values, each labelled, in a fixed order. */
    public String fingerprint() {
        String canonical = "value=" + value + "\ntype=" + type + "\ndob=" + dateOfBirth + "\ncountry=" + country + "\n";
        return Hashing.sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What changed from {@code before} to this, one phrase per value, e.g. {@code ["date of birth changed from 1971
     * to 1978"]}; empty when nothing did.
     */
    public List<String> changesSince(ScreenedSubject before) {
        List<String> out = new ArrayList<>();
        change(out, "screened value", before.value, value);
        change(out, "date of birth", before.dateOfBirth, dateOfBirth);
        change(out, "country", before.country, country);
        change(out, "type", before.type, type);
        return out;
    }

    private static void change(List<String> out, String label, String before, String after) {
        if (before.equals(after)) {
            return;
        }
        if (before.isEmpty()) {
            out.add(label + " " + quote(after) + " added");
        } else if (after.isEmpty()) {
            out.add(label + " " + quote(before) + " removed");
        } else {
            out.add(label + " changed from " + quote(before) + " to " + quote(after));
        }
    }

    private static String quote(String s) {
        return s.chars().allMatch(Character::isDigit) || s.matches("[0-9-]+") ? s : "'" + s + "'";
    }
}
