package io.vigil.registry.screen.input;

import io.vigil.registry.match.MatchQuery;

/** Value checks shared by the readers. */
final class Values {

    private Values() {
    }

    /**
     * An ISO alpha-2 code, upper case, for a two-letter {@code text}; null for blank.
     *
     * @throws IllegalArgumentException naming {@code field} and the text when it is not a known alpha-2 code
     */
    static String country(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() != 2 || !Character.isLetter(t.charAt(0)) || !Character.isLetter(t.charAt(1))) {
            throw new IllegalArgumentException(field + " '" + text + "' is not an ISO 3166 alpha-2 code");
        }
        try {
            return MatchQuery.parseCountry(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a known ISO 3166 alpha-2 code", e);
        }
    }
}
