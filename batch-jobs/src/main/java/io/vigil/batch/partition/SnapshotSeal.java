package io.vigil.batch.partition;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.screening.RunMethod;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.registry.store.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Pins a partitioned run to its registry snapshot by hash. The manager records, in the job's context, the SHA-256
 * over the snapshot's parties (each party's content hash, by id) and the run's method (thresholds, policy, embargoed
 * countries, token weights); every worker computes the same from its own database connection and configuration
 * before it screens a partition, and refuses the partition when they differ (a worker with other thresholds, or
 * pointed at another database, would screen differently).
 */
public class SnapshotSeal implements StepExecutionListener {

    /** Job execution context keys: the seal and the snapshot's party count. */
    public static final String SEAL = "snapshot.seal";
    public static final String PARTIES = "snapshot.parties";

    private final SnapshotStore snapshots;
    private final LongFunction<RunMethod> methods;

    public SnapshotSeal(SnapshotStore snapshots, LongFunction<RunMethod> methods) {
        this.snapshots = snapshots;
        this.methods = methods;
    }

    /** The seal of a snapshot screened with this process's method. */
    public String of(long snapshotId) {
        Map<String, String> hashes = new TreeMap<>(snapshots.contentHashes(snapshotId));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : hashes.entrySet()) {
                sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(("method=" + methods.apply(snapshotId).fingerprint()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the manager: records the seal once (a restart keeps it). */
    public void record(org.springframework.batch.infrastructure.item.ExecutionContext job) {
        if (!job.containsKey(SEAL)) {
            long snapshotId = job.getLong(ScreeningJobs.SNAPSHOT_ID);
            job.putString(SEAL, of(snapshotId));
            job.putLong(PARTIES, snapshots.contentHashes(snapshotId).size());
        }
    }

    /** On a worker, before a partition is screened: the same snapshot, the same method, or no screening. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        var job = stepExecution.getJobExecution().getExecutionContext();
        long snapshotId = job.getLong(ScreeningJobs.SNAPSHOT_ID);
        String expected = job.getString(SEAL, null);
        if (expected == null) {
            throw new VigilException(ExitCodes.FAILED, "partition " + stepExecution.getStepName() + " has no "
                    + "snapshot seal in its job's context: it was not sent by a partitioning manager");
        }
        String actual = of(snapshotId);
        if (!expected.equals(actual)) {
            throw new VigilException(ExitCodes.USAGE, "refusing partition " + stepExecution.getStepName()
                    + ": registry snapshot " + snapshotId + " with this worker's method hashes to " + actual
                    + ", but the run was pinned to " + expected + " (" + job.getLong(PARTIES, 0L) + " parties)."
                    + " Give the worker the manager's database and matching configuration.");
        }
    }
}
