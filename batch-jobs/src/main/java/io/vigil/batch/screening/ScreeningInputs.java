package io.vigil.batch.screening;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.screen.input.ColumnMapping;
import io.vigil.registry.screen.input.InputFiles;
import io.vigil.registry.screen.input.InputKind;
import io.vigil.registry.screen.input.InputSlices;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** Opens input files with the layouts configured under {@code vigil.screening.counterparties|transactions}. */
public class ScreeningInputs {

    private final VigilProperties.Screening settings;

    public ScreeningInputs(VigilProperties.Screening settings) {
        this.settings = settings;
    }

    public InputItemReader reader(Path file, InputKind kind) {
        ColumnMapping mapping = mapping(kind);
        Charset charset = charset(kind);
        io.vigil.registry.screen.input.InputLimits limits = limits();
        return new InputItemReader(() -> InputFiles.open(file, kind, mapping, charset, limits));
    }

    /** Cuts the file into {@code parts} line-exact slices with the configured layout (see {@link InputSlices}). */
    public InputSlices.Plan plan(Path file, InputKind kind, int parts) {
        return InputSlices.plan(file, kind, mapping(kind), charset(kind), limits(), parts);
    }

    /** Reads one slice of a {@link #plan}. */
    public InputItemReader reader(Path file, InputKind kind, InputSlices.Slice slice, java.util.Map<Long, Long> repeats) {
        ColumnMapping mapping = mapping(kind);
        Charset charset = charset(kind);
        io.vigil.registry.screen.input.InputLimits limits = limits();
        return new InputItemReader(() -> InputSlices.open(file, kind, mapping, charset, limits, slice, repeats));
    }

    private VigilProperties.Layout layout(InputKind kind) {
        return kind == InputKind.COUNTERPARTIES ? settings.counterparties() : settings.transactions();
    }

    private ColumnMapping mapping(InputKind kind) {
        VigilProperties.Layout layout = layout(kind);
        return ColumnMapping.of(kind, layout.columns()).withDelimiter(layout.delimiter().charAt(0));
    }

    private Charset charset(InputKind kind) {
        return Charset.forName(layout(kind).encoding());
    }

    private io.vigil.registry.screen.input.InputLimits limits() {
        VigilProperties.Limits l = settings.limits();
        return new io.vigil.registry.screen.input.InputLimits(l.maxNameChars(), l.maxFieldChars(), l.maxRecordChars(),
                l.maxQuotedLines());
    }
}
