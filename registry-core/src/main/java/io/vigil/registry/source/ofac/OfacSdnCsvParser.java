package io.vigil.registry.source.ofac;

import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;

/**
 * Reads OFAC's legacy SDN CSV set (source type {@code ofac-sdn-csv}) from a directory holding {@code sdn.csv}
 * (required) and, when present, {@code add.csv}, {@code alt.csv} and {@code sdn_comments.csv}.
 *
 * <p>Remarks continued in {@code sdn_comments.csv} are joined before parsing; comment, address or alias rows whose
 * ent_num is not in {@code sdn.csv} become warnings. Bytes that are not UTF-8 are read as windows-1252, with a
 * warning. A malformed row (wrong field count, non-numeric ent_num, unterminated quote) fails with a
 * {@link ListParseException} naming the file and line. The publication date is null: the files state none.
 *
 * <p>Example: the row {@code 43598,"CHOE, Chol Min","individual","NPWMD",-0- ,…,"DOB 03 Apr 1978; nationality
 * Korea, North; Gender Male; …; Passport 108410050 (Korea, North) expires 19 Oct 2023; Linked To: SECOND ACADEMY
 * OF NATURAL SCIENCES."} with {@code add.csv} row {@code 43598,65028,-0- ,"Beijing","China",-0- } → party
 * {@code ofac:43598}, INDIVIDUAL, name CHOE, Chol Min (family CHOE, given Chol Min), DOB 1978-04-03, nationality
 * KP, gender Male, passport 108410050 (KP, "expires 19 Oct 2023"), address Beijing, China (CN), relation Linked
 * To SECOND ACADEMY OF NATURAL SCIENCES, designation OFAC / SDN list / NPWMD / E.O. 13382 / reference 43598.
 */
public final class OfacSdnCsvParser implements ListParser {

    public OfacSdnCsvParser() {
    }

    @Override
    public String sourceType() {
        return OfacCsvSet.SDN.sourceType;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        return new OfacCsvReader(OfacCsvSet.SDN).read(path).list();
    }
}
