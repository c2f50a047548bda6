package io.vigil.reports;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles of the report, created once per workbook (Excel caps a workbook at 64,000 styles, so a style
 * is never created per cell).
 */
final class ExcelStyles {

    final CellStyle header;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle link;
    /** An unlocked, wrapped cell on a light fill: where an analyst types on a protected sheet. */
    final CellStyle editable;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle textQuoted;
    private final CellStyle wrappedQuoted;

    ExcelStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = base(workbook, true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);

        integer = base(workbook, false);
        integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
        decimal = base(workbook, false);
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0##"));

        Font blueUnderlined = workbook.createFont();
        blueUnderlined.setUnderline(Font.U_SINGLE);
        blueUnderlined.setColor(IndexedColors.BLUE.getIndex());
        link = base(workbook, true);
        link.setFont(blueUnderlined);

        editable = base(workbook, true);
        editable.setLocked(false);
        // Text format: what the analyst types stays literal text (a reason starting with = is not a formula)
        editable.setDataFormat(workbook.createDataFormat().getFormat("@"));
        editable.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        editable.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        editable.setBorderBottom(BorderStyle.HAIR);
        editable.setBottomBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());

        text = base(workbook, false);
        wrapped = base(workbook, true);
        textQuoted = base(workbook, false);
        textQuoted.setQuotePrefixed(true);
        wrappedQuoted = base(workbook, true);
        wrappedQuoted.setQuotePrefixed(true);
    }

    /**
     * The style of a text cell. A value Excel would read as a formula when the cell is edited ({@code = + - @}, or a
     * leading tab or carriage return) gets the quote prefix, so it stays literal text.
     */
    CellStyle text(String value, boolean wrap) {
        if (looksLikeFormula(value)) {
            return wrap ? wrappedQuoted : textQuoted;
        }
        return wrap ? wrapped : text;
    }

    static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static CellStyle base(Workbook workbook, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(wrap);
        return style;
    }
}
