package io.vigil.benchmarks;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.NameMatcher;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ofac.OfacConsCsvParser;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Screening throughput of the name-matching engine against the full registry (OFAC SDN + OFAC non-SDN + UN + UK
 * from the real lists), one query at a time on one thread: the inverted candidate index ({@link #indexed}) versus
 * the brute-force baseline that scores every list name ({@link #bruteForce}). The queries are the labelled
 * evaluation set, positives and negatives interleaved in a fixed order, cycled.
 *
 * <p>The trial setup also prints the retained heap of the prepared registry, its build time and counts, and (in the
 * {@code indexed} trial) checks that both matchers return the same top hit for every evaluation query.
 *
 * <p>System properties: {@code vigil.lists} (default {@code ../shared/data/lists}), {@code vigil.eval} (default
 * {@code registry-core/src/test/resources/io/vigil/registry/match/eval}), both relative to the working directory;
 * {@code vigil.agreement=false} skips the agreement check. Run with {@code bench/matching.sh}, e.g. output
 * {@code MatchingBenchmark.indexed thrpt 5 2100 ± 40 ops/s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class MatchingBenchmark {

    static final int LIMIT = 10;
    private static final long SHUFFLE_SEED = 20240503L;
    private static final int SHOWN_DISAGREEMENTS = 20;

    /** The prepared registry, both matchers and the query list, shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Engine {

        List<Party> parties;
        PartyLinks links;
        IndexedRegistry registry;
        NameMatcher indexed;
        NameMatcher indexedUncached;
        NameMatcher brute;
        List<Labelled> queries;
        List<Labelled> agreementOnly = new ArrayList<>();
        MatchQuery[] cycle;
        String trial;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) throws Exception {
            String benchmark = params.getBenchmark();
            trial = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Path lists = Path.of(System.getProperty("vigil.lists", "../shared/data/lists")).toAbsolutePath()
                    .normalize();
            Path eval = Path.of(System.getProperty("vigil.eval",
                    "registry-core/src/test/resources/io/vigil/registry/match/eval")).toAbsolutePath().normalize();
            if (!Files.isDirectory(lists)) {
                throw new IllegalStateException("lists directory " + lists + " does not exist: set -Dvigil.lists="
                        + "<dir holding ofac/>");
            }
            if (!Files.isDirectory(eval)) {
                throw new IllegalStateException("evaluation set directory " + eval + " does not exist: set "
                        + "-Dvigil.eval=<dir holding positives.tsv and negatives.tsv>");
            }

            long t0 = System.nanoTime();
            parties = loadParties(lists);
            links = new PartyLinker().link(parties);
            long t1 = System.nanoTime();
            say("lists: %s — %,d parties parsed and linked in %.1f s", lists, parties.size(), seconds(t1 - t0));

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedHeapAfterGc(memory);
            long b0 = System.nanoTime();
            registry = NameMatchers.prepare(parties, links);
            indexed = NameMatchers.indexed(registry, MatchPolicy.defaults());
            indexedUncached = NameMatchers.indexed(registry, MatchPolicy.defaults(), 0);
            brute = NameMatchers.bruteForce(registry, MatchPolicy.defaults());
            long b1 = System.nanoTime();
            long after = usedHeapAfterGc(memory);
            say("index: %,d parties, %,d names, %,d dictionary entries; built in %.2f s; retained heap %.1f MiB"
                    + " (used heap after GC %.1f → %.1f MiB, parties and links not counted)",
                    registry.parties().size(), registry.names().size(), registry.dictionarySize(),
                    seconds(b1 - b0), mib(after - before), mib(before), mib(after));

            List<Labelled> positives = readEval(eval.resolve("positives.tsv"), 7);
            List<Labelled> negatives = readEval(eval.resolve("negatives.tsv"), 6);
            queries = interleave(positives, negatives);
            cycle = queries.stream().map(Labelled::query).toArray(MatchQuery[]::new);
            say("queries: %,d positives + %,d negatives from %s, interleaved (seed %d)", positives.size(),
                    negatives.size(), eval, SHUFFLE_SEED);

            // the unseen set (other lists' own spellings, docs/matching.md) joins the agreement check only, so the
            // measured query mix stays the one earlier runs measured
            Path unseenPositives = eval.resolve("unseen-positives.tsv");
            Path unseenNegatives = eval.resolve("unseen-negatives.tsv");
            agreementOnly = new ArrayList<>();
            if (Files.isRegularFile(unseenPositives) && Files.isRegularFile(unseenNegatives)) {
                agreementOnly.addAll(readEval(unseenPositives, 7));
                agreementOnly.addAll(readEval(unseenNegatives, 6));
                say("agreement also on the unseen set: %,d queries", agreementOnly.size());
            }

            boolean check = Boolean.parseBoolean(System.getProperty("vigil.agreement", "true"));
            if (!check) {
                say("agreement: skipped (-Dvigil.agreement=false)");
            } else if (!trial.equals("indexed")) {
                say("agreement: checked in the indexed trial only");
            } else {
                checkAgreement();
            }
        }

        private void checkAgreement() {
            long t0 = System.nanoTime();
            List<Labelled> checked = new ArrayList<>(queries);
            checked.addAll(agreementOnly);
            List<String> outcomes = IntStream.range(0, checked.size()).parallel()
                    .mapToObj(i -> compare(checked.get(i)))
                    .collect(Collectors.toList());
            long t1 = System.nanoTime();
            List<String> disagreements = outcomes.stream().filter(Objects::nonNull).collect(Collectors.toList());
            say("agreement: %,d/%,d identical top hits (indexed vs brute force, limit 1); checked in %.1f s on %d"
                    + " threads", checked.size() - disagreements.size(), checked.size(), seconds(t1 - t0),
                    ForkJoinPool.getCommonPoolParallelism() + 1);
            long onPositives = disagreements.stream().filter(d -> d.startsWith("positive:")).count();
            if (!disagreements.isEmpty()) {
                say("  %,d disagreements on positives, %,d on negatives", onPositives,
                        disagreements.size() - onPositives);
            }
            for (int i = 0; i < Math.min(SHOWN_DISAGREEMENTS, disagreements.size()); i++) {
                say("  disagreement %d: %s", i + 1, disagreements.get(i));
            }
            if (disagreements.size() > SHOWN_DISAGREEMENTS) {
                say("  … and %,d more", disagreements.size() - SHOWN_DISAGREEMENTS);
            }
        }

        private void say(String format, Object... args) {
            print("(" + trial + " trial) " + format, args);
        }

        /** Null when both matchers agree on the top hit, else a description of the difference. */
        private String compare(Labelled c) {
            String a;
            String b;
            try {
                a = top(indexed.search(c.query(), 1));
            } catch (RuntimeException e) {
                a = "EXCEPTION " + e;
            }
            try {
                b = top(brute.search(c.query(), 1));
            } catch (RuntimeException e) {
                b = "EXCEPTION " + e;
            }
            if (a.equals(b) && !a.startsWith("EXCEPTION")) {
                return null;
            }
            return String.format(Locale.ROOT, "%s %s: indexed %s, brute force %s", c.label(), describe(c.query()), a,
                    b);
        }

        private static String top(List<MatchHit> hits) {
            if (hits.isEmpty()) {
                return "none";
            }
            MatchHit h = hits.get(0);
            return h.partyId() + " " + Double.toString(h.score());
        }
    }

    /** Each benchmark thread's position in the query cycle. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        MatchQuery take(MatchQuery[] cycle) {
            MatchQuery q = cycle[next];
            next = next + 1 == cycle.length ? 0 : next + 1;
            return q;
        }
    }

    /** The production matcher: candidate index, then the scorer. */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<MatchHit> indexed(Engine engine, Cursor cursor) {
        return engine.indexed.search(cursor.take(engine.cycle), LIMIT);
    }

    /** The baseline: the same scorer on every list name (about a thousand times slower, hence fewer iterations). */
    /** The same with every index lookup run afresh (no remembered lookups): the cold path. */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<MatchHit> indexedUncachedLookups(Engine engine, Cursor cursor) {
        return engine.indexedUncached.search(cursor.take(engine.cycle), LIMIT);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 3, time = 10)
    public List<MatchHit> bruteForce(Engine engine, Cursor cursor) {
        return engine.brute.search(cursor.take(engine.cycle), LIMIT);
    }

    /** One evaluation query with its label ({@code positive:category:expected} or {@code negative:locale}). */
    record Labelled(String label, MatchQuery query) {
    }

    /**
     * The registry the evaluation sets are labelled against: OFAC SDN and non-SDN; an id seen twice keeps its first
     * (SDN) entry. The UN 2026 and UK 2018 lists are reserved for independent acceptance checks.
     */
    static List<Party> loadParties(Path lists) throws ListParseException {
        Map<String, Party> byId = new LinkedHashMap<>();
        Path ofac = lists.resolve("ofac");
        add(byId, new OfacSdnCsvParser().parse(ofac).parties());
        add(byId, new OfacConsCsvParser().parse(ofac).parties());
        return List.copyOf(byId.values());
    }

    private static void add(Map<String, Party> byId, List<Party> parties) {
        for (Party p : parties) {
            byId.putIfAbsent(p.id(), p);
        }
    }

    /**
     * Reads positives.tsv (7 columns: category, query, dob, country, type, expected, note) or negatives.tsv (6:
     * locale, query, dob, country, type, note); {@code -} is absent, {@code #} lines and the header are skipped.
     */
    static List<Labelled> readEval(Path file, int columns) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("evaluation file " + file + " does not exist");
        }
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(file + " line " + number + ": expected " + columns
                            + " tab-separated fields, found " + f.length);
                }
                if (f[0].equals("category") || f[0].equals("locale")) {
                    continue;
                }
                String type = dash(f[4]);
                MatchQuery q = MatchQuery.of(f[1]).withDateOfBirth(dash(f[2])).withCountry(dash(f[3]))
                        .withType(type == null ? null : PartyType.fromText(type));
                String label = columns == 7 ? "positive:" + f[0] + ":" + f[5] : "negative:" + f[0];
                out.add(new Labelled(label, q));
            }
        }
        return out;
    }

    private static String dash(String s) {
        return s.isEmpty() || s.equals("-") ? null : s;
    }

    /**
     * Both lists shuffled with a fixed seed, then merged so that every prefix holds positives and negatives in
     * their overall proportion (a short brute-force run sees the same mix as a long indexed one).
     */
    static List<Labelled> interleave(List<Labelled> positives, List<Labelled> negatives) {
        List<Labelled> p = new ArrayList<>(positives);
        List<Labelled> n = new ArrayList<>(negatives);
        Collections.shuffle(p, new Random(SHUFFLE_SEED));
        Collections.shuffle(n, new Random(SHUFFLE_SEED + 1));
        List<Labelled> out = new ArrayList<>(p.size() + n.size());
        int i = 0;
        int j = 0;
        while (i < p.size() || j < n.size()) {
            // take a positive while positives are behind their share of the output so far
            boolean takePositive = j == n.size()
                    || i < p.size() && (long) i * (p.size() + n.size()) <= (long) (i + j) * p.size();
            out.add(takePositive ? p.get(i++) : n.get(j++));
        }
        return List.copyOf(out);
    }

    static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String describe(MatchQuery q) {
        StringBuilder s = new StringBuilder("\"").append(q.name()).append('"');
        if (q.dateOfBirth() != null) {
            s.append(" dob=").append(q.dateOfBirth());
        }
        if (q.country() != null) {
            s.append(" country=").append(q.country());
        }
        if (q.type() != null) {
            s.append(" type=").append(q.type().cliName());
        }
        return s.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void print(String format, Object... args) {
        System.out.println("[vigil] " + String.format(Locale.ROOT, format, args));
    }
}
