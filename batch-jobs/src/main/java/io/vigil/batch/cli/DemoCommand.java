package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.VigilProperties;
import io.vigil.batch.imports.ImportListsLauncher;
import io.vigil.batch.launch.RunLock;
import io.vigil.batch.nightly.NightlyLauncher;
import io.vigil.registry.imports.SourceRequest;
import io.vigil.registry.store.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil demo}: imports the bundled demo lists (small files in the official formats) and the designation
 * notices of the configuration directory into the demo data directory ({@code data/demo} unless {@code --data} is
 * given), then shows the registry.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Imports the bundled demo lists (OFAC SDN CSV, UN XML, UK OFSI CSV, EU XML in their official "
                + "formats) and config/notices into data/demo, then runs the nightly job on the bundled demo "
                + "counterparty and transaction files for business date 2026-11-20, writes the reports and prints "
                + "where they are.",
                "Uses its own database under data/demo unless --data is given, so it never touches a production "
                + "registry."})
class DemoCommand implements Callable<Integer> {

    /** Bundled demo folder or file → source type, in import order. */
    private static final String[][] DEMO_SOURCES = {
        {"ofac-sdn", "ofac-sdn-csv"},
        {"un/consolidated.xml", "un-xml"},
        {"uk/ConList.csv", "uk-ofsi-csv"},
        {"eu/sanctions.xml", "eu-xml"},
    };

    @Spec
    CommandSpec spec;

    /** The business date the demo screens for. */
    static final java.time.LocalDate DEMO_DATE = java.time.LocalDate.of(2026, 11, 20);

    private final ImportListsLauncher imports;
    private final SnapshotStore store;
    private final VigilProperties properties;
    private final NightlyLauncher nightly;
    private final Clock clock;

    private final io.vigil.batch.alerts.AlertDecisions decisions;
    private final io.vigil.batch.alerts.AlertStore alerts;

    DemoCommand(ImportListsLauncher imports, SnapshotStore store, VigilProperties properties, NightlyLauncher nightly,
            Clock clock, io.vigil.batch.alerts.AlertDecisions decisions, io.vigil.batch.alerts.AlertStore alerts) {
        this.decisions = decisions;
        this.alerts = alerts;
        this.imports = imports;
        this.store = store;
        this.properties = properties;
        this.nightly = nightly;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path lists = properties.dataDir().resolve("input").resolve("lists");
        extractDemo("lists", lists);
        Path inputs = properties.dataDir().resolve("input").resolve("files");
        extractDemo("inputs", inputs);
        List<SourceRequest> requests = new ArrayList<>();
        for (String[] s : DEMO_SOURCES) {
            Path p = lists.resolve(s[0]);
            if (Files.exists(p)) {
                requests.add(new SourceRequest(s[1], p));
            }
        }
        Path notices = properties.configDir().resolve("notices");
        if (Files.isDirectory(notices)) {
            requests.add(new SourceRequest("notices", notices));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "demo", clock.instant())) {
            out.println("Vigil demo: importing the bundled demo lists into " + properties.dataDir());
            int code = ImportListsCommand.importLists(imports, requests, out, err);
            if (code != ExitCodes.OK) {
                return code;
            }
            long snapshot = store.active().orElseThrow().id();
            out.println();
            RegistryPrinter.status(store.find(snapshot).orElseThrow(), store.entries(snapshot), out);
            out.println();
            out.println("Running the nightly job for business date " + DEMO_DATE + " on the demo customers and "
                    + "payments");
            var outcome = nightly.launch(DEMO_DATE, inputs.resolve("counterparties.csv"),
                    inputs.resolve("transactions.csv"), null, false, true);
            code = ScreenCommand.report(outcome.execution(), nightly, out, err);
            out.println();
            if (code != ExitCodes.OK) {
                return code;
            }
            out.println("Between the nights, the analysts decide (as they would in report.xlsx's Decisions sheet or "
                    + "with 'vigil decide'):");
            record(out, "CP-10002", io.vigil.registry.alert.DecisionAction.TRUE_MATCH,
                    "same person: name, year of birth and Beijing address match the OFAC entry", "demo.analyst");
            record(out, "CP-10015", io.vigil.registry.alert.DecisionAction.FALSE_POSITIVE,
                    "different person: born 1981, name differs from CHOE Un Jong", "demo.analyst");
            record(out, "CP-10010", io.vigil.registry.alert.DecisionAction.FALSE_POSITIVE,
                    "different person: born 1957, the listed YU Jin was born 1960", "demo.analyst");
            out.println();
            out.println("Running the nightly job for business date " + DEMO_DATE.plusDays(1) + ": the same customers, "
                    + "CP-10010's date of birth corrected to 1960, and the day's new payments");
            outcome = nightly.launch(DEMO_DATE.plusDays(1), inputs.resolve("night2/counterparties.csv"),
                    inputs.resolve("night2/transactions.csv"), null, false, true);
            code = ScreenCommand.report(outcome.execution(), nightly, out, err);
            out.println();
            if (code != ExitCodes.OK) {
                return code;
            }
            out.println("CP-10015 stays cleared (suppressed, citing its decision); CP-10010 is re-raised because its "
                    + "date of birth changed; CP-10002 is reported as confirmed.");
            out.println();
        }
        String data = "--data " + properties.dataDir();
        out.println("Next:");
        out.println("  ./vigil " + data + " registry show ofac:43598     # CHOE Chol Min, every field cited");
        out.println("  ./vigil " + data + " registry show ofac:39496     # JON Il Ho, with the EU and notice entries linked");
        out.println("  ./vigil " + data + " search \"Choi Cheol-min\" --dob 1978   # an ad-hoc lookup, explained");
        out.println("  ./vigil " + data + " jobs                          # the runs, their counts and status");
        out.println("  ./vigil " + data + " verify DIR                    # check a run directory against its manifest");
        out.println("  ./vigil " + data + " alerts --status open          # the work queue");
        out.println("  ./vigil " + data + " decisions verify              # the decision log's hash chain");
        return ExitCodes.OK;
    }

    /** Records one demo decision on the counterparty alert of a record. */
    private void record(PrintWriter out, String recordId, io.vigil.registry.alert.DecisionAction action, String reason,
            String reviewer) {
        for (io.vigil.batch.alerts.AlertStore.Listed l : alerts.list(new io.vigil.batch.alerts.AlertStore.Query("all",
                null, null, properties.alerts().counterpartyBook(), 1000))) {
            if (l.alert().recordId().equals(recordId)) {
                var r = decisions.record(List.of(new io.vigil.batch.alerts.AlertDecisions.Request(recordId,
                        l.alert().alertId(), action, reason, reviewer, false, 0, null))).get(0);
                out.printf(java.util.Locale.ROOT, "  %s %s (%s, %s): %s by %s: %s%n", r.decision().ref(),
                        l.alert().alertId(), recordId, l.alert().screenedValue(), action.label(), reviewer, reason);
            }
        }
    }

    /** Copies {@code classpath:demo/<folder>/**} to {@code target}, replacing what an earlier demo left there. */
    private static void extractDemo(String folder, Path target) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver(DemoCommand.class.getClassLoader());
        Resource base = resolver.getResource("classpath:demo/" + folder + "/");
        String baseUrl = base.getURL().toString();
        for (Resource r : resolver.getResources("classpath:demo/" + folder + "/**/*")) {
            if (!r.isReadable()) {
                continue; // a directory
            }
            String relative = r.getURL().toString().substring(baseUrl.length());
            Path dest = target.resolve(relative).normalize();
            if (!dest.startsWith(target)) {
                throw new IOException("demo resource outside the demo folder: " + relative);
            }
            Files.createDirectories(dest.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
