package io.vigil.batch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code vigil} command in-process against a private data directory and captures what it prints. */
public final class VigilRunner {

    private final Path dataDir;
    private final Path configDir;

    public VigilRunner(Path dataDir, Path configDir) {
        this.dataDir = dataDir;
        this.configDir = configDir;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilApplication.run(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
