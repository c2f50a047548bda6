package io.vigil.batch.screening;

import io.vigil.registry.delta.DeltaScreener;
import io.vigil.registry.delta.RecordFingerprints;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RecordScreener;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A thin adapter: each record goes to registry-core's {@link RecordScreener}, or on a delta night to its {@link
 * DeltaScreener}; a rejected row passes through. Every record leaves with its fingerprints, which the writer stores
 * for the next night.
 */
public class ScreeningProcessor implements ItemProcessor<InputItem, ScreenedItem> {

    private final RecordScreener screener;
    private final DeltaScreener delta;

    /** @param delta the delta screener on a delta night, else null */
    public ScreeningProcessor(RecordScreener screener, DeltaScreener delta) {
        this.screener = screener;
        this.delta = delta;
    }

    /**
     * This processor itself, not its step-scoped proxy: a caller that processes many items in one step execution
     * resolves the proxy's target once instead of once per item (the scope lookup and the reflective call through
     * the proxy cost about a seventh of the matching threads' time on a delta night). A function, not {@code this}:
     * a proxy would hand back itself in place of a returned target.
     */
    public java.util.function.Function<InputItem, ScreenedItem> direct() {
        // the function is used by one thread (a batch's): its records share one fingerprint hasher
        RecordFingerprints.Hasher hasher = new RecordFingerprints.Hasher();
        return item -> process(item, hasher);
    }

    @Override
    public ScreenedItem process(InputItem item) {
        return process(item, new RecordFingerprints.Hasher());
    }

    private ScreenedItem process(InputItem item, RecordFingerprints.Hasher hasher) {
        if (!(item instanceof InputItem.Record r)) {
            return new ScreenedItem(item);
        }
        InputRecord record = r.record();
        long id = hasher.ofId(record.recordId());
        long fp = hasher.of(record);
        if (delta == null) {
            return new ScreenedItem(item, screener.screen(record), id, fp, DeltaScreener.Route.NEW);
        }
        DeltaScreener.Result result = delta.screen(record, id, fp);
        return new ScreenedItem(item, result.hits(), id, fp, result.route());
    }
}
