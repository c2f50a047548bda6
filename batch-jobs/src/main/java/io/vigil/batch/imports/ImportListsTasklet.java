package io.vigil.batch.imports;

import io.vigil.batch.registry.ImportReport;
import io.vigil.batch.registry.ListImportService;
import io.vigil.registry.imports.ImportOptions;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.SourceRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Imports the lists named by the {@code sources} job parameter ({@code TYPE=PATH} lines), or, when it is empty,
 * downloads and imports the configured sources. The new snapshot becomes active only when every source parsed;
 * otherwise the step fails and the previous snapshot stays active. The job's context receives the snapshot id and
 * the operator's report.
 */
class ImportListsTasklet implements Tasklet {

    private final ListImportService imports;
    private final String sources;
    private final ImportOptions options;

    ImportListsTasklet(ListImportService imports, String sources) {
        this(imports, sources, false);
    }

    ImportListsTasklet(ListImportService imports, String sources, boolean allowShrink) {
        this.imports = imports;
        this.sources = sources == null ? "" : sources;
        this.options = new ImportOptions(allowShrink);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StringBuilder report = new StringBuilder();
        ImportResult result;
        if (sources.isBlank()) {
            ListImportService.Prepared prepared = imports.prepareConfiguredSources();
            prepared.downloads().forEach(d -> report.append(ImportReport.download(d)));
            result = imports.importPrepared(prepared, options);
        } else {
            result = imports.importFiles(requests(sources), options);
        }
        report.append(ImportReport.result(result));
        var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.putLong(ImportListsLauncher.SNAPSHOT_ID, result.snapshotId());
        context.putString(ImportListsLauncher.REPORT, report.toString());
        contribution.incrementWriteCount(result.partyCount());
        return RepeatStatus.FINISHED;
    }

    static List<SourceRequest> requests(String sources) {
        List<SourceRequest> out = new ArrayList<>();
        for (String line : sources.split("\n")) {
            if (!line.isBlank()) {
                out.add(SourceRequest.parse(line));
            }
        }
        return out;
    }
}
