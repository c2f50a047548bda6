package io.vigil.registry.imports;

import io.vigil.registry.model.ListSource;
import io.vigil.registry.source.ListIntegrity;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a source that parsed but does not look like a whole list, before anything is written:
 * <ul>
 *   <li><b>shrink</b>: its source type has more than {@value #MAX_DROP_PERCENT}% fewer entries (and at least
 *       {@value #MIN_DROP_ENTRIES} fewer) than the same source type in the active snapshot; overridable with
 *       {@link ImportOptions#allowShrink()}, and the override is recorded in the snapshot note;</li>
 *   <li><b>orphan rows</b>: more than {@value #MAX_ORPHAN_PERCENT}% (and at least {@value #MIN_ORPHAN_ROWS}) of the
 *       rows of its secondary files (OFAC's alt.csv, add.csv, comments) name an entry that is not in the main
 *       file: the main file was cut or belongs to another edition;</li>
 *   <li><b>end marker</b>: a file lacks the end marker its format always has (OFAC's CSV files end with 0x1A).</li>
 * </ul>
 * Each refusal message names the source and the evidence, e.g. {@code "ofac-sdn-csv (/lists/ofac) does not look
 * like a whole list: 6,911 entries, 50.0% fewer than the 13,821 of ofac-sdn-csv in the active snapshot 3 (import
 * a deliberate shrink with --allow-shrink); 15,210 of 36,081 address, alias and comment rows (42.2%) name an entry
 * that is not in the main file, e.g. alt.csv line 9001: ent_num 25001 is not in sdn.csv; row ignored; sdn.csv does
 * not end with the end-of-file mark 0x1A …"}.
 */
public final class PlausibilityChecks {

    static final int MAX_DROP_PERCENT = 20;
    static final int MIN_DROP_ENTRIES = 10;
    static final int MAX_ORPHAN_PERCENT = 1;
    static final int MIN_ORPHAN_ROWS = 10;

    private PlausibilityChecks() {
    }

    /**
     * Checks the parsed sources against the active snapshot.
     *
     * @return the overrides used (one line per shrunk source type allowed by {@code options}), for the snapshot
     *     note; empty when none
     * @throws ImportRejectedException naming every implausible source and its evidence
     */
    static List<String> check(List<SourceRequest> requests, List<ParsedList> parsed, Optional<SnapshotInfo> active,
            ImportOptions options) {
        List<String> refusals = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        Map<String, Integer> newCounts = new LinkedHashMap<>();
        Map<String, String> firstRequest = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            String type = parsed.get(i).source().sourceType();
            newCounts.merge(type, parsed.get(i).entriesRead(), Integer::sum);
            firstRequest.putIfAbsent(type, describe(requests.get(i)));
        }
        Map<String, Integer> oldCounts = new LinkedHashMap<>();
        active.ifPresent(info -> {
            for (SnapshotSource s : info.sources()) {
                oldCounts.merge(s.source().sourceType(), s.entryCount(), Integer::sum);
            }
        });
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        newCounts.forEach((type, now) -> {
            Integer before = oldCounts.get(type);
            if (before == null || before == 0) {
                return;
            }
            int drop = before - now;
            double percent = 100.0 * drop / before;
            if (drop >= MIN_DROP_ENTRIES && percent > MAX_DROP_PERCENT) {
                String text = String.format(Locale.ROOT, "%,d entries, %.1f%% fewer than the %,d of %s in the "
                        + "active snapshot %d", now, percent, before, type, active.get().id());
                if (options.allowShrink()) {
                    overrides.add("--allow-shrink: " + text);
                } else {
                    evidence.computeIfAbsent(firstRequest.get(type), k -> new ArrayList<>())
                            .add(text + " (import a deliberate shrink with --allow-shrink)");
                }
            }
        });
        for (int i = 0; i < parsed.size(); i++) {
            ListIntegrity integrity = parsed.get(i).integrity();
            List<String> found = new ArrayList<>();
            if (integrity.orphanRows() >= MIN_ORPHAN_ROWS
                    && 100.0 * integrity.orphanRows() / integrity.dependentRows() > MAX_ORPHAN_PERCENT) {
                found.add(String.format(Locale.ROOT, "%,d of %,d address, alias and comment rows (%.1f%%) name an "
                        + "entry that is not in %s, e.g. %s", integrity.orphanRows(), integrity.dependentRows(),
                        100.0 * integrity.orphanRows() / integrity.dependentRows(), mainFile(parsed.get(i).source()),
                        String.join(" | ", integrity.orphanExamples())));
            }
            found.addAll(integrity.missingEndMarks());
            if (!found.isEmpty()) {
                evidence.computeIfAbsent(describe(requests.get(i)), k -> new ArrayList<>()).addAll(found);
            }
        }
        evidence.forEach((source, reasons) -> refusals.add(source + " does not look like a whole list: "
                + String.join("; ", reasons)));
        if (!refusals.isEmpty()) {
            throw new ImportRejectedException(String.join(System.lineSeparator(), refusals));
        }
        return overrides;
    }

    private static String mainFile(ListSource source) {
        return source.mainFile() == null ? "the main file" : source.mainFile().name();
    }

    private static String describe(SourceRequest r) {
        return r.sourceType() + " (" + r.path() + ")";
    }
}
