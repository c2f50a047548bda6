package io.vigil.batch.cli;

import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.match.explain.TokenMatch;
import io.vigil.registry.model.Designation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text form of {@code vigil search}: one block per hit, reasons and numbered citations included. */
final class SearchPrinter {

    private SearchPrinter() {
    }

    static void print(MatchQuery query, ActiveMatcher.Loaded loaded, List<MatchHit> hits, PrintWriter out) {
        out.printf(Locale.ROOT, "Search \"%s\"%s against snapshot %d (%d parties); alert >= %.1f, review >= %.1f%n",
                query.name(), filters(query), loaded.snapshot().id(), loaded.snapshot().partyCount(),
                loaded.policy().alertThreshold(), loaded.policy().reviewThreshold());
        if (hits.isEmpty()) {
            out.printf(Locale.ROOT, "No hits: no listed name scored %.1f or more.%n", loaded.policy().reviewThreshold());
            return;
        }
        int rank = 0;
        for (MatchHit hit : hits) {
            rank++;
            Explanation e = hit.explanation();
            out.printf(Locale.ROOT, "%n%d. %s  %.1f  %s  %s (%s)%n", rank, hit.partyId(), hit.score(),
                    hit.decision().label().toUpperCase(Locale.ROOT), hit.party().primaryName(),
                    hit.party().type().cliName());
            out.printf(Locale.ROOT, "   matched name: %s (%s, %s)%s%n", e.matchedName(),
                    e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    e.quality().name().toLowerCase(Locale.ROOT), hit.matchedPartyId().equals(hit.partyId()) ? ""
                            : " of linked entry " + hit.matchedPartyId());
            out.printf(Locale.ROOT, "   tokens: %s -> %s%n", e.queryTokens(), e.nameTokens());
            for (TokenMatch t : e.tokens()) {
                out.println("     " + t);
            }
            out.printf(Locale.ROOT, "   name score: %.1f%n", e.nameScore());
            for (AttributeEffect a : e.attributes()) {
                out.println("   " + a);
            }
            out.printf(Locale.ROOT, "   score: %.1f%n", e.score());
            if (!hit.linkedIds().isEmpty()) {
                out.println("   linked entries: " + String.join(", ", hit.linkedIds()));
            }
            for (MatchHit.Citation c : hit.citations()) {
                out.printf(Locale.ROOT, "   [%d] %s: %s%n", c.number(), c.partyId(), citation(c.designation()));
            }
        }
    }

    static String citation(Designation d) {
        StringBuilder sb = new StringBuilder(d.authority()).append(", ").append(d.listName());
        if (d.program() != null) {
            sb.append("; program ").append(d.program());
        }
        if (d.legalBasis() != null) {
            sb.append("; legal basis ").append(d.legalBasis());
        }
        sb.append("; listed ").append(d.listedOn() == null ? "(date not published in the source)" : d.listedOn());
        sb.append("; source ").append(d.sourceReference());
        if (d.url() != null) {
            sb.append(" <").append(d.url()).append('>');
        }
        return sb.toString();
    }

    private static String filters(MatchQuery q) {
        StringBuilder sb = new StringBuilder();
        if (q.dateOfBirth() != null) {
            sb.append(" dob ").append(q.dateOfBirth().iso());
        }
        if (q.country() != null) {
            sb.append(" country ").append(q.country());
        }
        if (q.type() != null) {
            sb.append(" type ").append(q.type().cliName());
        }
        return sb.toString();
    }
}
