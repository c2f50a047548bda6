package io.vigil.registry.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * registry-core may use Apache POI only to read list workbooks: every import of {@code org.apache.poi} in the
 * main sources is in {@code io.vigil.registry.source.WorkbookRows}. Writing workbooks (reports) belongs to the
 * reports module.
 */
class PoiConfinementTests {

    @Test
    void poi_isImportedOnlyByTheWorkbookReader() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> users;
        try (Stream<Path> files = Files.walk(main)) {
            users = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("org.apache.poi");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> main.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(users).containsExactly("io/vigil/registry/source/WorkbookRows.java");
    }
}
