package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.VigilProperties;
import io.vigil.batch.imports.ImportListsLauncher;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.batch.launch.RunLock;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.SourceRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil import-lists [--source TYPE=PATH]...}: runs {@code importListsJob}, which makes a new snapshot. */
@Command(name = "import-lists", mixinStandardHelpOptions = true,
        description = {"Makes a new registry snapshot from the given list files, or, with no --source, downloads "
                + "the sources configured in config/application.yml and imports them.",
                "The snapshot becomes active only when every source has parsed; otherwise nothing is written and "
                + "the previous snapshot stays active."})
class ImportListsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "TYPE=PATH",
            description = "A list to import (repeatable). Types: ofac-sdn-csv (directory), ofac-cons-csv "
                    + "(directory), ofac-xml, ofac-enhanced-xml (XML or ZIP), un-xml, eu-xml, uk-ofsi-csv, "
                    + "uk-ofsi-xlsx, uk-fcdo, jp-mof (.xlsx or .xls), notices (directory).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--allow-shrink",
            description = "Import a list that has far fewer entries than the same source type in the active snapshot "
                    + "(a deliberate shrink); the override is recorded in the snapshot's note.")
    boolean allowShrink;

    private final ImportListsLauncher launcher;
    private final ListParserRegistry parsers;
    private final VigilProperties properties;
    private final Clock clock;
    private final ActiveMatcher matcher;

    ImportListsCommand(ImportListsLauncher launcher, ListParserRegistry parsers, VigilProperties properties,
            Clock clock, ActiveMatcher matcher) {
        this.matcher = matcher;
        this.launcher = launcher;
        this.parsers = parsers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        List<SourceRequest> requests = new ArrayList<>();
        for (String s : sources) {
            try {
                SourceRequest r = SourceRequest.parse(s);
                parsers.require(r.sourceType());
                requests.add(new SourceRequest(r.sourceType(), r.path().toAbsolutePath().normalize()));
            } catch (IllegalArgumentException e) {
                throw new VigilException(ExitCodes.USAGE, "--source " + s + ": " + e.getMessage(), e);
            }
        }
        if (requests.isEmpty() && properties.registry().sources().isEmpty()) {
            throw new VigilException(ExitCodes.USAGE, "no --source given and no list sources are configured under "
                    + "vigil.registry.sources in " + properties.configDir().resolve("application.yml"));
        }
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "import-lists", clock.instant())) {
            int code = importLists(launcher, requests, allowShrink, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            if (code == ExitCodes.OK) {
                // the matching index file of the new snapshot, so that the next search or screening loads it
                matcher.prepareActive();
            }
            return code;
        }
    }

    /** Runs the import job and prints its report, or why it failed and that the previous snapshot stays active. */
    static int importLists(ImportListsLauncher launcher, List<SourceRequest> requests, PrintWriter out,
            PrintWriter err) throws Exception {
        return importLists(launcher, requests, false, out, err);
    }

    static int importLists(ImportListsLauncher launcher, List<SourceRequest> requests, boolean allowShrink,
            PrintWriter out, PrintWriter err) throws Exception {
        JobExecution execution = launcher.launch(requests, allowShrink);
        var context = execution.getExecutionContext();
        if (context.containsKey(ImportListsLauncher.REPORT)) {
            out.print(context.getString(ImportListsLauncher.REPORT));
            out.flush();
        }
        int code = JobRuns.exitCode(execution);
        if (code != ExitCodes.OK) {
            err.println("vigil: import failed (importListsJob execution " + execution.getId() + "), the previous "
                    + "snapshot stays active: " + JobRuns.failure(execution));
            err.flush();
        }
        return code;
    }
}
