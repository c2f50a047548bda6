package io.vigil.batch.screening;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.RecordScreener;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** A thin adapter: each record goes to registry-core's {@link RecordScreener}; a rejected row passes through. */
public class ScreeningProcessor implements ItemProcessor<InputItem, ScreenedItem> {

    private final RecordScreener screener;

    public ScreeningProcessor(RecordScreener screener) {
        this.screener = screener;
    }

    @Override
    public ScreenedItem process(InputItem item) {
        if (item instanceof InputItem.Record r) {
            return new ScreenedItem(item, screener.screen(r.record()));
        }
        return new ScreenedItem(item, List.of());
    }
}
