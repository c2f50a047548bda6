package io.vigil.registry.imports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code --source TYPE=PATH} of an import, e.g. {@code SourceRequest("ofac-sdn-csv", Path.of("lists/ofac"))}.
 *
 * @param sourceType a {@link io.vigil.registry.source.ListParser#sourceType()}
 * @param path the file or directory to parse
 */
public record SourceRequest(String sourceType, Path path) {
    public SourceRequest {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(path, "path");
    }

    /** Parses {@code TYPE=PATH}, e.g. {@code "un-xml=lists/un.xml"}. */
    public static SourceRequest parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("expected TYPE=PATH, got '" + spec + "'");
        }
        return new SourceRequest(spec.substring(0, eq).strip(), Path.of(spec.substring(eq + 1).strip()));
    }

    @Override
    public String toString() {
        return sourceType + "=" + path;
    }
}
