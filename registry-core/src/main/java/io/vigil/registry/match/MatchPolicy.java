package io.vigil.registry.match;

import java.util.Locale;

/**
 * The thresholds that turn a score into a decision. A score at or above {@code alertThreshold} is an
 * {@link Decision#ALERT}; at or above {@code reviewThreshold} a {@link Decision#REVIEW}; below, no hit.
 *
 * <p>Example: {@code new MatchPolicy(85, 70).decide(99.7)} → {@code ALERT}; {@code decide(72)} → {@code REVIEW}.
 */
public record MatchPolicy(double alertThreshold, double reviewThreshold) {

    /** The matching algorithm's version, recorded with every run so a report says how its scores were made. */
    public static final String ALGORITHM_VERSION = "vigil-match 1.8";
    /** Chosen from the recall / false-alert curve of both evaluation sets (docs/matching.md). */
    public static final double DEFAULT_ALERT = 83;
    public static final double DEFAULT_REVIEW = 72;

    public MatchPolicy {
        if (reviewThreshold < 0 || alertThreshold > 100 || reviewThreshold > alertThreshold) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= review <= alert <= 100, got review "
                    + reviewThreshold + " and alert " + alertThreshold);
        }
    }

    public static MatchPolicy defaults() {
        return new MatchPolicy(DEFAULT_ALERT, DEFAULT_REVIEW);
    }

    /** The decision for a score, or null below the review threshold. */
    public Decision decide(double score) {
        if (score >= alertThreshold) {
            return Decision.ALERT;
        }
        return score >= reviewThreshold ? Decision.REVIEW : null;
    }

    /** A stable one-line description, part of a run's configuration fingerprint. */
    public String describe() {
        return String.format(Locale.ROOT, "%s; alert >= %.1f; review >= %.1f", ALGORITHM_VERSION, alertThreshold,
                reviewThreshold);
    }
}
