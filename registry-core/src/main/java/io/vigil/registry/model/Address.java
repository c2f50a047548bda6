package io.vigil.registry.model;

/**
 * A postal address or location as the source gives it. Any part may be null.
 *
 * @param street street lines joined with ", "
 * @param city city or town
 * @param region state, province or region
 * @param postalCode postal code
 * @param country country as written by the source, e.g. {@code "Korea, North"}
 * @param countryCode ISO 3166 alpha-2 code when the country is recognised, e.g. {@code KP}
 */
public record Address(String street, String city, String region, String postalCode, String country,
        String countryCode) {

    /** The parts that are present, joined with ", ". */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {street, city, region, postalCode, country}) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(part.strip());
            }
        }
        return sb.toString();
    }
}
