package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import java.util.StringJoiner;

/**
 * Compares the screened date of birth with the party's listed dates of birth (individuals only).
 *
 * <p>Effects: the same day +{@value #SAME_DAY}, the same month +{@value #SAME_MONTH}, the same year (or within a
 * listed range) +{@value #SAME_YEAR}; no listed date can be it: the same year but another day
 * {@value #OTHER_DAY}, a year apart {@value #ONE_YEAR}, two or three years {@value #FEW_YEARS}, four or five
 * {@value #SEVERAL_YEARS}, more {@value #FAR}. Example: query {@code 1990} against KIM Su Gil, listed
 * {@code 1950} → {@code -40 (born 40 years apart)}.
 */
public final class BirthDateComparison {

    public static final double SAME_DAY = 5;
    public static final double SAME_MONTH = 4;
    public static final double SAME_YEAR = 3;
    public static final double OTHER_DAY = -5;
    public static final double ONE_YEAR = -8;
    public static final double FEW_YEARS = -15;
    public static final double SEVERAL_YEARS = -25;
    public static final double FAR = -40;
    static final String ATTRIBUTE = "date of birth";

    /** The effect, or null when the date is not comparable (no query date, or not an individual). */
    public AttributeEffect compare(PartialDate query, Party party) {
        if (query == null || party.type() != PartyType.INDIVIDUAL) {
            return null;
        }
        if (party.datesOfBirth().isEmpty()) {
            return new AttributeEffect(ATTRIBUTE, query.iso(), null, 0, "no date of birth listed");
        }
        StringJoiner listed = new StringJoiner(", ");
        double best = Double.NEGATIVE_INFINITY;
        String reason = null;
        for (PartialDate d : party.datesOfBirth()) {
            listed.add(d.iso());
            double effect;
            String why;
            if (query.overlaps(d)) {
                if (query.precision() == DatePrecision.DAY && d.precision() == DatePrecision.DAY) {
                    effect = SAME_DAY;
                    why = "same date of birth";
                } else if (atLeastMonth(query) && atLeastMonth(d)) {
                    effect = SAME_MONTH;
                    why = "same month of birth";
                } else {
                    effect = SAME_YEAR;
                    why = d.precision() == DatePrecision.RANGE ? "within the listed range" : "same year of birth";
                }
            } else {
                int gap = yearGap(query, d);
                if (gap == 0) {
                    effect = OTHER_DAY;
                    why = "same year, another day";
                } else if (gap == 1) {
                    effect = ONE_YEAR;
                    why = "born a year apart";
                } else if (gap <= 3) {
                    effect = FEW_YEARS;
                    why = "born " + gap + " years apart";
                } else if (gap <= 5) {
                    effect = SEVERAL_YEARS;
                    why = "born " + gap + " years apart";
                } else {
                    effect = FAR;
                    why = "born " + gap + " years apart";
                }
            }
            if (effect > best) {
                best = effect;
                reason = why;
            }
        }
        return new AttributeEffect(ATTRIBUTE, query.iso(), listed.toString(), best, reason);
    }

    private static boolean atLeastMonth(PartialDate d) {
        return d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.MONTH;
    }

    private static int yearGap(PartialDate a, PartialDate b) {
        int aFrom = a.earliest().getYear();
        int aTo = a.latest().getYear();
        int bFrom = b.earliest().getYear();
        int bTo = b.latest().getYear();
        if (aTo < bFrom) {
            return bFrom - aTo;
        }
        if (bTo < aFrom) {
            return aFrom - bTo;
        }
        return 0;
    }
}
