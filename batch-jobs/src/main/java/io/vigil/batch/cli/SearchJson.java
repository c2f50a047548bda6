package io.vigil.batch.cli;

import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.match.explain.TokenMatch;
import io.vigil.registry.model.Designation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@code vigil search --json}: {@code {"query":NAME, "dob", "country", "type", "snapshot",
 * "thresholds", "hits":[{"party_id","linked_ids","matched_name","score","decision","explanation",
 * "explanation_detail","citations"}…]}}, hits in descending score order. {@code explanation} is the one-line
 * summary; {@code explanation_detail} the same as structured data.
 */
final class SearchJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SearchJson() {
    }

    static String write(MatchQuery query, ActiveMatcher.Loaded loaded, List<MatchHit> hits) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("query", query.name());
        root.put("dob", query.dateOfBirth() == null ? null : query.dateOfBirth().iso());
        root.put("country", query.country());
        root.put("type", query.type() == null ? null : query.type().cliName());
        root.put("snapshot", loaded.snapshot().id());
        root.put("algorithm", io.vigil.registry.match.MatchPolicy.ALGORITHM_VERSION);
        root.put("thresholds", Map.of("alert", loaded.policy().alertThreshold(), "review",
                loaded.policy().reviewThreshold()));
        List<Object> list = new ArrayList<>();
        for (MatchHit hit : hits) {
            list.add(hit(hit));
        }
        root.put("hits", list);
        return MAPPER.writeValueAsString(root);
    }

    static Map<String, Object> hit(MatchHit hit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party_id", hit.partyId());
        m.put("linked_ids", hit.linkedIds());
        m.put("matched_name", hit.matchedName().fullName());
        m.put("matched_party_id", hit.matchedPartyId());
        m.put("primary_name", hit.party().primaryName());
        m.put("party_type", hit.party().type().cliName());
        m.put("score", hit.score());
        m.put("decision", hit.decision().label());
        m.put("explanation", hit.explanation().summary());
        m.put("explanation_detail", detail(hit.explanation()));
        List<Object> citations = new ArrayList<>();
        for (MatchHit.Citation citation : hit.citations()) {
            Designation d = citation.designation();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("n", citation.number());
            c.put("party_id", citation.partyId());
            c.put("authority", d.authority());
            c.put("list", d.listName());
            c.put("program", d.program());
            c.put("legal_basis", d.legalBasis());
            c.put("listed_on", d.listedOn() == null ? null : d.listedOn().toString());
            c.put("source_reference", d.sourceReference());
            c.put("url", d.url());
            c.put("source_type", d.sourceType());
            citations.add(c);
        }
        m.put("citations", citations);
        return m;
    }

    private static Map<String, Object> detail(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matched_name", e.matchedName());
        m.put("name_kind", e.kind().name());
        m.put("name_quality", e.quality().name());
        m.put("query_tokens", e.queryTokens());
        m.put("name_tokens", e.nameTokens());
        List<Object> tokens = new ArrayList<>();
        for (TokenMatch t : e.tokens()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("query", t.queryToken());
            tm.put("list", t.listToken());
            tm.put("similarity", Math.round(t.similarity() * 1000) / 1000.0);
            tm.put("method", t.method().name());
            tokens.add(tm);
        }
        m.put("tokens", tokens);
        m.put("name_score", e.nameScore());
        List<Object> attributes = new ArrayList<>();
        for (AttributeEffect a : e.attributes()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("attribute", a.attribute());
            am.put("query", a.queryValue());
            am.put("list", a.listValue());
            am.put("effect", a.effect());
            am.put("reason", a.reason());
            attributes.add(am);
        }
        m.put("attributes", attributes);
        m.put("score", e.score());
        return m;
    }
}
