package io.vigil.batch.screening;

import io.vigil.registry.source.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a run directory against its {@code manifest.json}: every output listed must be there with the same
 * SHA-256, nothing may have been added, the manifest's fingerprint (printed in report.pdf) must still match the
 * manifest, and each input file, where it is still present, must have the SHA-256 it had when it was screened.
 *
 * <p>Example finding: {@code CHANGED report.xlsx: sha256 3a7b… in the manifest, 9f01… now}.
 */
public final class RunVerifier {

    /** One line per file checked; {@code problem} is true for a changed, added or removed file. */
    public record Finding(boolean problem, String line) {
    }

    private RunVerifier() {
    }

    public static List<Finding> verify(Path dir) throws IOException {
        Path manifestFile = dir.resolve(RunOutputs.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new java.nio.file.NoSuchFileException(manifestFile + " (not a run directory: no manifest.json)");
        }
        String text = Files.readString(manifestFile, StandardCharsets.UTF_8);
        JsonNode manifest;
        try {
            manifest = JsonMapper.builder().build().readTree(text);
        } catch (RuntimeException e) {
            return List.of(new Finding(true, "CHANGED manifest.json: not valid JSON any more (" + e.getMessage()
                    + ")"));
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        listed.add(RunOutputs.MANIFEST);
        for (JsonNode o : manifest.path("outputs")) {
            String name = o.path("name").asString();
            listed.add(name);
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                findings.add(new Finding(true, "REMOVED " + name + ": listed in the manifest, not in the directory"));
                continue;
            }
            String expected = o.path("sha256").asString();
            String actual = Hashing.sha256(file);
            findings.add(expected.equals(actual) ? new Finding(false, "OK      " + name + " sha256 " + actual)
                    : new Finding(true, "CHANGED " + name + ": sha256 " + expected + " in the manifest, " + actual
                            + " now"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).sorted().filter(n -> !listed.contains(n))
                    .forEach(n -> findings.add(new Finding(true, "ADDED   " + n + ": not in the manifest")));
        }
        String recorded = manifest.path(RunOutputs.PDF_FINGERPRINT).asString();
        String fingerprint = RunOutputs.manifestFingerprint(text);
        findings.add(fingerprint.equals(recorded)
                ? new Finding(false, "OK      manifest.json fingerprint " + fingerprint + " (printed in report.pdf)")
                : new Finding(true, "CHANGED manifest.json: its fingerprint is " + fingerprint + ", but "
                        + (recorded.isEmpty() ? "none is recorded" : recorded + " is recorded and printed in "
                                + "report.pdf")));
        for (JsonNode in : manifest.path("inputs")) {
            Path input = Path.of(in.path("path").asString());
            if (!Files.isRegularFile(input)) {
                findings.add(new Finding(false, "NOTE    input " + input + " is not present here; not checked"));
                continue;
            }
            String expected = in.path("sha256").asString();
            String actual = Hashing.sha256(input);
            findings.add(expected.equals(actual) ? new Finding(false, "OK      input " + input + " sha256 " + actual)
                    : new Finding(true, "CHANGED input " + input + ": sha256 " + expected + " when screened, "
                            + actual + " now"));
        }
        return findings;
    }
}
