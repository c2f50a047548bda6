package io.vigil.batch.screening;

import io.vigil.registry.delta.DeltaScreener;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.ScreeningHit;
import java.util.List;

/**
 * One input item after screening: its hits (empty for a clean record or a rejected row), and for a record the
 * fingerprints of its id and content and how it was screened (a full screen's records: {@link
 * DeltaScreener.Route#NEW}).
 */
public record ScreenedItem(InputItem item, List<ScreeningHit> hits, long idFingerprint, long recordFingerprint,
        DeltaScreener.Route route) {

    public ScreenedItem {
        hits = List.copyOf(hits);
    }

    /** A rejected row. */
    public ScreenedItem(InputItem item) {
        this(item, List.of(), 0, 0, null);
    }
}
