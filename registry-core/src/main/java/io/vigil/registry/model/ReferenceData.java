package io.vigil.registry.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated reference tables bundled beside the classes that use them ({@code countries.tsv},
 * {@code ofac-programs.tsv}, {@code un-regimes.tsv}…): UTF-8, one row a line, blank lines and lines starting with
 * {@code #} skipped, every field stripped. A missing resource or a row with another number of fields is a build
 * error, reported as an {@link IllegalStateException} naming the table and line.
 *
 * <p>Example: {@code rows(OfacPrograms.class, "ofac-programs.tsv", 2)} over the line
 * {@code "DPRK3\tExecutive Order 13722"} → {@code [["DPRK3", "Executive Order 13722"]]}; three fields on line 7
 * → {@code IllegalStateException("ofac-programs.tsv line 7: expected 2 tab-separated fields, found 3: …")}.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * The rows of the resource {@code name} beside {@code owner}, each with exactly {@code columns} stripped fields.
     */
    public static List<List<String>> rows(Class<?> owner, String name, int columns) {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != columns) {
                    throw new IllegalStateException(name + " line " + number + ": expected " + columns
                            + " tab-separated fields, found " + parts.length + ": " + line);
                }
                List<String> row = new ArrayList<>(columns);
                for (String p : parts) {
                    row.add(p.strip());
                }
                rows.add(List.copyOf(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }
}
