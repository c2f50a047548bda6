package io.vigil.registry.screen.input;

import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.util.List;

/**
 * A counterparty row → one NAME value {@code name} with its type, date of birth and country. Example: {@code
 * C-1,Choi Cheol-min,person,1978,CN,} → record C-1, {@code name("name", "Choi Cheol-min", INDIVIDUAL, "1978",
 * "CN")}.
 */
final class CounterpartyRows implements CsvInputReader.RowReader {

    @Override
    public InputItem read(long line, CsvInputReader.Row row) {
        String id = row.get("id");
        if (id.isEmpty()) {
            return reject(line, "", "id is empty");
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            return reject(line, id, "name is empty");
        }
        String typeText = row.get("type");
        PartyType type = null;
        if (!typeText.isEmpty()) {
            type = PartyType.fromText(typeText);
            if (type == PartyType.UNKNOWN) {
                return reject(line, id, "type '" + typeText + "' is not person, organization, vessel or aircraft");
            }
        }
        String dob = row.get("date_of_birth");
        if (!dob.isEmpty()) {
            try {
                dob = MatchQuery.parseDate(dob).text();
            } catch (IllegalArgumentException e) {
                return reject(line, id, e.getMessage());
            }
        }
        String country;
        try {
            country = Values.country(row.get("country"), "country");
        } catch (IllegalArgumentException e) {
            return reject(line, id, e.getMessage());
        }
        return new InputItem.Record(new InputRecord(line, id,
                List.of(ScreenedValue.name("name", name, type, dob.isEmpty() ? null : dob, country))));
    }

    static InputItem reject(long line, String id, String reason) {
        return new InputItem.Rejected(new RejectedRecord(line, id, reason));
    }
}
