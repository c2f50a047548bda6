package io.vigil.registry.match;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.model.Party;
import io.vigil.registry.source.ofac.OfacConsCsvParser;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import io.vigil.registry.testing.SharedLists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry the matching tests and the benchmark screen against: OFAC SDN and non-SDN (cons) from
 * ../shared/data/lists, parsed once per JVM. The UN 2026 and UK 2018 lists are reserved for independent acceptance
 * checks and are not screened against here. An id the non-SDN list shares with the SDN list keeps the SDN
 * entry. Skips the calling test when the shared lists are absent.
 */
final class RealRegistry {

    private static IndexedRegistry registry;

    private RealRegistry() {
    }

    static synchronized IndexedRegistry get() {
        if (registry == null) {
            registry = NameMatchers.prepare(parties(), links());
        }
        return registry;
    }

    private static List<Party> partiesCache;
    private static PartyLinks linksCache;

    static synchronized List<Party> parties() {
        if (partiesCache == null) {
            Map<String, Party> byId = new LinkedHashMap<>();
            try {
            add(byId, new OfacSdnCsvParser().parse(SharedLists.require("ofac")).parties());
            add(byId, new OfacConsCsvParser().parse(SharedLists.require("ofac")).parties());
            } catch (io.vigil.registry.source.ListParseException e) {
                throw new IllegalStateException(e);
            }
            partiesCache = List.copyOf(byId.values());
        }
        return partiesCache;
    }

    static synchronized PartyLinks links() {
        if (linksCache == null) {
            linksCache = new PartyLinker().link(parties());
        }
        return linksCache;
    }

    private static void add(Map<String, Party> byId, List<Party> parties) {
        for (Party p : parties) {
            byId.putIfAbsent(p.id(), p);
        }
    }

    static List<Party> copy() {
        return new ArrayList<>(parties());
    }
}
