package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the input reader tests. */
final class InputTesting {

    private InputTesting() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(InputTesting.class.getResource("/fixtures/inputs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<InputItem> readAll(InputReader reader) throws IOException {
        try (reader) {
            List<InputItem> items = new ArrayList<>();
            for (InputItem i = reader.next(); i != null; i = reader.next()) {
                items.add(i);
            }
            return items;
        }
    }

    static InputRecord record(InputItem item) {
        if (item instanceof InputItem.Record r) {
            return r.record();
        }
        throw new AssertionError("expected a record, got " + item);
    }

    static RejectedRecord rejected(InputItem item) {
        if (item instanceof InputItem.Rejected r) {
            return r.rejected();
        }
        throw new AssertionError("expected a rejection, got " + item);
    }

    /** "field|value|kind|type|dob|country" for compact assertions. */
    static List<String> describe(InputRecord record) {
        List<String> out = new ArrayList<>();
        for (ScreenedValue v : record.values()) {
            out.add(v.field() + "|" + v.value() + "|" + v.kind() + "|" + v.type() + "|" + v.dateOfBirth() + "|"
                    + v.country());
        }
        return out;
    }
}
