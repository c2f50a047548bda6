package io.vigil.batch.screening;

import java.time.LocalDate;

/**
 * The figures of one screening run: records read equal records screened plus records rejected.
 */
public record RunSummary(long instanceId, long executionId, String jobName, LocalDate businessDate,
        String inputFile, String inputSha256, long snapshotId, String policy, long read, long screened,
        long rejected, long hits, String outDir) {
}
