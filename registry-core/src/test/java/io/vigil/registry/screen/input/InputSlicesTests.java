package io.vigil.registry.screen.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputSlicesTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 40})
    void slices_yieldTheWholeFilesItems(int parts) throws Exception {
        // given: a BOM, CRLF and CR line breaks, quoted fields over several lines, an unterminated quote, a repeated
        // id across the file, blank lines
        StringBuilder csv = new StringBuilder("\uFEFFid,name,type,date_of_birth,country,address\r\n\n");
        for (int i = 1; i <= 300; i++) {
            String sep = i % 7 == 0 ? "\r" : i % 3 == 0 ? "\r\n" : "\n";
            if (i % 11 == 0) {
                csv.append("C-").append(i).append(",\"Multi\nline ").append(i).append("\",person,,,").append(sep);
            } else if (i == 150) {
                csv.append("C-150,\"Broken,,,,,").append(sep);
            } else if (i % 50 == 0) {
                csv.append("C-7,Repeat ").append(i).append(",,,,").append(sep);
            } else {
                csv.append("C-").append(i).append(",Name ").append(i).append(",organization,,DE,").append(sep);
            }
            if (i % 40 == 0) {
                csv.append("\n");
            }
        }
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<InputItem> whole = read(InputFiles.open(file, InputKind.COUNTERPARTIES));

        // when
        InputSlices.Plan plan = InputSlices.plan(file, InputKind.COUNTERPARTIES, null, null, null, parts);
        List<InputItem> sliced = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            sliced.addAll(read(InputSlices.open(file, InputKind.COUNTERPARTIES, null, null, null,
                    plan.slices().get(i), plan.repeatsIn(i))));
        }

        // then
        assertThat(plan.slices()).hasSize(parts);
        assertThat(sliced).containsExactlyElementsOf(whole);
        if (parts > 1 && parts < 40) {
            assertThat(plan.slices().stream().filter(s -> !s.isEmpty()).count()).isGreaterThan(1);
        }
    }

    private static List<InputItem> read(InputReader reader) throws Exception {
        List<InputItem> items = new ArrayList<>();
        try (reader) {
            InputItem item;
            while ((item = reader.next()) != null) {
                items.add(item);
            }
        }
        return items;
    }
}
