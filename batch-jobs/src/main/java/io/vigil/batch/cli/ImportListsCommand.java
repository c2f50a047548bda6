package io.vigil.batch.cli;

import io.vigil.batch.registry.ListImportService;
import io.vigil.registry.download.DownloadException;
import io.vigil.registry.download.DownloadResult;
import io.vigil.registry.imports.ImportRejectedException;
import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.SourceRequest;
import io.vigil.registry.source.ListParseException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil import-lists [--source TYPE=PATH]...}: makes a new registry snapshot. */
@Command(name = "import-lists", mixinStandardHelpOptions = true,
        description = {"Makes a new registry snapshot from the given list files, or, with no --source, downloads "
                + "the sources configured in config/application.yml and imports them.",
                "The snapshot becomes active only when every source has parsed; otherwise nothing is written and "
                + "the previous snapshot stays active."})
class ImportListsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "TYPE=PATH",
            description = "A list to import (repeatable). Types: ofac-sdn-csv (directory), ofac-cons-csv "
                    + "(directory), ofac-xml, ofac-enhanced-xml (XML or ZIP), un-xml, eu-xml, uk-ofsi-csv, uk-fcdo, "
                    + "notices (directory).")
    List<String> sources = new ArrayList<>();

    private final ListImportService service;
    private final ListParserRegistry parsers;

    ImportListsCommand(ListImportService service, ListParserRegistry parsers) {
        this.service = service;
        this.parsers = parsers;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SourceRequest> requests = new ArrayList<>();
        ListImportService.Prepared configured = null;
        if (sources.isEmpty()) {
            ListImportService.Prepared prepared;
            try {
                prepared = service.prepareConfiguredSources();
            } catch (DownloadException e) {
                throw new VigilException(ExitCodes.BAD_INPUT, "download failed and no earlier copy is cached: "
                        + e.getMessage(), e);
            }
            for (DownloadResult d : prepared.downloads()) {
                out.println(RegistryPrinter.download(d));
            }
            configured = prepared;
        } else {
            for (String s : sources) {
                SourceRequest r;
                try {
                    r = SourceRequest.parse(s);
                    parsers.require(r.sourceType());
                } catch (IllegalArgumentException e) {
                    throw new VigilException(ExitCodes.USAGE, "--source " + s + ": " + e.getMessage(), e);
                }
                requests.add(new SourceRequest(r.sourceType(), r.path().toAbsolutePath().normalize()));
            }
        }
        ImportResult result;
        try {
            result = configured != null ? service.importPrepared(configured) : service.importFiles(requests);
        } catch (ListParseException e) {
            throw new VigilException(ExitCodes.BAD_INPUT, "import failed, previous snapshot stays active: "
                    + e.getMessage(), e);
        } catch (ImportRejectedException e) {
            throw new VigilException(ExitCodes.BAD_INPUT, "import rejected, previous snapshot stays active: "
                    + e.getMessage(), e);
        }
        RegistryPrinter.importResult(result, out);
        return ExitCodes.OK;
    }
}
