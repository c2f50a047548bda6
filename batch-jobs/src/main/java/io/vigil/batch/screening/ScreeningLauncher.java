package io.vigil.batch.screening;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Starts a screening job for a business date and an input file, the two parameters that identify a run (see
 * {@link JobRuns} for what happens when that run already completed, failed or was killed).
 */
public class ScreeningLauncher {

    /** Identifying job parameter: the business date. */
    public static final String BUSINESS_DATE = "business.date";
    /** Identifying job parameter: the absolute input file. */
    public static final String INPUT_FILE = "input.file";
    /** Identifying job parameter: the book the run screens (alerts are kept per book). */
    public static final String BOOK = "book";
    /** Job parameter: the kind of book ({@code COUNTERPARTIES} or {@code PAYMENTS}). */
    public static final String BOOK_KIND = "book.kind";
    /** Job parameter: the output directory, when not the default. */
    public static final String OUT_DIR = "out.dir";

    private final JobRuns runs;
    private final SnapshotStore snapshots;
    private final io.vigil.batch.alerts.AlertSettings alerts;

    public ScreeningLauncher(JobRuns runs, SnapshotStore snapshots, io.vigil.batch.alerts.AlertSettings alerts) {
        this.runs = runs;
        this.snapshots = snapshots;
        this.alerts = alerts;
    }

    /**
     * Starts (or resumes, or reports already completed) the run of {@code jobName} for a date and file.
     *
     * @param book the book to screen into, or null for the job's configured default
     */
    public JobRuns.Outcome launch(String jobName, Path input, LocalDate businessDate, String outDir, boolean rerun,
            String book) throws Exception {
        return launch(jobName, input, businessDate, outDir, rerun, book, null);
    }

    /**
     * @param mode {@code delta} or {@code full} as asked on the command line, or null for the configured default
     *     (see {@link DeltaPlanner})
     */
    public JobRuns.Outcome launch(String jobName, Path input, LocalDate businessDate, String outDir, boolean rerun,
            String book, String mode) throws Exception {
        return launch(jobName, input, businessDate, outDir, rerun, book, mode, null);
    }

    /** A partitioned run: how many partitions, and the broker its workers take them from. */
    public record Partitioning(int partitions, String brokerUrl) {
    }

    /** @param partitioning null on one node */
    public JobRuns.Outcome launch(String jobName, Path input, LocalDate businessDate, String outDir, boolean rerun,
            String book, String mode, Partitioning partitioning) throws Exception {
        Path file = checkedInput(input);
        if (snapshots.active().isEmpty()) {
            throw new VigilException(ExitCodes.BAD_INPUT, "the registry is empty: run 'vigil import-lists' first");
        }
        String bookName = alerts.book(jobName, book);
        io.vigil.registry.alert.BookKind kind = io.vigil.batch.alerts.AlertSettings.kind(jobName);
        return runs.start(jobName, attempt -> params(businessDate, file, outDir, attempt, bookName, kind, mode,
                partitioning), rerun);
    }

    /** The input as an absolute path, after checking it exists and is readable (exit code 3 otherwise). */
    public static Path checkedInput(Path input) {
        Path file = input.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new VigilException(ExitCodes.BAD_INPUT, "input file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new VigilException(ExitCodes.BAD_INPUT, "input file " + file + " is not a readable file");
        }
        return file;
    }

    private static JobParameters params(LocalDate businessDate, Path file, String outDir, long attempt, String book,
            io.vigil.registry.alert.BookKind kind, String mode, Partitioning partitioning) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addLocalDate(BUSINESS_DATE, businessDate, true)
                .addString(INPUT_FILE, file.toString(), true)
                .addString(BOOK, book, true)
                .addString(BOOK_KIND, kind.name(), false);
        if (attempt > 0) {
            b.addLong(JobRuns.RERUN, attempt, true);
        }
        if (mode != null) {
            b.addString(DeltaPlanner.REQUESTED_MODE, mode, false);
        }
        if (partitioning != null) {
            b.addLong(io.vigil.batch.partition.PartitionedScreening.PARTITIONS, (long) partitioning.partitions(), false);
            b.addString(io.vigil.batch.partition.PartitionedScreening.BROKER_URL, partitioning.brokerUrl(), false);
        }
        if (outDir != null) {
            b.addString(OUT_DIR, Path.of(outDir).toAbsolutePath().normalize().toString(), false);
        }
        return b.toJobParameters();
    }
}
