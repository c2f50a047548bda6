package io.vigil.batch.nightly;

import io.vigil.batch.registry.ImportReport;
import io.vigil.batch.registry.ListImportService;
import io.vigil.registry.download.DownloadResult;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.store.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of {@code nightlyJob}: downloads the configured list sources and imports them when one changed
 * (or when the registry is empty). When the download or the import fails, the night goes on against the active
 * snapshot, with a warning, because screening against yesterday's lists is better than not screening; with an
 * empty registry it fails. Skipped when refreshing is turned off or no source is configured.
 */
class RefreshListsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RefreshListsTasklet.class);

    static final String LISTS = "lists";
    /** Step context key: the snapshot that was active before the refresh imported a new one. */
    static final String REFRESHED_FROM = "refreshed.from";

    private final ListImportService imports;
    private final SnapshotStore store;
    private final boolean configured;
    private final boolean refresh;

    RefreshListsTasklet(ListImportService imports, SnapshotStore store, boolean configured, boolean refresh) {
        this.imports = imports;
        this.store = store;
        this.configured = configured;
        this.refresh = refresh;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var step = chunkContext.getStepContext().getStepExecution();
        String active = store.active().map(s -> Long.toString(s.id())).orElse("none");
        if (!refresh || !configured) {
            String why = refresh ? "no list sources configured" : "list refresh turned off (--no-refresh)";
            step.getExecutionContext().putString(LISTS, why + "; screening against the active snapshot " + active);
            contribution.setExitStatus(ExitStatus.NOOP);
            return RepeatStatus.FINISHED;
        }
        String message;
        try {
            ListImportService.Prepared prepared = imports.prepareConfiguredSources();
            StringBuilder downloads = new StringBuilder();
            prepared.downloads().forEach(d -> downloads.append(ImportReport.download(d)));
            log.info("list sources:\n{}", downloads);
            boolean changed = store.active().isEmpty() || prepared.downloads().stream()
                    .anyMatch(d -> d.origin() == DownloadResult.Origin.DOWNLOADED && d.changed());
            if (changed) {
                store.active().ifPresent(a -> step.getExecutionContext().putLong(REFRESHED_FROM, a.id()));
                ImportResult result = imports.importPrepared(prepared);
                message = "a source changed; snapshot " + result.snapshotId() + " is now active ("
                        + result.partyCount() + " parties)";
            } else {
                message = "no source changed since the last download; active snapshot " + active + " kept";
            }
        } catch (Exception e) {
            if (store.active().isEmpty()) {
                throw e;
            }
            log.warn("list refresh failed; screening against the active snapshot {}", active, e);
            message = "WARNING: the lists could not be refreshed (" + e.getMessage() + "); screening against the "
                    + "active snapshot " + active;
            contribution.setExitStatus(new ExitStatus("COMPLETED_WITH_WARNING", message));
        }
        step.getExecutionContext().putString(LISTS, message);
        return RepeatStatus.FINISHED;
    }
}
