package io.vigil.registry.model;

/** The authority and list names the parsers write into {@link Designation}s, so reports group them consistently. */
public final class Authorities {

    public static final String OFAC = "US Treasury OFAC";
    public static final String UN = "UN Security Council";
    public static final String EU = "EU Council";
    public static final String UK_OFSI = "UK HM Treasury OFSI";
    public static final String UK_FCDO = "UK FCDO";
    public static final String KOREA = "Republic of Korea";
    /** Japan in a designation notice, when the announcing ministry is not recorded. */
    public static final String JAPAN = "Japan";
    /** Japan's Ministry of Finance, which publishes the asset-freeze list under the Foreign Exchange Act. */
    public static final String JAPAN_MOF = "Japan Ministry of Finance";

    public static final String OFAC_SDN_LIST = "Specially Designated Nationals and Blocked Persons List (SDN)";
    public static final String OFAC_CONS_LIST = "Consolidated Sanctions List (non-SDN)";
    public static final String UN_LIST = "United Nations Security Council Consolidated List";
    public static final String EU_LIST = "EU Consolidated Financial Sanctions List";
    public static final String UK_OFSI_LIST = "Consolidated List of Financial Sanctions Targets in the UK";
    public static final String UK_FCDO_LIST = "UK Sanctions List";
    public static final String JAPAN_MOF_LIST = "List of persons subject to asset freeze measures "
            + "(資産凍結等の措置の対象者)";

    private Authorities() {
    }
}
