package io.vigil.batch.screening;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an input file item by item through a registry-core {@link InputReader}, and keeps in the step's execution
 * context how many items it has delivered, how many were records and how many rejected rows. The context is saved
 * with each chunk's commit, so a restarted step skips exactly the items already committed.
 */
public class InputItemReader implements ItemStreamReader<InputItem> {

    /** Step execution context keys: items delivered, records among them, rejected rows among them. */
    public static final String ITEMS = "input.items";
    public static final String RECORDS = "input.records";
    public static final String REJECTED = "input.rejected";

    private final Supplier<InputReader> opener;
    private InputReader reader;
    private long items;
    private long records;
    private long rejected;

    public InputItemReader(Supplier<InputReader> opener) {
        this.opener = opener;
    }

    @Override
    public void open(ExecutionContext context) {
        items = context.getLong(ITEMS, 0L);
        records = context.getLong(RECORDS, 0L);
        rejected = context.getLong(REJECTED, 0L);
        reader = opener.get();
        if (items > 0) {
            LoggerFactory.getLogger(InputItemReader.class).info("resuming after {} items already committed "
                    + "({} records, {} rejected rows)", items, records, rejected);
        }
        try {
            reader.skip(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputItem read() throws IOException {
        InputItem item = next();
        if (item != null) {
            delivered(item);
        }
        return item;
    }

    /** The next item of the file, not yet counted (null at the end); not thread-safe, one reading thread at a time. */
    public InputItem next() throws IOException {
        return reader.next();
    }

    /** Counts an item handed to the step (on the step's thread, before the commit that saves the counts). */
    public void delivered(InputItem item) {
        items++;
        if (item instanceof InputItem.Record) {
            records++;
        } else {
            rejected++;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ITEMS, items);
        context.putLong(RECORDS, records);
        context.putLong(REJECTED, rejected);
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                reader = null;
            }
        }
    }
}
