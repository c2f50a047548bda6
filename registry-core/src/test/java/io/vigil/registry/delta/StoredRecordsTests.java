package io.vigil.registry.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredRecordsTests {

    @Test
    void decodeGivesBackWhatWasEncoded_unicodeNullsLongValuesAndManyRecords() {
        List<InputRecord> records = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            records.add(new InputRecord(i + 1, "TX" + i, List.of(
                    ScreenedValue.name("originator_name", "Choi Cheol-min " + i, PartyType.INDIVIDUAL, "1978-01-02",
                            "KP"),
                    ScreenedValue.name("beneficiary_name", "최철민 Ωμέγα ‮abc", null, null, null),
                    new ScreenedValue("remittance_info", i % 500 == 0 ? "x".repeat(70_000 + i) : "Invoice " + i, ScreenedValue.Kind.FREE_TEXT, null,
                            null, null),
                    new ScreenedValue("beneficiary_country", "", ScreenedValue.Kind.COUNTRY, null, null, null))));
        }
        assertThat(StoredRecords.decode(StoredRecords.encode(records))).isEqualTo(records);
        assertThat(StoredRecords.decode(StoredRecords.encode(List.of()))).isEmpty();
    }

    @Test
    void aCutShortChunkIsRejected() {
        byte[] encoded = StoredRecords.encode(List.of(new InputRecord(1, "TX1",
                List.of(ScreenedValue.name("originator_name", "Anna Schmidt", null, null, null)))));
        byte[] cut = Arrays.copyOf(encoded, encoded.length / 2);
        assertThatThrownBy(() -> StoredRecords.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }
}
