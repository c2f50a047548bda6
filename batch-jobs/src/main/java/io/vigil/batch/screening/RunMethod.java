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
 *     "policy":…,"embargoed_countries":{"CU":…,"IR":…},"token_weights":{"basis_snapshot":3,"sha256":…}}}, keys in
 *     that order, countries sorted
 */
public record RunMethod(String json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static RunMethod of(MatchPolicy policy, EmbargoPolicy embargo) {
        return of(policy, embargo, null);
    }

    /**
     * The method with the token weights the run's snapshot is matched with (null: not recorded, as for runs before
     * weights had a basis).
     */
    public static RunMethod of(MatchPolicy policy, EmbargoPolicy embargo,
            io.vigil.batch.matching.WeightsBasis.Assigned weights) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm_version", MatchPolicy.ALGORITHM_VERSION);
        m.put("alert_threshold", policy.alertThreshold());
        m.put("review_threshold", policy.reviewThreshold());
        m.put("policy", policy.describe());
        m.put("embargoed_countries", new TreeMap<>(embargo.reasons()));
        if (weights != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("basis_snapshot", weights.basisSnapshotId());
            w.put("sha256", weights.fingerprint());
            m.put("token_weights", w);
        }
        return new RunMethod(JSON.writeValueAsString(m));
    }

    /** The token weights' basis snapshot and SHA-256 ({@code 3 9f2c…}), or empty when not recorded. */
    public String tokenWeights() {
        JsonNode w = node().get("token_weights");
        return w == null ? "" : w.get("basis_snapshot").asString() + " " + w.get("sha256").asString();
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
