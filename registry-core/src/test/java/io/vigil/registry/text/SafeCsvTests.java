package io.vigil.registry.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeCsvTests {

    @Test
    void cell_formulaStarts_areNeutralisedWithAQuote() {
        assertThat(SafeCsv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(SafeCsv.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SafeCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SafeCsv.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(SafeCsv.cell("  =1+1")).isEqualTo("'  =1+1");
        assertThat(SafeCsv.cell("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
    }

    @Test
    void cell_leadingTabOrCarriageReturn_isEscapedAndCannotStartAFormula() {
        assertThat(SafeCsv.cell("\t=1+1")).isEqualTo("\\u0009=1+1");
        assertThat(SafeCsv.cell("\r=1+1")).isEqualTo("\\u000D=1+1");
        assertThat(SafeCsv.startsLikeFormula("\t=1+1")).isTrue();
    }

    @Test
    void cell_controlAndInvisibleCharacters_areVisibleEscapes() {
        assertThat(SafeCsv.cell("Line 1\nLine 2\r\n")).isEqualTo("Line 1\\u000ALine 2\\u000D\\u000A");
        assertThat(SafeCsv.cell("\u202Enim lohc eohc")).isEqualTo("\\u202Enim lohc eohc");
        assertThat(SafeCsv.cell("CH\u200BOE\u0000\u007F\u0085\u2028")).isEqualTo("CH\\u200BOE\\u0000\\u007F\\u0085\\u2028");
        assertThat(SafeCsv.cell("tag\uDB40\uDC41")).isEqualTo("tag\\u{E0041}");
        assertThat(SafeCsv.cell("C:\\u202E")).isEqualTo("C:\\\\u202E");
    }

    @Test
    void cell_ordinaryValuesAndPlainNumbers_areUnchanged() {
        for (String v : List.of("CHOE, Chol Min", "최철민", "Hans Müller", "ofac:43598", "-5", "+3.25", "97.4",
                "2026-11-20", "O'Brien & Sons", "a-b", "x=y")) {
            assertThat(SafeCsv.cell(v)).as(v).isEqualTo(v);
        }
        assertThat(SafeCsv.cell(null)).isEmpty();
    }

    @Test
    void row_quotesPerRfc4180AfterMakingEachCellSafe() {
        assertThat(SafeCsv.row(Arrays.asList("C-1", "CHOE, Chol Min", "=cmd", "say \"hi\"", null, " padded")))
                .isEqualTo("C-1,\"CHOE, Chol Min\",'=cmd,\"say \"\"hi\"\"\",,\" padded\"");
    }
}
