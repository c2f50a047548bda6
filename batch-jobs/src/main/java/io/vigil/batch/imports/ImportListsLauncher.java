package io.vigil.batch.imports;

import io.vigil.batch.launch.JobRuns;
import io.vigil.registry.imports.SourceRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Starts {@code importListsJob}. Every import is a new job instance (identified by an increasing {@code run.id}),
 * because importing the same files again is a legitimate new snapshot; the sources are a non-identifying parameter.
 */
public class ImportListsLauncher {

    /** Job context key: the new snapshot's id. */
    public static final String SNAPSHOT_ID = "snapshot.id";
    /** Job context key: the operator's report (downloads, counts per source, times). */
    public static final String REPORT = "report";

    static final String JOB = "importListsJob";
    static final String SOURCES = "sources";
    static final String ALLOW_SHRINK = "allow.shrink";

    private final JobRuns runs;
    private final org.springframework.batch.core.repository.JobRepository repository;

    ImportListsLauncher(JobRuns runs, org.springframework.batch.core.repository.JobRepository repository) {
        this.runs = runs;
        this.repository = repository;
    }

    /** Imports the given files, or the configured sources (downloading them) when the list is empty. */
    public JobExecution launch(List<SourceRequest> requests) throws Exception {
        return launch(requests, false);
    }

    /** As {@link #launch(List)}; {@code allowShrink} lets a deliberately smaller list through (recorded). */
    public JobExecution launch(List<SourceRequest> requests, boolean allowShrink) throws Exception {
        String sources = requests.stream().map(r -> r.sourceType() + "=" + r.path().toAbsolutePath().normalize())
                .collect(Collectors.joining("\n"));
        long runId;
        try {
            runId = repository.getJobInstanceCount(JOB) + 1;
        } catch (org.springframework.batch.core.launch.NoSuchJobException e) {
            runId = 1;
        }
        long first = runId;
        return runs.start(JOB, attempt -> new JobParametersBuilder().addLong("run.id", first + attempt, true)
                .addString(SOURCES, sources, false).addString(ALLOW_SHRINK, Boolean.toString(allowShrink), false)
                .toJobParameters(), true).execution();
    }
}
