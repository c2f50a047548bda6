package io.vigil.registry.source.ofac;

import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;

/**
 * Reads OFAC's legacy Consolidated (non-SDN) CSV set (source type {@code ofac-cons-csv}) from a directory holding
 * {@code cons_prim.csv} (required) and, when present, {@code cons_add.csv}, {@code cons_alt.csv} and
 * {@code cons_comments.csv}. Same format and rules as {@link OfacSdnCsvParser}; designations cite the
 * Consolidated Sanctions List.
 *
 * <p>Example: {@code 9639,"HANIYA, Ismail Abdul Salah","individual","NS-PLC",-0- ,…,"DOB 1962; POB Shati."} →
 * party {@code ofac:9639}, INDIVIDUAL, DOB 1962 (YEAR), place of birth Shati, designation OFAC / Consolidated
 * list / NS-PLC / no legal basis / reference 9639.
 */
public final class OfacConsCsvParser implements ListParser {

    public OfacConsCsvParser() {
    }

    @Override
    public String sourceType() {
        return OfacCsvSet.CONS.sourceType;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        return new OfacCsvReader(OfacCsvSet.CONS).read(path).list();
    }
}
