package io.vigil.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDataTests {

    @Test
    void rows_wellFormedTable_skipsCommentsAndBlanksAndStripsFields() {
        // given reference-data-good.tsv: a comment, a blank line and two rows, the second padded with spaces

        // when
        List<List<String>> rows = ReferenceData.rows(ReferenceDataTests.class, "reference-data-good.tsv", 2);

        // then
        assertThat(rows).containsExactly(List.of("KP", "North Korea"), List.of("IR", "Iran"));
    }

    @Test
    void rows_rowWithExtraField_namesTableAndLine() {
        // given reference-data-bad.tsv whose line 4 has three fields

        // when / then
        assertThatThrownBy(() -> ReferenceData.rows(ReferenceDataTests.class, "reference-data-bad.tsv", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference-data-bad.tsv line 4: expected 2 tab-separated fields, found 3: IR\tIran\textra");
    }

    @Test
    void rows_missingResource_namesIt() {
        // given no such resource beside the class

        // when / then
        assertThatThrownBy(() -> ReferenceData.rows(ReferenceDataTests.class, "absent.tsv", 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("absent.tsv missing from the classpath");
    }
}
