package io.vigil.batch.lookback;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.registry.alert.BookKind;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Starts {@code lookbackJob} for a business date and a number of days (the two identify the run). */
public class LookbackLauncher {

    private final JobRuns runs;
    private final SnapshotStore snapshots;
    private final io.vigil.batch.alerts.AlertSettings alerts;

    LookbackLauncher(JobRuns runs, SnapshotStore snapshots, io.vigil.batch.alerts.AlertSettings alerts) {
        this.runs = runs;
        this.snapshots = snapshots;
        this.alerts = alerts;
    }

    /**
     * @param days business days back, today included (at least 1)
     * @param outDir the run directory, or null for the default
     * @param rerun run again a lookback that already completed
     */
    public JobRuns.Outcome launch(LocalDate businessDate, int days, String outDir, boolean rerun) throws Exception {
        if (days < 1 || days > 3660) {
            throw new VigilException(ExitCodes.USAGE, "--days must be between 1 and 3660, got " + days);
        }
        if (snapshots.active().isEmpty()) {
            throw new VigilException(ExitCodes.BAD_INPUT, "the registry is empty: run 'vigil import-lists' first");
        }
        String book = alerts.book(ScreeningJobs.LOOKBACK_JOB, null);
        return runs.start(ScreeningJobs.LOOKBACK_JOB, attempt -> {
            JobParametersBuilder b = new JobParametersBuilder()
                    .addLocalDate(ScreeningLauncher.BUSINESS_DATE, businessDate, true)
                    .addLong(ScreeningJobs.LOOKBACK_DAYS, (long) days, true)
                    .addString(ScreeningLauncher.BOOK, book, true)
                    .addString(ScreeningLauncher.BOOK_KIND, BookKind.PAYMENTS.name(), false);
            if (attempt > 0) {
                b.addLong(JobRuns.RERUN, attempt, true);
            }
            if (outDir != null) {
                b.addString(ScreeningLauncher.OUT_DIR, Path.of(outDir).toAbsolutePath().normalize().toString(), false);
            }
            return b.toJobParameters();
        }, rerun);
    }
}
