package io.vigil.registry.match.index;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NormalizedName;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A registry snapshot prepared for matching: every name of every party normalized and weighted once, and the
 * token dictionary the candidate index searches. Immutable and thread-safe; build one per snapshot and share it.
 *
 * <p>Example: {@code IndexedRegistry.build(parties, links, NameNormalizers.standard())} over the real OFAC, UN and
 * UK lists holds about 17,000 parties and their names.
 */
public final class IndexedRegistry {

    private final List<Party> parties;
    private final List<List<String>> linkedIds;
    private final List<IndexedName> names;
    private final TokenDictionary dictionary;
    private final NameNormalizer normalizer;
    private final java.util.Map<String, Integer> ordinalById;
    private final int[][] namesByParty;

    private final List<String> partyIds;
    private final List<List<String>> swiftBics;

    /**
     * @param parties the parties, in order (possibly decoded on first access: {@link IndexFile})
     * @param partyIds their ids, in the same order
     * @param swiftBics the normalized SWIFT BICs each party lists among its identifiers, in the same order
     */
    IndexedRegistry(List<Party> parties, List<String> partyIds, List<List<String>> swiftBics,
            List<List<String>> linkedIds, List<IndexedName> names, TokenDictionary dictionary,
            NameNormalizer normalizer) {
        this.parties = parties;
        this.partyIds = partyIds;
        this.swiftBics = swiftBics;
        this.linkedIds = linkedIds;
        this.names = names;
        this.dictionary = dictionary;
        this.normalizer = normalizer;
        java.util.Map<String, Integer> byId = new java.util.HashMap<>();
        for (int i = 0; i < partyIds.size(); i++) {
            byId.put(partyIds.get(i), i);
        }
        this.ordinalById = java.util.Map.copyOf(byId);
        int[] counts = new int[parties.size()];
        for (IndexedName n : names) {
            counts[n.partyOrdinal()]++;
        }
        this.namesByParty = new int[parties.size()][];
        for (int i = 0; i < counts.length; i++) {
            namesByParty[i] = new int[counts[i]];
        }
        int[] filled = new int[parties.size()];
        for (IndexedName n : names) {
            namesByParty[n.partyOrdinal()][filled[n.partyOrdinal()]++] = n.ordinal();
        }
    }

    /** The ordinal of the party with this id, or -1. */
    public int ordinal(String partyId) {
        Integer o = ordinalById.get(partyId);
        return o == null ? -1 : o;
    }

    /** The ordinals of the names of one party, in the party's name order. */
    public int[] namesOf(int partyOrdinal) {
        return namesByParty[partyOrdinal].clone();
    }

    /** Normalizes every name of every party (parties in the given order, names in party order). */
    public static IndexedRegistry build(List<Party> parties, PartyLinks links, NameNormalizer normalizer) {
        return build(parties, links, normalizer, null);
    }

    /**
     * As {@link #build(List, PartyLinks, NameNormalizer)}, with the token weights of {@code pinnedWeights} (the
     * statistics of a basis snapshot) instead of those of these parties' own names, when it is not null. An index of
     * a subset of a snapshot's parties, pinned to the snapshot's weights, scores every query against those parties
     * exactly as the whole snapshot's index does.
     */
    public static IndexedRegistry build(List<Party> parties, PartyLinks links, NameNormalizer normalizer,
            TokenStatistics pinnedWeights) {
        List<Party> frozen = List.copyOf(parties);
        List<int[]> all = new ArrayList<>();
        for (int p = 0; p < frozen.size(); p++) {
            for (int n = 0; n < frozen.get(p).names().size(); n++) {
                all.add(new int[] {p, n});
            }
        }
        // normalization is the costly part and the normalizer is thread-safe: use every core, keep the order
        NormalizedName[] each = new NormalizedName[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            Party party = frozen.get(all.get(i)[0]);
            each[i] = normalizer.normalize(party.names().get(all.get(i)[1]).fullName(),
                    party.type() == PartyType.INDIVIDUAL);
        });
        List<NormalizedName> normalized = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int i = 0; i < each.length; i++) {
            if (!each[i].isEmpty()) {
                normalized.add(each[i]);
                owners.add(all.get(i));
            }
        }
        TokenDictionary.Builder builder = new TokenDictionary.Builder();
        for (int i = 0; i < normalized.size(); i++) {
            for (var t : normalized.get(i).tokens()) {
                builder.add(t, i, true);
            }
        }
        TokenDictionary firstPass = builder.buildWeightsOnly();
        io.vigil.registry.match.score.TokenWeights listWeights = pinnedWeights != null ? pinnedWeights : firstPass;
        ScorableName[] scorables = new ScorableName[normalized.size()];
        IntStream.range(0, scorables.length).parallel().forEach(i ->
                scorables[i] = ScorableName.ofListName(normalized.get(i), listWeights, normalizer));
        List<IndexedName> names = new ArrayList<>(normalized.size());
        TokenDictionary.Builder withJoined = new TokenDictionary.Builder();
        for (int i = 0; i < normalized.size(); i++) {
            int[] owner = owners.get(i);
            Party party = frozen.get(owner[0]);
            PartyName name = party.names().get(owner[1]);
            ScorableName scorable = scorables[i];
            names.add(new IndexedName(i, owner[0], name, scorable, TypeGroup.of(party.type())));
            for (int t = 0; t < scorable.size(); t++) {
                withJoined.add(scorable.token(t), i, true);
                if (scorable.joined(t) != null) {
                    withJoined.add(scorable.joined(t), i, false);
                }
            }
        }
        List<List<String>> linked = new ArrayList<>(frozen.size());
        for (Party p : frozen) {
            linked.add(links.linkedIds(p.id()));
        }
        List<List<String>> bics = new ArrayList<>(frozen.size());
        for (Party p : frozen) {
            bics.add(p.identifiers().stream().filter(i -> i.type() == io.vigil.registry.model.IdentifierType.SWIFT_BIC)
                    .map(io.vigil.registry.model.Identifier::normalizedValue).toList());
        }
        return new IndexedRegistry(frozen, frozen.stream().map(Party::id).toList(), List.copyOf(bics),
                List.copyOf(linked),
                List.copyOf(names), withJoined.build(pinnedWeights), normalizer);
    }

    /**
     * The most tokens of a query name that are searched; the rest are dropped. Every list name but one has at most
     * 28, and a name this long is better screened by its leading words ({@code NameVariants}). Bounds the cost of one
     * search whatever the query: the lookups grow with the tokens, the scoring with the tokens times the list
     * name's tokens.
     */
    public static final int MAX_QUERY_TOKENS = 32;

    /**
     * The query name, normalized and weighted like the list names: at most its first
     * {@value io.vigil.registry.match.normalize.NameVariants#MAX_CHARS} characters (the normalizer's bound) and its
     * first {@value #MAX_QUERY_TOKENS} tokens.
     */
    public ScorableName prepare(String name, PartyType type) {
        NormalizedName nn = normalizer.normalize(name, type == PartyType.INDIVIDUAL);
        if (nn.tokens().size() > MAX_QUERY_TOKENS) {
            nn = new NormalizedName(nn.original(), nn.tokens().subList(0, MAX_QUERY_TOKENS), nn.legalForms(),
                    nn.honorifics(), nn.person());
        }
        return ScorableName.of(nn, dictionary, normalizer);
    }

    public List<Party> parties() {
        return parties;
    }

    public Party party(int ordinal) {
        return parties.get(ordinal);
    }

    /**
     * The normalized values of the SWIFT BICs among the identifiers of the party at this ordinal, in its order
     * (without reading the rest of the party).
     */
    public List<String> swiftBics(int partyOrdinal) {
        return swiftBics.get(partyOrdinal);
    }

    /** The id of the party at this ordinal (without reading the rest of the party). */
    public String partyId(int ordinal) {
        return partyIds.get(ordinal);
    }

    /** The other entries linked to the party (same person or entity on other lists), sorted. */
    public List<String> linkedIds(int partyOrdinal) {
        return linkedIds.get(partyOrdinal);
    }

    public List<IndexedName> names() {
        return names;
    }

    public IndexedName name(int ordinal) {
        return names.get(ordinal);
    }

    TokenDictionary dictionary() {
        return dictionary;
    }

    /** The token statistics of this index's own list names (a basis for pinning other indexes' weights). */
    public TokenStatistics ownStatistics() {
        return dictionary.statistics();
    }

    /** The token weights query names are weighted with ({@link #prepare}), before their words' roles. */
    public io.vigil.registry.match.score.TokenWeights tokenWeights() {
        return dictionary;
    }

    /** The normalizer the names were normalized with. */
    public NameNormalizer normalizer() {
        return normalizer;
    }

    /** Distinct tokens (and joined pairs) in the dictionary. */
    public int dictionarySize() {
        return dictionary.size();
    }
}
