package io.vigil.registry.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One authority's designation of a party: the citation an auditor needs.
 *
 * @param authority e.g. {@code US Treasury OFAC}, {@code EU Council}, {@code UN Security Council},
 *     {@code UK FCDO}, {@code Republic of Korea}, {@code Japan}
 * @param listName the list it appears on
 * @param program the program or regime, e.g. {@code NPWMD}, {@code DPRK2}, {@code Democratic People's Republic of Korea}
 * @param legalBasis e.g. {@code E.O. 13382} or {@code Regulation (EU) 2017/1509}, null when the source gives none
 * @param listedOn the listing date when the source gives it, else null
 * @param sourceReference the entry's id or reference in the source, e.g. {@code 43598}, {@code KPi.066}
 * @param url where the designation is published (entry page, press release, Official Journal), or null
 * @param sourceType the {@link ListSource#sourceType()} of the imported file this came from
 */
public record Designation(String authority, String listName, String program, String legalBasis, LocalDate listedOn,
        String sourceReference, String url, String sourceType) {

    public Designation {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(listName, "listName");
        Objects.requireNonNull(sourceReference, "sourceReference");
        Objects.requireNonNull(sourceType, "sourceType");
    }
}
