package io.vigil.registry.source.ofac;

import io.vigil.registry.model.Authorities;

/** The file-name table of OFAC's two legacy CSV sets: which files make up a set and how it is cited. */
enum OfacCsvSet {

    SDN("ofac-sdn-csv", Authorities.OFAC_SDN_LIST, "https://www.treasury.gov/ofac/downloads/sdn.csv",
            "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
    CONS("ofac-cons-csv", Authorities.OFAC_CONS_LIST,
            "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
            "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");

    /** Fields per row of each file; the files have no header row. */
    static final int MAIN_FIELDS = 12;
    static final int ADDRESS_FIELDS = 6;
    static final int ALIAS_FIELDS = 5;
    static final int COMMENT_FIELDS = 2;

    final String sourceType;
    final String listName;
    final String url;
    final String mainFile;
    final String addressFile;
    final String aliasFile;
    final String commentsFile;

    OfacCsvSet(String sourceType, String listName, String url, String mainFile, String addressFile,
            String aliasFile, String commentsFile) {
        this.sourceType = sourceType;
        this.listName = listName;
        this.url = url;
        this.mainFile = mainFile;
        this.addressFile = addressFile;
        this.aliasFile = aliasFile;
        this.commentsFile = commentsFile;
    }
}
