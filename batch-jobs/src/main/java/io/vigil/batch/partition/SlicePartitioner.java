package io.vigil.batch.partition;

import io.vigil.batch.screening.ScreeningInputs;
import io.vigil.registry.screen.input.InputKind;
import io.vigil.registry.screen.input.InputSlices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per slice of the input ({@link InputSlices#plan}), named {@code partition0}… The slices are planned
 * once, on the run's first execution; a restart asks only for the names ({@link PartitionNameProvider}) and each
 * unfinished partition keeps its saved context, so it resumes from its last commit point.
 */
class SlicePartitioner implements Partitioner, PartitionNameProvider {

    /** Partition execution context keys. */
    static final String WHOLE = "slice.whole";
    static final String START = "slice.start";
    static final String END = "slice.end";
    static final String HEADER_END = "slice.header-end";
    static final String LINE_OFFSET = "slice.line-offset";
    static final String FIRST_LINE = "slice.first-line";
    static final String REPEATS = "slice.repeats";

    private final ScreeningInputs inputs;
    private final Path file;
    private final InputKind kind;

    SlicePartitioner(ScreeningInputs inputs, Path file, InputKind kind) {
        this.inputs = inputs;
        this.file = file;
        this.kind = kind;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        InputSlices.Plan plan = inputs.plan(file, kind, gridSize);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < plan.slices().size(); i++) {
            InputSlices.Slice s = plan.slices().get(i);
            ExecutionContext c = new ExecutionContext();
            c.putString(WHOLE, Boolean.toString(s.whole()));
            c.putLong(START, s.start());
            c.putLong(END, s.end());
            c.putLong(HEADER_END, s.headerEnd());
            c.putLong(LINE_OFFSET, s.lineOffset());
            c.putLong(FIRST_LINE, plan.firstLines().get(i));
            c.putString(REPEATS, plan.repeatsIn(i).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
            contexts.put(name(i), c);
        }
        return contexts;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < gridSize; i++) {
            names.add(name(i));
        }
        return names;
    }

    static String name(int i) {
        return "partition" + i;
    }

    /** The slice a partition's context describes. */
    static InputSlices.Slice slice(ExecutionContext c) {
        return new InputSlices.Slice(Boolean.parseBoolean(c.getString(WHOLE)), c.getLong(START), c.getLong(END),
                c.getLong(HEADER_END), c.getLong(LINE_OFFSET));
    }

    /** The repeated ids in a partition's slice: line → line first seen. */
    static Map<Long, Long> repeats(ExecutionContext c) {
        Map<Long, Long> repeats = new java.util.HashMap<>();
        String s = c.getString(REPEATS, "");
        if (!s.isEmpty()) {
            for (String pair : s.split(",")) {
                int colon = pair.indexOf(':');
                repeats.put(Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return repeats;
    }
}
