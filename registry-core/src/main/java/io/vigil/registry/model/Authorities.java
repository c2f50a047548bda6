package io.vigil.registry.model;

/** The authority and list names the parsers write into {@link Designation}s, so reports group them consistently. */
public final class Authorities {

    public static final String OFAC = "US Treasury OFAC";
    public static final String UN = "UN Security Council";
    public static final String EU = "EU Council";
    public static final String UK_OFSI = "UK HM Treasury OFSI";
    public static final String UK_FCDO = "UK FCDO";
    public static final String KOREA = "Republic of Korea";
    public static final String JAPAN = "Japan";

    public static final String OFAC_SDN_LIST = "Specially Designated Nationals and Blocked Persons List (SDN)";
    public static final String OFAC_CONS_LIST = "Consolidated Sanctions List (non-SDN)";
    public static final String UN_LIST = "United Nations Security Council Consolidated List";
    public static final String EU_LIST = "EU Consolidated Financial Sanctions List";
    public static final String UK_OFSI_LIST = "Consolidated List of Financial Sanctions Targets in the UK";
    public static final String UK_FCDO_LIST = "UK Sanctions List";

    private Authorities() {
    }
}
