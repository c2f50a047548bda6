package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.registry.model.Party;
import io.vigil.registry.screen.sample.SampleGenerator;
import io.vigil.registry.screen.sample.SampleStats;
import io.vigil.registry.store.SnapshotStore;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil generate-sample counterparties|transactions --rows N --out FILE [--seed S] [--hit-rate R]}: a
 * realistic synthetic input file, with listed names of the active snapshot planted in variant spellings.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = "Writes a realistic synthetic counterparty or transaction file, for benchmarks and demos.")
class GenerateSampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KIND", description = "counterparties or transactions")
    String kind;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Number of rows.")
    long rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1): the "
            + "same seed gives the same file.")
    long seed;

    @Option(names = "--hit-rate", paramLabel = "R", defaultValue = "0.001",
            description = "Share of rows carrying a listed name in a variant spelling (default 0.001).")
    double hitRate;

    private final SnapshotStore store;

    GenerateSampleCommand(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public Integer call() throws Exception {
        boolean counterparties = kind.equalsIgnoreCase("counterparties");
        if (!counterparties && !kind.equalsIgnoreCase("transactions")) {
            throw new VigilException(ExitCodes.USAGE, "generate-sample needs counterparties or transactions, got '"
                    + kind + "'");
        }
        if (rows < 0 || hitRate < 0 || hitRate > 1) {
            throw new VigilException(ExitCodes.USAGE, "--rows must be 0 or more and --hit-rate between 0 and 1");
        }
        List<Party> listed = store.active().map(s -> store.parties(s.id())).orElse(List.of());
        if (listed.isEmpty() && hitRate > 0) {
            spec.commandLine().getErr().println("vigil: the registry is empty, so no listed names are planted "
                    + "(run 'vigil import-lists' first)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SampleGenerator generator = new SampleGenerator(listed, seed, hitRate);
        SampleStats stats;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            stats = counterparties ? generator.writeCounterparties(w, rows) : generator.writeTransactions(w, rows);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %,d %s rows, %,d with a listed name planted "
                + "(seed %d)%n", out, stats.rows(), kind.toLowerCase(Locale.ROOT), stats.planted(), seed);
        return ExitCodes.OK;
    }
}
