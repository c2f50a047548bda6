package io.vigil.registry.match;

import io.vigil.registry.screen.EmbargoPolicy;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.RecordScreener;
import io.vigil.registry.screen.ScreeningHit;
import io.vigil.registry.screen.input.InputFiles;
import io.vigil.registry.screen.input.InputKind;
import io.vigil.registry.screen.sample.SampleGenerator;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The share of generated payments that raise a review or an alert on a name, screened against the real registry
 * (OFAC, UN, UK, as {@link RealRegistry}): what {@code vigil generate-sample transactions} writes (the same
 * {@link SampleGenerator}, its default hit rate 0.001), screened by the production {@link RecordScreener} with the
 * default thresholds, embargo hits left out (they are country rules, not names). Prints the rates and the listed
 * names behind most review hits. Quoted in docs/matching.md.
 *
 * <p>Usage: {@code PaymentHitRates [rows] [seed] [top]} (default 100000, 1 and the 15 most frequent hits), from registry-core with the test classpath.
 */
public final class PaymentHitRates {

    private PaymentHitRates() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path file = Files.createTempFile("vigil-payments", ".csv");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            new SampleGenerator(RealRegistry.parties(), seed, 0.001).writeTransactions(w, rows);
        }
        var registry = RealRegistry.get();
        RecordScreener screener = new RecordScreener(NameMatchers.indexed(registry, MatchPolicy.defaults()), registry,
                EmbargoPolicy.none());
        long records = 0;
        long withReview = 0;
        long withAlert = 0;
        Map<String, Integer> reviewNames = new HashMap<>();
        Map<String, Integer> alertNames = new HashMap<>();
        try (InputReader in = InputFiles.open(file, InputKind.TRANSACTIONS)) {
            InputItem item;
            while ((item = in.next()) != null) {
                if (!(item instanceof InputItem.Record r)) {
                    continue;
                }
                records++;
                boolean alert = false;
                boolean review = false;
                for (ScreeningHit h : screener.screen(r.record())) {
                    if (h.decision().equals("alert")) {
                        alert = true;
                        alertNames.merge(h.screenedValue() + " -> " + h.matchedName(), 1, Integer::sum);
                    } else {
                        review = true;
                        reviewNames.merge(h.screenedValue() + " -> " + h.matchedName(), 1, Integer::sum);
                    }
                }
                withAlert += alert ? 1 : 0;
                withReview += review && !alert ? 1 : 0;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf(Locale.ROOT, "%s; %d payments (seed %d): %.2f%% review only, %.2f%% alert%n",
                MatchPolicy.ALGORITHM_VERSION, records, seed, 100.0 * withReview / records,
                100.0 * withAlert / records);
        reviewNames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> System.out.println("  review " + e.getValue() + "\t" + e.getKey()));
        alertNames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> System.out.println("  alert " + e.getValue() + "\t" + e.getKey()));
    }
}
