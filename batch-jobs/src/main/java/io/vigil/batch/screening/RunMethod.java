package io.vigil.batch.screening;

import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.screen.EmbargoPolicy;
import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What decides a run's results besides its input and the registry: the matching algorithm version, the thresholds,
 * the policy and the embargoed countries. Stored with the run as JSON; its SHA-256 is the run's configuration
 * fingerprint, so two runs with the same fingerprint screened with the same rules.
 *
 * @param json canonical JSON: {@code {"algorithm_version":…,"alert_threshold":85.0,"review_threshold":72.0,
 *     "policy":…,"embargoed_countries":{"CU":…,"IR":…}}}, keys in that order, countries sorted
 */
public record RunMethod(String json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static RunMethod of(MatchPolicy policy, EmbargoPolicy embargo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm_version", MatchPolicy.ALGORITHM_VERSION);
        m.put("alert_threshold", policy.alertThreshold());
        m.put("review_threshold", policy.reviewThreshold());
        m.put("policy", policy.describe());
        m.put("embargoed_countries", new TreeMap<>(embargo.reasons()));
        return new RunMethod(JSON.writeValueAsString(m));
    }

    /** SHA-256 of the canonical JSON. */
    public String fingerprint() {
        return Hashing.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

    public String algorithmVersion() {
        return node().get("algorithm_version").asString();
    }

    public double alertThreshold() {
        return node().get("alert_threshold").asDouble();
    }

    public double reviewThreshold() {
        return node().get("review_threshold").asDouble();
    }

    public String policy() {
        return node().get("policy").asString();
    }

    /** ISO code → reason, sorted by code. */
    public Map<String, String> embargoedCountries() {
        Map<String, String> out = new TreeMap<>();
        node().get("embargoed_countries").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private JsonNode node() {
        return JSON.readTree(json);
    }
}
