package io.vigil.batch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code vigil} command in-process against a private data directory and captures what it prints. The
 * database is the data directory's H2 file, or its own PostgreSQL database when the tests run on PostgreSQL (see
 * {@link TestDatabase}).
 */
public final class VigilRunner {

    private final Path dataDir;
    private final Path configDir;

    public VigilRunner(Path dataDir, Path configDir) {
        this.dataDir = dataDir;
        this.configDir = configDir;
    }

    /**
     * A runner on {@code workDir/data} whose configuration is {@code workDir/config/application.yml} with the given
     * {@code vigil:} section (YAML, indented under {@code vigil:}), after importing the bundled demo OFAC SDN set and
     * the shipped designation notices. Fails the test when the import fails.
     */
    public static VigilRunner withDemoRegistry(Path workDir, String vigilSection) throws Exception {
        Path config = Files.createDirectories(workDir.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n" + vigilSection);
        VigilRunner runner = new VigilRunner(workDir.resolve("data"), config);
        Result imported = runner.importDemoSdnAndNotices(workDir);
        if (imported.exitCode() != 0) {
            throw new AssertionError("demo import failed: " + imported);
        }
        return runner;
    }

    /** One command's outcome. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", dataDir.toString(), "--config", configDir.toString()));
        all.addAll(TestDatabase.args(dataDir));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilApplication.run(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies the bundled demo list folder {@code classpath:demo/lists/<folder>} to {@code target}. */
    public static java.nio.file.Path copyDemo(String folder, java.nio.file.Path target) throws Exception {
        java.nio.file.Path source = java.nio.file.Path.of(VigilRunner.class.getResource("/demo/lists/" + folder).toURI());
        java.nio.file.Files.createDirectories(target);
        try (var files = java.nio.file.Files.list(source)) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.copy(f, target.resolve(f.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /**
     * Imports the bundled demo OFAC SDN set (copied under {@code workDir}) and the shipped designation notices
     * ({@code config/notices}) into a new snapshot, as the screening and search tests need.
     */
    public Result importDemoSdnAndNotices(java.nio.file.Path workDir) throws Exception {
        java.nio.file.Path sdn = copyDemo("ofac-sdn", workDir.resolve("lists/ofac-sdn"));
        java.nio.file.Path notices = java.nio.file.Path.of("../config/notices").toAbsolutePath().normalize();
        return run("import-lists", "--source", "ofac-sdn-csv=" + sdn, "--source", "notices=" + notices);
    }
}
