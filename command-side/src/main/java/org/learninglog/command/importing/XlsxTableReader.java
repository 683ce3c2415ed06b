package org.learninglog.command.importing;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the first sheet of an XLSX workbook with FastExcel's streaming reader, row by row. A
 * formula is never evaluated (nor its cached result taken): a formula cell is refused, naming it.
 * A number formatted as a date reads as that day (YYYY-MM-DD).
 */
final class XlsxTableReader {

    private XlsxTableReader() {
    }

    static Table read(byte[] bytes, TableLimits limits) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            List<String> columns = null;
            List<ImportRow> rows = new ArrayList<>();
            for (Iterator<Row> it = sheet.iterator(); it.hasNext(); ) {
                Row row = it.next();
                List<String> cells = cells(row, limits);
                if (columns == null) {
                    columns = cells;
                    continue;
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(new ImportRow(row.getRowNum(), cells));
                limits.checkRows(rows.size());
            }
            if (columns == null) {
                throw FileRefused.unprocessable("Empty file", "The workbook's first sheet holds no rows: its first row must"
                        + " name the columns.");
            }
            return new Table(columns, rows);
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            throw FileRefused.unprocessable("Unreadable workbook", "The file is not a readable XLSX workbook.");
        }
    }

    private static List<String> cells(Row row, TableLimits limits) {
        limits.checkColumns(row.getCellCount());
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int column = 0; column < row.getCellCount(); column++) {
            Cell cell = row.getCell(column);
            cells.add(cell == null ? "" : limits.checkCell(text(cell, row.getRowNum()), column, row.getRowNum()));
        }
        return cells;
    }

    private static String text(Cell cell, int rowNumber) {
        String name = Cells.name(cell.getColumnIndex(), rowNumber);
        CellType type = cell.getType();
        return switch (type) {
            case FORMULA -> throw FileRefused.atCell(name, "Cell " + name + " holds a formula; formulas are never"
                    + " evaluated: put the value itself in the cell.");
            case ERROR -> throw FileRefused.atCell(name, "Cell " + name + " holds an error value ("
                    + cell.getRawValue() + ").");
            case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case STRING -> cell.asString().strip();
            case EMPTY -> "";
        };
    }

    /** Excel keeps a day as a number with a date format: its built-in ones, or one of its own with d, m and y. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        return format != null && format.toLowerCase().matches(".*[dy].*") && !format.contains("General");
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
