package org.learninglog.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file with Apache Commons CSV. The file must be UTF-8 throughout (a byte-order mark
 * is allowed): a file whose bytes are partly another encoding is refused, naming the first line
 * that is not, rather than read with replacement characters. A cell beginning with {@code =} is a
 * formula to a spreadsheet; formulas are never evaluated, so such a cell is refused.
 */
final class CsvTableReader {

    private CsvTableReader() {
    }

    static Table read(byte[] bytes, TableLimits limits) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw FileRefused.unprocessable("Not a text file", "The file holds NUL characters: it is not a CSV text file.");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).get();
        List<String> columns = null;
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                List<String> cells = cells(record, number, limits);
                if (columns == null) {
                    columns = cells;
                    continue;
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(new ImportRow(number, cells));
                limits.checkRows(rows.size());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw FileRefused.unprocessable("Unreadable CSV", "The CSV file could not be read: "
                    + firstLine(e.getMessage()));
        }
        if (columns == null) {
            throw FileRefused.unprocessable("Empty file", "The file holds no rows: its first row must name the columns.");
        }
        return new Table(columns, rows);
    }

    private static List<String> cells(CSVRecord record, int number, TableLimits limits) {
        limits.checkColumns(record.size());
        List<String> cells = new ArrayList<>(record.size());
        for (int column = 0; column < record.size(); column++) {
            String value = limits.checkCell(record.get(column).strip(), column, number);
            if (value.startsWith("=")) {
                throw FileRefused.atCell(Cells.name(column, number), "Cell " + Cells.name(column, number)
                        + " holds a formula; formulas are never evaluated: put the value itself in the cell.");
            }
            cells.add(value);
        }
        return cells;
    }

    /** Spreadsheets in many languages save CSV with semicolons: whichever the header has more of. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    private static String decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw FileRefused.unprocessable("Not UTF-8", "The file is UTF-16; save it as CSV UTF-8 and upload it again.");
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw FileRefused.unprocessable("Not UTF-8", "Line " + line + " of the file holds bytes that are not UTF-8"
                    + " (parts of the file seem saved in another encoding); save it all as CSV UTF-8 and upload it again.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it is not well-formed.";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
