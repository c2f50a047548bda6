package io.vigil.batch.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.delta.BookState;
import io.vigil.registry.screen.InputRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The base run's book state a delta night reads twice (screening step, decisions step): read once while the run's
 * stored fingerprints are unchanged, read again when a purge has removed some.
 */
class ScreenedRecordStoreTests {

    @Test
    void baseBookState_isReadOnceWhileTheRunsRecordsAreUnchanged_andAgainAfterAPurge() throws Exception {
        // given a completed run that stored 3 chunks of 2 records (the V4 table, on an in-memory H2)
        var jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:screened-records-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        String v4 = new String(getClass().getResourceAsStream("/db/migration/h2/V4__delta_screening_and_lookback.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        for (String statement : v4.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        var store = new ScreenedRecordStore(jdbc);
        LocalDate day = LocalDate.of(2026, 11, 19);
        for (int chunk = 0; chunk < 3; chunk++) {
            List<InputRecord> records = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                records.add(new InputRecord(chunk * 2 + i, "C" + (chunk * 2 + i), List.of()));
            }
            store.insert(11, 7, "screenCounterpartiesJob", day, 1, records,
                    new long[] {chunk * 2 + 1, chunk * 2 + 2}, new long[] {100 + chunk, 200 + chunk}, false);
        }

        // when the screening step and then the decisions step ask for it
        BookState first = store.baseBookState(7);
        BookState second = store.baseBookState(7);

        // then the second gets the state the first read, which is the run's stored state
        assertThat(first.size()).isEqualTo(6);
        assertThat(second).isSameAs(first);
        assertThat(first.unchanged(3, 101)).isTrue();
        assertThat(store.bookState(7).size()).isEqualTo(6);

        // and once a chunk is gone (a purge), it is read again
        jdbc.update("DELETE FROM SCREENED_RECORDS WHERE JOB_INSTANCE_ID = 7 AND FIRST_LINE = 3");
        BookState afterPurge = store.baseBookState(7);
        assertThat(afterPurge).isNotSameAs(first);
        assertThat(afterPurge.size()).isEqualTo(4);
        assertThat(afterPurge.contains(3)).isFalse();
        // another run is never answered from the one kept
        assertThat(store.baseBookState(8).size()).isZero();
    }
}
