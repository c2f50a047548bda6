package io.vigil.registry.model;

import java.util.Locale;

/** Kinds of identifying documents and numbers carried by list entries. */
public enum IdentifierType {
    PASSPORT, NATIONAL_ID, TAX_ID, IMO, SWIFT_BIC, REGISTRATION, UN_REFERENCE, UK_SANCTIONS_LIST_REF, MMSI, CALL_SIGN, EMAIL, WEBSITE,
    AIRCRAFT_SERIAL, OTHER;

    /** Maps list wording ("Passport", "National ID No.", "Tax ID No.", "Vessel Registration Identification"…). */
    public static IdentifierType fromText(String text) {
        if (text == null) {
            return OTHER;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("passport")) {
            return PASSPORT;
        }
        if (t.contains("imo") || t.contains("vessel registration")) {
            return IMO;
        }
        if (t.contains("swift") || t.contains("bic")) {
            return SWIFT_BIC;
        }
        if (t.contains("mmsi")) {
            return MMSI;
        }
        if (t.contains("tax") || t.contains("inn") || t.contains("ruc") || t.contains("nit") || t.contains("rfc")) {
            return TAX_ID;
        }
        if (t.contains("national") || t.contains("cedula") || t.contains("identification number") || t.contains("id no")
                || t.contains("d.n.i") || t.contains("personal id") || t.contains("curp")) {
            return NATIONAL_ID;
        }
        if (t.contains("registration") || t.contains("registered") || t.contains("business number")
                || t.contains("company number") || t.contains("ogrn") || t.contains("legal entity number")) {
            return REGISTRATION;
        }
        if (t.contains("uk sanctions list ref")) {
            return UK_SANCTIONS_LIST_REF;
        }
        if (t.contains("un ref") || t.contains("un reference")) {
            return UN_REFERENCE;
        }
        if (t.contains("email")) {
            return EMAIL;
        }
        if (t.contains("website")) {
            return WEBSITE;
        }
        if (t.contains("call sign")) {
            return CALL_SIGN;
        }
        if (t.contains("aircraft") && (t.contains("serial") || t.contains("msn"))) {
            return AIRCRAFT_SERIAL;
        }
        return OTHER;
    }
}
