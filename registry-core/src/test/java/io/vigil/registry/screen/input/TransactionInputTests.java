package io.vigil.registry.screen.input;

import static io.vigil.registry.screen.input.InputTesting.describe;
import static io.vigil.registry.screen.input.InputTesting.fixture;
import static io.vigil.registry.screen.input.InputTesting.readAll;
import static io.vigil.registry.screen.input.InputTesting.record;
import static io.vigil.registry.screen.input.InputTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionInputTests {

    @TempDir
    Path tmp;

    @Test
    void read_transactionsCsv_yieldsPartiesBanksCountriesAndRemittance() throws Exception {
        // given the fixture: two good rows, an unknown country, an empty id, a short row
        Path file = fixture("transactions.csv");

        // when
        List<InputItem> items = readAll(InputFiles.open(file, InputKind.TRANSACTIONS));

        // then
        assertThat(InputFiles.detect(file, InputKind.TRANSACTIONS)).isEqualTo(InputFormat.TRANSACTIONS_CSV);
        assertThat(items).hasSize(5);
        InputRecord t1 = record(items.get(0));
        assertThat(t1.line()).isEqualTo(2);
        assertThat(t1.recordId()).isEqualTo("T-1");
        assertThat(describe(t1)).containsExactly(
                "originator_name|ACME Industrietechnik GmbH|NAME|null|null|DE",
                "originator_country|DE|COUNTRY|null|null|null",
                "originator_bank|DEUTSCHE BANK AG|NAME|ORGANIZATION|null|null",
                "beneficiary_name|CHOE CHOL MIN|NAME|null|null|CN",
                "beneficiary_country|CN|COUNTRY|null|null|null",
                "beneficiary_bank|BANK OF CHINA BEIJING BRANCH|NAME|ORGANIZATION|null|null",
                "intermediary_bank|JPMORGAN CHASE BANK|NAME|ORGANIZATION|null|null",
                "remittance_info|Order 7781 spare parts|FREE_TEXT|null|null|null");
        InputRecord t2 = record(items.get(1));
        assertThat(t2.recordId()).isEqualTo("T-2");
        assertThat(describe(t2)).containsExactly(
                "originator_name|Hans Müller|NAME|null|null|DE",
                "originator_country|DE|COUNTRY|null|null|null",
                "beneficiary_name|Dupont Fournitures SARL|NAME|null|null|FR",
                "beneficiary_country|FR|COUNTRY|null|null|null");
        assertThat(items.subList(2, 5)).map(InputTesting::rejected).containsExactly(
                new RejectedRecord(4, "T-3", "beneficiary_country 'XX' is not a known ISO 3166 alpha-2 code"),
                new RejectedRecord(5, "", "id is empty"),
                new RejectedRecord(6, "T-5", "expected 12 columns, found 3"));
    }

    @Test
    void read_idOnlyLayout_yieldsRecordsWithTheColumnsPresent() throws Exception {
        // given a minimal export: id, beneficiary and remittance only, mapped from other names
        Path file = Files.writeString(tmp.resolve("tx.csv"),
                "Ref,Payee,Details\nP-1,CHOE CHOL MIN,\nP-2,,rent\n", StandardCharsets.UTF_8);
        ColumnMapping mapping = ColumnMapping.of(InputKind.TRANSACTIONS,
                Map.of("id", "Ref", "beneficiary_name", "Payee", "remittance_info", "Details"));

        // when
        List<InputItem> items = readAll(InputFiles.open(file, InputKind.TRANSACTIONS, mapping, null));

        // then
        assertThat(describe(record(items.get(0)))).containsExactly("beneficiary_name|CHOE CHOL MIN|NAME|null|null|null");
        assertThat(describe(record(items.get(1)))).containsExactly("remittance_info|rent|FREE_TEXT|null|null|null");
        assertThat(record(items.get(1)).line()).isEqualTo(3);
    }

    @Test
    void open_headerWithoutId_failsNamingTheMappedColumn() throws Exception {
        // given a mapping expecting "Ref" and a header without it
        Path file = Files.writeString(tmp.resolve("tx.csv"), "Reference,Payee\nP-1,X\n", StandardCharsets.UTF_8);
        ColumnMapping mapping = ColumnMapping.of(InputKind.TRANSACTIONS, Map.of("id", "Ref"));

        // when / then
        assertThatThrownBy(() -> InputFiles.open(file, InputKind.TRANSACTIONS, mapping, null))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": header at line 1 lacks required column Ref (id); header found: Reference,Payee");
    }

    @Test
    void open_counterpartyMappingForTransactions_isRefused() {
        // given a mapping made for the other kind
        ColumnMapping mapping = ColumnMapping.defaults(InputKind.COUNTERPARTIES);

        // when / then
        assertThatThrownBy(() -> InputFiles.open(fixture("transactions.csv"), InputKind.TRANSACTIONS, mapping, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COUNTERPARTIES");
    }

    @Test
    void of_unknownLogicalColumn_isRefused() {
        // when / then
        assertThatThrownBy(() -> ColumnMapping.of(InputKind.TRANSACTIONS, Map.of("payee", "Payee")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'payee' is not a transactions column");
    }

    @Test
    void open_emptyTransactionsFile_yieldsNoItems() throws Exception {
        // given a 0-byte transactions file
        Path file = Files.write(tmp.resolve("tx.csv"), new byte[0]);

        // when / then
        assertThat(readAll(InputFiles.open(file, InputKind.TRANSACTIONS))).isEmpty();
    }
}
