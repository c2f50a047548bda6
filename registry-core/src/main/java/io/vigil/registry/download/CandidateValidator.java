package io.vigil.registry.download;

import java.nio.file.Path;

/**
 * Checks a freshly downloaded candidate before it replaces the last good copy, typically by running the parser:
 * {@code (source, path) -> parser.parse(path)}. Throwing any exception rejects the candidate; its message is
 * reported.
 */
@FunctionalInterface
public interface CandidateValidator {

    /** Accepts nothing special: the candidate is only checked for emptiness and expected hashes. */
    CandidateValidator ACCEPT_ALL = (source, candidate) -> { };

    /**
     * @param candidate the file, or the directory for a multi-file source, with the final file names
     * @throws Exception to reject the candidate
     */
    void validate(ConfiguredSource source, Path candidate) throws Exception;
}
