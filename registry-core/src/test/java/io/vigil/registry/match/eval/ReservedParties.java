package io.vigil.registry.match.eval;

import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.uk.UkOfsiCsvParser;
import io.vigil.registry.source.un.UnConsolidatedXmlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parties of the two reserved lists, the UN list of 2026 ({@code un/consolidated.xml}) and the UK list of 2018
 * ({@code uk/sanctionsconlist.csv}). Independent acceptance checks use them, so no evaluation pair may come from a
 * party either holds; they are read only to leave such parties out.
 *
 * <p>A party is left out when its link group (the registry's {@link io.vigil.registry.link.PartyLinker} run over the
 * evaluated lists together with the reserved ones) holds a reserved entry, when it carries a UN reference, or when
 * one of its names (or a parenthesised part of one) has the order-insensitive key of a reserved name: the UK and
 * Japan copy the UN's designations with the UN's spellings.
 */
final class ReservedParties {

    private static final Pattern PARENTHESISED = Pattern.compile("[(（]([^)）]*)[)）]");

    private final List<Party> parties;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> keys = new HashSet<>();

    private ReservedParties(List<Party> parties) {
        this.parties = List.copyOf(parties);
        for (Party p : parties) {
            ids.add(p.id());
            for (PartyName n : p.names()) {
                keys.addAll(keys(n.fullName()));
            }
        }
    }

    static ReservedParties read(Path lists) throws ListParseException {
        List<Party> reserved = new ArrayList<>();
        reserved.addAll(new UnConsolidatedXmlParser().parse(lists.resolve("un/consolidated.xml")).parties());
        reserved.addAll(new UkOfsiCsvParser().parse(lists.resolve("uk/sanctionsconlist.csv")).parties());
        return new ReservedParties(reserved);
    }

    /** The reserved parties, for linking them with the evaluated lists (never as a source of pairs). */
    List<Party> parties() {
        return parties;
    }

    boolean isReservedId(String id) {
        return ids.contains(id);
    }

    /** The reserved names' keys (and their parenthesised parts' keys), for leaving generated negatives out. */
    Set<String> keys() {
        return keys;
    }

    /** Why {@code party}, linked to {@code group}, is left out, or null when no reserved list holds it. */
    String excluded(Party party, List<String> group) {
        if (ids.contains(party.id())) {
            return "reserved entry";
        }
        for (String id : group) {
            if (ids.contains(id)) {
                return "linked to " + id.substring(0, id.indexOf(':'));
            }
        }
        for (Identifier i : party.identifiers()) {
            if (i.type() == IdentifierType.UN_REFERENCE) {
                return "UN reference";
            }
        }
        for (PartyName n : party.names()) {
            for (String k : keys(n.fullName())) {
                if (keys.contains(k)) {
                    return "reserved name";
                }
            }
        }
        return null;
    }

    /** The name's key, and the keys of the name without its parenthesised parts and of each such part. */
    static Set<String> keys(String name) {
        Set<String> out = new HashSet<>();
        out.add(EvalKeys.key(name));
        String outside = name.replaceAll("[(（][^)）]*[)）]", " ").strip();
        if (!outside.isEmpty()) {
            out.add(EvalKeys.key(outside));
        }
        Matcher m = PARENTHESISED.matcher(name);
        while (m.find()) {
            if (!m.group(1).isBlank()) {
                out.add(EvalKeys.key(m.group(1)));
            }
        }
        out.remove("");
        return out;
    }
}
