package io.vigil.registry.match;

import io.vigil.registry.match.score.QueryAttributes;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.PartyType;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One name to screen, with the attributes the record gives (each may be null).
 *
 * <p>Example: {@code MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978").withCountry("CN")}.
 *
 * @param name the name, in any script
 * @param dateOfBirth {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, parsed
 * @param country ISO 3166 alpha-2, upper case
 * @param type person, organization, vessel or aircraft
 */
public record MatchQuery(String name, PartialDate dateOfBirth, String country, PartyType type) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public MatchQuery {
        Objects.requireNonNull(name, "name");
        if (type == PartyType.UNKNOWN) {
            type = null;
        }
    }

    public static MatchQuery of(String name) {
        return new MatchQuery(name, null, null, null);
    }

    /** With a date of birth written {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; null or blank for none. */
    public MatchQuery withDateOfBirth(String text) {
        return new MatchQuery(name, parseDate(text), country, type);
    }

    /** With a country: ISO alpha-2 or a country name; null or blank for none. */
    public MatchQuery withCountry(String text) {
        return new MatchQuery(name, dateOfBirth, parseCountry(text), type);
    }

    public MatchQuery withType(PartyType t) {
        return new MatchQuery(name, dateOfBirth, country, t);
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException naming the text when it is not such a date
     */
    public static PartialDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("date of birth '" + text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return PartialDate.ofYear(year, t);
            }
            int month = Integer.parseInt(m.group(2));
            return m.group(3) == null ? PartialDate.ofMonth(year, month, t)
                    : PartialDate.ofDay(year, month, Integer.parseInt(m.group(3)), t);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date of birth '" + text + "' is not a real date", e);
        }
    }

    /**
     * An ISO alpha-2 code (upper case) for a code or country name.
     *
     * @throws IllegalArgumentException naming the text when no country is recognised
     */
    public static String parseCountry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Countries.toIso2(text.strip()).orElseThrow(() -> new IllegalArgumentException("country '" + text
                + "' is not an ISO 3166 alpha-2 code or a known country name")).toUpperCase(Locale.ROOT);
    }

    QueryAttributes attributes() {
        return new QueryAttributes(dateOfBirth, country, type);
    }
}
