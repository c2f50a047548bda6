package io.vigil.batch.cli;

import io.vigil.batch.registry.ListImportService;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.registry.download.DownloadResult;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.store.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil nightly --business-date D [--counterparties F] [--transactions F] [--out DIR] [--rerun]}: refreshes
 * the lists when a configured source changed, then screens both files for the business date. Each screening is its
 * own job, identified by the date and its file, so a night that failed half-way is resumed by running the same
 * command again: what completed is not screened twice, what failed restarts from its last commit point.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Refreshes the lists if their sources changed, then screens the counterparty and transaction "
                + "files for the business date.")
class NightlyCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(NightlyCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD")
    String businessDate;

    @Option(names = "--counterparties", paramLabel = "FILE", description = "The counterparty file.")
    Path counterparties;

    @Option(names = "--transactions", paramLabel = "FILE", description = "The transaction file (CSV or pacs.008).")
    Path transactions;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory; each job writes to a sub-directory "
            + "(default: <data>/runs/<business-date>/<job>-<execution id>).")
    Path out;

    @Option(names = "--rerun", description = "Screen again files that already completed for this date.")
    boolean rerun;

    @Option(names = "--no-refresh", description = "Do not download the configured list sources first.")
    boolean noRefresh;

    private final ScreeningLauncher launcher;
    private final ListImportService imports;
    private final SnapshotStore store;
    private final io.vigil.batch.VigilProperties properties;

    NightlyCommand(ScreeningLauncher launcher, ListImportService imports, SnapshotStore store,
            io.vigil.batch.VigilProperties properties) {
        this.launcher = launcher;
        this.imports = imports;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate date;
        try {
            date = LocalDate.parse(businessDate);
        } catch (DateTimeParseException e) {
            throw new VigilException(ExitCodes.USAGE, "--business-date '" + businessDate + "' is not YYYY-MM-DD");
        }
        if (counterparties == null && transactions == null) {
            throw new VigilException(ExitCodes.USAGE, "nightly needs --counterparties FILE, --transactions FILE or "
                    + "both");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (!noRefresh) {
            refresh(o, e);
        }
        int code = ExitCodes.OK;
        if (counterparties != null) {
            code = Math.max(code, screen("screenCounterpartiesJob", counterparties, date, "counterparties", o, e));
        }
        if (transactions != null) {
            code = Math.max(code, screen("screenTransactionsJob", transactions, date, "transactions", o, e));
        }
        return code;
    }

    private int screen(String job, Path file, LocalDate date, String sub, PrintWriter o, PrintWriter e)
            throws Exception {
        String dir = out == null ? null : out.resolve(sub).toString();
        ScreeningLauncher.Outcome outcome = launcher.launch(job, file, date, dir, rerun);
        if (outcome.alreadyCompleted()) {
            o.printf("%s for %s and %s already completed (execution %d); nothing screened.%n", job, date, file,
                    outcome.previous().getId());
            o.flush();
            return ExitCodes.OK;
        }
        return ScreenCommand.report(outcome.execution(), o, e);
    }

    /** Downloads the configured sources; imports them when one changed. A failure keeps the active snapshot. */
    private void refresh(PrintWriter o, PrintWriter e) {
        if (properties.registry().sources().isEmpty()) {
            o.println("Lists: no sources configured (vigil.registry.sources); screening against the active snapshot.");
            return;
        }
        try {
            ListImportService.Prepared prepared = imports.prepareConfiguredSources();
            boolean changed = store.active().isEmpty() || prepared.downloads().stream()
                    .anyMatch(d -> d.origin() == DownloadResult.Origin.DOWNLOADED);
            if (!changed) {
                o.println("Lists: no source changed since the last download; active snapshot "
                        + store.active().map(s -> Long.toString(s.id())).orElse("-") + " kept.");
                return;
            }
            ImportResult result = imports.importPrepared(prepared);
            o.println("Lists: a source changed; snapshot " + result.snapshotId() + " is now active.");
        } catch (Exception ex) {
            if (store.active().isEmpty()) {
                throw new VigilException(ExitCodes.BAD_INPUT, "the lists could not be refreshed and the registry is "
                        + "empty: " + ex.getMessage(), ex);
            }
            e.println("vigil: WARNING: the lists could not be refreshed (" + ex.getMessage() + "); screening against "
                    + "the active snapshot " + store.active().get().id());
            e.flush();
            log.warn("list refresh failed; screening against the active snapshot", ex);
        }
    }
}
