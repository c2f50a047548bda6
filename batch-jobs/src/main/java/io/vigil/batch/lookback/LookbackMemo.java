package io.vigil.batch.lookback;

import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hits of each distinct screened value already screened by a lookback, field by field: payments repeat their
 * banks and many remittance texts, but hardly ever a party name. A field whose values are found here too rarely (less
 * than {@value #MIN_FOUND_PERCENT}% of its first {@value #TRIAL} look-ups) is no longer looked up nor remembered: its
 * values go straight to the screener, and the room is left to the fields that repeat. Only a cache of what the
 * screener gives for a value, so whether a value is found here never changes a hit. Thread-safe.
 */
final class LookbackMemo {

    /** Look-ups of a field before it is judged. */
    static final int TRIAL = 20_000;
    /** The share of a field's look-ups, in percent, that must find its value for the field to stay remembered. */
    static final int MIN_FOUND_PERCENT = 5;

    private static final class FieldUse {
        final LongAdder asked = new LongAdder();
        final LongAdder found = new LongAdder();
        volatile boolean off;
    }

    private final int limit;
    private final ConcurrentHashMap<ScreenedValue, List<ScreeningHit>> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, FieldUse> fields = new ConcurrentHashMap<>();

    /** @param limit distinct values remembered at most */
    LookbackMemo(int limit) {
        this.limit = limit;
    }

    /** The value's remembered hits, or null when not remembered (or its field no longer is). */
    List<ScreeningHit> get(ScreenedValue v) {
        FieldUse use = fields.computeIfAbsent(v.field(), f -> new FieldUse());
        if (use.off) {
            return null;
        }
        List<ScreeningHit> known = values.get(v);
        use.asked.increment();
        if (known != null) {
            use.found.increment();
        } else {
            long asked = use.asked.sum();
            if (asked >= TRIAL && use.found.sum() * 100 < asked * MIN_FOUND_PERCENT) {
                use.off = true;
            }
        }
        return known;
    }

    /** Remembers the value's hits, unless the memo is full or the value's field is no longer remembered. */
    void put(ScreenedValue v, List<ScreeningHit> hits) {
        FieldUse use = fields.get(v.field());
        if ((use == null || !use.off) && values.size() < limit) {
            values.put(v, hits);
        }
    }

    /** Whether values of this field are still looked up and remembered. */
    boolean remembers(String field) {
        FieldUse use = fields.get(field);
        return use == null || !use.off;
    }

    int size() {
        return values.size();
    }
}
