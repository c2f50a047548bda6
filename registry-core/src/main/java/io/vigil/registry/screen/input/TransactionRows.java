package io.vigil.registry.screen.input;

import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreenedValue.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction row → its values in column order, blank fields omitted: {@code originator_name} (NAME, with
 * {@code originator_country}), {@code originator_country} (COUNTRY), {@code originator_bank} (NAME, organization),
 * {@code beneficiary_name}, {@code beneficiary_country}, {@code beneficiary_bank}, {@code intermediary_bank},
 * {@code remittance_info} (FREE_TEXT). Example: {@code T-1,...,CHOE CHOL MIN,cn,...} → {@code
 * name("beneficiary_name", "CHOE CHOL MIN", null, null, "CN")}, {@code COUNTRY beneficiary_country = "CN"}.
 */
final class TransactionRows implements CsvInputReader.RowReader {

    @Override
    public InputItem read(long line, CsvInputReader.Row row) {
        String id = row.get("id");
        if (id.isEmpty()) {
            return CounterpartyRows.reject(line, "", "id is empty");
        }
        String originatorCountry;
        String beneficiaryCountry;
        try {
            originatorCountry = Values.country(row.get("originator_country"), "originator_country");
            beneficiaryCountry = Values.country(row.get("beneficiary_country"), "beneficiary_country");
        } catch (IllegalArgumentException e) {
            return CounterpartyRows.reject(line, id, e.getMessage());
        }
        List<ScreenedValue> values = new ArrayList<>();
        party(values, "originator", row.get("originator_name"), originatorCountry, row.get("originator_bank"));
        party(values, "beneficiary", row.get("beneficiary_name"), beneficiaryCountry, row.get("beneficiary_bank"));
        bank(values, "intermediary_bank", row.get("intermediary_bank"));
        String remittance = row.get("remittance_info");
        if (!remittance.isEmpty()) {
            values.add(new ScreenedValue("remittance_info", remittance, Kind.FREE_TEXT, null, null, null));
        }
        return new InputItem.Record(new InputRecord(line, id, values));
    }

    private static void party(List<ScreenedValue> values, String side, String name, String country, String bank) {
        if (!name.isEmpty()) {
            values.add(ScreenedValue.name(side + "_name", name, null, null, country));
        }
        if (country != null) {
            values.add(new ScreenedValue(side + "_country", country, Kind.COUNTRY, null, null, null));
        }
        bank(values, side + "_bank", bank);
    }

    private static void bank(List<ScreenedValue> values, String field, String name) {
        if (!name.isEmpty()) {
            values.add(ScreenedValue.name(field, name, PartyType.ORGANIZATION, null, null));
        }
    }
}
