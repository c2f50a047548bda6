package io.vigil.batch.screening;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.screen.input.ColumnMapping;
import io.vigil.registry.screen.input.InputFiles;
import io.vigil.registry.screen.input.InputKind;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** Opens input files with the layouts configured under {@code vigil.screening.counterparties|transactions}. */
public class ScreeningInputs {

    private final VigilProperties.Screening settings;

    public ScreeningInputs(VigilProperties.Screening settings) {
        this.settings = settings;
    }

    public InputItemReader reader(Path file, InputKind kind) {
        VigilProperties.Layout layout = kind == InputKind.COUNTERPARTIES ? settings.counterparties()
                : settings.transactions();
        ColumnMapping mapping = ColumnMapping.of(kind, layout.columns()).withDelimiter(layout.delimiter().charAt(0));
        Charset charset = Charset.forName(layout.encoding());
        VigilProperties.Limits l = settings.limits();
        io.vigil.registry.screen.input.InputLimits limits = new io.vigil.registry.screen.input.InputLimits(
                l.maxNameChars(), l.maxFieldChars(), l.maxRecordChars(), l.maxQuotedLines());
        return new InputItemReader(() -> InputFiles.open(file, kind, mapping, charset, limits));
    }
}
