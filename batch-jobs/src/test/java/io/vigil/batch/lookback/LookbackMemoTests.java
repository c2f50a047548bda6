package io.vigil.batch.lookback;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreeningHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookback's memo: fields whose values repeat stay remembered; a field of distinct values stops being looked up. */
class LookbackMemoTests {

    private static ScreenedValue value(String field, String text) {
        return ScreenedValue.name(field, text, null, null, null);
    }

    @Test
    void aFieldOfDistinctValuesIsNoLongerRemembered_aFieldThatRepeatsIs() {
        LookbackMemo memo = new LookbackMemo(1_000_000);
        // given payments whose beneficiary names are all distinct and whose banks are three, met over and over
        String[] banks = {"Bank of Example", "Example Savings", "First Example"};
        for (int i = 0; i < 2 * LookbackMemo.TRIAL; i++) {
            ScreenedValue name = value("beneficiary_name", "Person " + i);
            if (memo.get(name) == null) {
                memo.put(name, List.of());
            }
            ScreenedValue bank = value("beneficiary_bank", banks[i % 3]);
            if (memo.get(bank) == null) {
                memo.put(bank, List.of());
            }
        }
        // then after its trial the name field is neither looked up nor remembered, the bank field still is
        assertThat(memo.remembers("beneficiary_name")).isFalse();
        assertThat(memo.remembers("beneficiary_bank")).isTrue();
        assertThat(memo.get(value("beneficiary_bank", "First Example"))).isEqualTo(List.<ScreeningHit>of());
        int size = memo.size();
        memo.put(value("beneficiary_name", "Person again"), List.of());
        assertThat(memo.size()).isEqualTo(size);
        assertThat(memo.get(value("beneficiary_name", "Person 1"))).isNull();
        // and it never held more than the trial's names
        assertThat(size).isLessThanOrEqualTo(LookbackMemo.TRIAL + banks.length);
    }

    @Test
    void remembersNoMoreThanItsLimit() {
        LookbackMemo memo = new LookbackMemo(10);
        for (int i = 0; i < 100; i++) {
            memo.put(value("remittance", "text " + i), List.of());
        }
        assertThat(memo.size()).isEqualTo(10);
        assertThat(memo.get(value("remittance", "text 3"))).isEqualTo(List.<ScreeningHit>of());
        assertThat(memo.get(value("remittance", "text 50"))).isNull();
    }
}
