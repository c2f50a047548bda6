package io.vigil.batch.screening;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.ScreeningHit;
import java.util.List;

/** One input item after screening: its hits (empty for a clean record or a rejected row). */
public record ScreenedItem(InputItem item, List<ScreeningHit> hits) {

    public ScreenedItem {
        hits = List.copyOf(hits);
    }
}
