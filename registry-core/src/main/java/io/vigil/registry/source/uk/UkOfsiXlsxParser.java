package io.vigil.registry.source.uk;

import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.WorkbookRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HM Treasury OFSI's Consolidated List as the workbook it publishes since 2022 ({@code ConList.xlsx});
 * source type {@code uk-ofsi-xlsx}. The workbook has one sheet, {@code Data}: row 1 {@code Last Updated |
 * DD/MM/YYYY}, row 2 the 36 column headers, then one row per name or alias, the rows sharing a {@code Group ID}
 * being one designation, party {@code uk:<Group ID>}. The rows are read exactly as the CSV's ({@link OfsiRows}),
 * so both carriers of the same list give the same parties; designations cite {@code uk-ofsi-xlsx}.
 *
 * <p>The sheet is the one named {@code Data}, or the only sheet. Rows are streamed, never held as a workbook
 * model (the 2022 file has 15,261 rows of 36 columns).
 */
public final class UkOfsiXlsxParser implements ListParser {

    public static final String SOURCE_TYPE = "uk-ofsi-xlsx";

    public UkOfsiXlsxParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        return read(path).list();
    }

    /** What one parse read: the list, the name rows and the layout (for tests and the import log). */
    record Result(ParsedList list, int nameRows, OfsiRows.Layout layout) {
    }

    Result read(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        String file = String.valueOf(path.getFileName());
        List<String> warnings = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        String[] chosen = new String[1];
        // first pass: which sheet holds the list (sheet names only; rows are skipped)
        WorkbookRows.read(path, new WorkbookRows.Visitor() {
            @Override
            public boolean sheet(int index, String name) {
                sheetNames.add(name);
                return false;
            }

            @Override
            public void row(int rowNumber, String[] cells) {
            }
        });
        for (String name : sheetNames) {
            if (name.strip().equalsIgnoreCase("Data")) {
                chosen[0] = name;
            }
        }
        if (chosen[0] == null && sheetNames.size() == 1) {
            chosen[0] = sheetNames.get(0);
        }
        if (chosen[0] == null) {
            throw new ListParseException(file, null, "not an OFSI consolidated list workbook: no sheet 'Data' "
                    + "among " + sheetNames);
        }
        OfsiRows rows = new OfsiRows(file, "sheet '" + chosen[0] + "' row", warnings).sourceType(SOURCE_TYPE);
        WorkbookRows.read(path, new WorkbookRows.Visitor() {
            private boolean inList;
            private int seen;

            @Override
            public boolean sheet(int index, String name) {
                inList = name.equals(chosen[0]);
                return inList;
            }

            @Override
            public void row(int rowNumber, String[] cells) throws ListParseException {
                seen++;
                if (seen == 1) {
                    rows.lastUpdated(rowNumber, cells);
                } else if (seen == 2) {
                    rows.header(rowNumber, cells);
                } else {
                    rows.row(rowNumber, cells);
                }
            }
        });
        if (rows.layout() == null) {
            throw new ListParseException(file, "sheet '" + chosen[0] + "'", "not an OFSI consolidated list workbook: "
                    + "the sheet has no 'Last Updated' row and header row");
        }
        return new Result(rows.finish(SOURCE_TYPE, sourceFile, "row 1 of sheet '" + chosen[0] + "'"),
                rows.nameRows(), rows.layout());
    }
}
