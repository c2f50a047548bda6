package io.vigil.registry.source;

import java.nio.file.Path;

/**
 * Reads one official list format into the common model. One implementation per format.
 *
 * <p>Contract: a parser reads the whole input or fails with a {@link ListParseException} naming the file and the
 * line, record or element; it never returns a partial result. XML is read with {@link SecureXml}: no DTDs, no
 * external entities, no entity expansion.
 */
public interface ListParser {

    /** The source type accepted by {@code import-lists --source TYPE=PATH}, e.g. {@code ofac-sdn-csv}. */
    String sourceType();

    /**
     * Parses the list at {@code path} (a file, or a directory for multi-file formats such as the OFAC CSV set).
     *
     * @throws ListParseException when the input is missing, empty, malformed, truncated or hostile
     */
    ParsedList parse(Path path) throws ListParseException;
}
