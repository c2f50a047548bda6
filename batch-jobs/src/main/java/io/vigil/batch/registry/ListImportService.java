package io.vigil.batch.registry;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.download.ConfiguredSource;
import io.vigil.registry.download.DownloadException;
import io.vigil.registry.download.DownloadResult;
import io.vigil.registry.download.DownloadSettings;
import io.vigil.registry.download.SourceDownloader;
import io.vigil.registry.imports.ImportOptions;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.RegistryImporter;
import io.vigil.registry.imports.SourceRequest;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports lists: the given files, or the configured sources after downloading them. A thin adapter over
 * registry-core's {@link RegistryImporter} and {@link SourceDownloader}.
 */
public class ListImportService {

    private final VigilProperties properties;
    private final ListParserRegistry parsers;
    private final RegistryImporter importer;
    private final Clock clock;

    ListImportService(VigilProperties properties, ListParserRegistry parsers, RegistryImporter importer,
            Clock clock) {
        this.properties = properties;
        this.parsers = parsers;
        this.importer = importer;
        this.clock = clock;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ListImportService.class);

    /** Imports the given files into one new snapshot. */
    public ImportResult importFiles(List<SourceRequest> requests) throws ListParseException {
        return importFiles(requests, ImportOptions.DEFAULTS);
    }

    /** Imports the given files into one new snapshot, with the administrator's options. */
    public ImportResult importFiles(List<SourceRequest> requests, ImportOptions options) throws ListParseException {
        return logged(importer.importSources(requests, Map.of(), options));
    }

    /** Imports prepared configured sources; what was parsed while validating a download is not parsed again. */
    public ImportResult importPrepared(Prepared prepared) throws ListParseException {
        return importPrepared(prepared, ImportOptions.DEFAULTS);
    }

    /** As {@link #importPrepared(Prepared)}, with the administrator's options. */
    public ImportResult importPrepared(Prepared prepared, ImportOptions options) throws ListParseException {
        return logged(importer.importSources(prepared.requests(), prepared.parsed(), options));
    }

    /** Every warning goes to the log; the console shows them summarised by kind ({@link ImportReport}). */
    private static ImportResult logged(ImportResult result) {
        for (ImportResult.SourceCount s : result.sources()) {
            for (String w : s.warnings()) {
                LOG.info("import warning ({}): {}", s.sourceType(), w);
            }
        }
        result.overrides().forEach(o -> LOG.warn("snapshot {}: {}", result.snapshotId(), o));
        return result;
    }

    /**
     * Downloads every configured source (keeping the last good copy when a download fails), then imports them all
     * into one new snapshot.
     */
    public Prepared prepareConfiguredSources() throws DownloadException {
        List<VigilProperties.Source> sources = properties.registry().sources();
        if (sources.isEmpty()) {
            throw new IllegalStateException("no list sources are configured under vigil.registry.sources in "
                    + properties.configDir().resolve("application.yml"));
        }
        SourceDownloader downloader = new SourceDownloader(downloadSettings());
        List<SourceRequest> requests = new ArrayList<>();
        List<DownloadResult> downloads = new ArrayList<>();
        Map<SourceRequest, ParsedList> parsed = new HashMap<>();
        for (VigilProperties.Source s : sources) {
            ListParser parser = parsers.require(s.type());
            if (s.path() != null) {
                Path local = properties.configDir().resolve(s.path()).normalize();
                requests.add(new SourceRequest(s.type(), local));
                continue;
            }
            if (s.urls().isEmpty()) {
                throw new IllegalStateException("source '" + s.name() + "' has neither urls nor path");
            }
            ConfiguredSource configured = ConfiguredSource.of(s.name(), s.type(), s.urls().toArray(String[]::new));
            // a new copy is parsed before it replaces the last good one; that parse is kept for the import
            ParsedList[] validated = new ParsedList[1];
            DownloadResult result = downloader.download(configured,
                    (src, candidate) -> validated[0] = parser.parse(candidate));
            downloads.add(result);
            SourceRequest request = new SourceRequest(s.type(), result.path());
            requests.add(request);
            if (result.origin() == DownloadResult.Origin.DOWNLOADED && validated[0] != null) {
                parsed.put(request, validated[0]);
            }
        }
        return new Prepared(requests, downloads, parsed);
    }

    DownloadSettings downloadSettings() {
        VigilProperties.Download d = properties.registry().download();
        Path cache = d.cacheDir() != null ? d.cacheDir() : properties.dataDir().resolve("lists");
        try {
            Files.createDirectories(cache);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the list cache " + cache + ": " + e.getMessage(), e);
        }
        return DownloadSettings.defaults(cache)
                .withTimeouts(d.connectTimeout(), d.requestTimeout(), d.transferTimeout())
                .withMaxAttempts(d.maxAttempts())
                .withBackoff(d.backoff(), d.backoff().multipliedBy(16))
                .withMaxBytesPerFile(d.maxFileSize().toBytes())
                .withClock(clock);
    }

    /**
     * The configured sources ready to import.
     *
     * @param requests what to import, in configuration order
     * @param downloads what was downloaded, with freshness and hashes
     * @param parsed the sources already parsed while their new download was validated
     */
    public record Prepared(List<SourceRequest> requests, List<DownloadResult> downloads,
            Map<SourceRequest, ParsedList> parsed) {
    }
}
