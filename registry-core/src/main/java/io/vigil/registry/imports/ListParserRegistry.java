package io.vigil.registry.imports;

import io.vigil.registry.source.ListParser;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parsers an import may use, by {@link ListParser#sourceType()}. Immutable.
 *
 * <p>Example: {@code ListParserRegistry.of(List.of(new OfacCsvParser(), new UnXmlParser()))
 * .require("un-xml")} → the UN parser; {@code require("xx")} → {@code IllegalArgumentException("unknown source
 * type 'xx'; known types: ofac-sdn-csv, un-xml")}.
 */
public final class ListParserRegistry {

    private final SortedMap<String, ListParser> parsers;

    private ListParserRegistry(SortedMap<String, ListParser> parsers) {
        this.parsers = Collections.unmodifiableSortedMap(parsers);
    }

    /**
     * A registry of the given parsers.
     *
     * @throws IllegalArgumentException when two parsers claim the same source type
     */
    public static ListParserRegistry of(Collection<? extends ListParser> parsers) {
        SortedMap<String, ListParser> m = new TreeMap<>();
        for (ListParser p : parsers) {
            Objects.requireNonNull(p, "parser");
            String type = Objects.requireNonNull(p.sourceType(), "sourceType of " + p.getClass().getName());
            ListParser previous = m.putIfAbsent(type, p);
            if (previous != null) {
                throw new IllegalArgumentException("two parsers for source type '" + type + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new ListParserRegistry(new TreeMap<>(m));
    }

    /**
     * Every official format Vigil reads: {@code ofac-sdn-csv}, {@code ofac-cons-csv}, {@code ofac-xml},
     * {@code ofac-enhanced-xml}, {@code un-xml}, {@code eu-xml}, {@code uk-ofsi-csv}, {@code uk-ofsi-xlsx},
     * {@code uk-fcdo}, {@code jp-mof} and {@code notices}.
     */
    public static ListParserRegistry defaults() {
        return of(java.util.List.of(new io.vigil.registry.source.ofac.OfacSdnCsvParser(),
                new io.vigil.registry.source.ofac.OfacConsCsvParser(),
                new io.vigil.registry.source.ofacxml.OfacClassicXmlParser(),
                new io.vigil.registry.source.ofacxml.OfacEnhancedXmlParser(),
                new io.vigil.registry.source.un.UnConsolidatedXmlParser(),
                new io.vigil.registry.source.eu.EuFsfXmlParser(),
                new io.vigil.registry.source.uk.UkOfsiCsvParser(),
                new io.vigil.registry.source.uk.UkOfsiXlsxParser(),
                new io.vigil.registry.source.uk.UkSanctionsListParser(),
                new io.vigil.registry.source.jp.JpMofParser(),
                new io.vigil.registry.source.notice.DesignationNoticeParser()));
    }

    /** The parser for a source type, or empty. */
    public Optional<ListParser> find(String sourceType) {
        return Optional.ofNullable(parsers.get(sourceType));
    }

    /**
     * The parser for a source type.
     *
     * @throws IllegalArgumentException naming the known types when there is none
     */
    public ListParser require(String sourceType) {
        ListParser p = parsers.get(sourceType);
        if (p == null) {
            throw new IllegalArgumentException("unknown source type '" + sourceType + "'; known types: "
                    + (parsers.isEmpty() ? "(none)" : String.join(", ", parsers.keySet())));
        }
        return p;
    }

    /** The known source types, sorted. */
    public SortedSet<String> sourceTypes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(parsers.keySet()));
    }
}
