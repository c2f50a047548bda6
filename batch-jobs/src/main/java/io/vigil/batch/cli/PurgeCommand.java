package io.vigil.batch.cli;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.RunLock;
import io.vigil.batch.screening.ScreenedRecordStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil purge [--before D]}: removes the stored screened values (and record fingerprints) of runs for business
 * dates before D; by default D is today minus the retention period ({@code vigil.lookback.retention}). Each book's
 * latest counterparty screening keeps its fingerprints, which the next delta night needs. Hits, alerts, decisions
 * and reports are never purged.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Removes stored screened values older than the date (default: the retention period in config/).")
class PurgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--before", paramLabel = "YYYY-MM-DD", description = "Remove what was screened for business "
            + "dates before this one (default: today minus vigil.lookback.retention).")
    String before;

    private final ScreenedRecordStore records;
    private final VigilProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    PurgeCommand(ScreenedRecordStore records, VigilProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @Override
    public Integer call() throws Exception {
        LocalDate date;
        if (before != null) {
            try {
                date = LocalDate.parse(before);
            } catch (DateTimeParseException e) {
                throw new VigilException(ExitCodes.USAGE, "--before '" + before + "' is not YYYY-MM-DD");
            }
        } else {
            String retention = properties.lookback().retention();
            try {
                date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(Period.parse(retention));
            } catch (DateTimeParseException e) {
                throw new VigilException(ExitCodes.USAGE, "vigil.lookback.retention '" + retention
                        + "' is not an ISO-8601 period such as P400D");
            }
        }
        long[] removed;
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "purge " + date, clock.instant())) {
            removed = tx.execute(status -> records.purge(date));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Purged the screened values of business dates before %s: %,d records in %,d chunks.%n",
                date, removed[1], removed[0]);
        w.flush();
        return ExitCodes.OK;
    }
}
