package org.learninglog.command.importing;

import org.springframework.http.HttpStatus;

import java.util.Locale;

/**
 * Tells an XLSX workbook from a CSV file by its first bytes, not by its name or the type the
 * browser claims, and hands it to the reader for its kind. Anything else is refused with 415.
 */
final class UploadReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private UploadReader() {
    }

    static Table read(byte[] bytes, String fileName, TableLimits limits) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, ZIP)) {
            return XlsxTableReader.read(bytes, limits);
        }
        if (startsWith(bytes, OLE2)) {
            throw unsupported("The file is an Excel 97-2003 workbook (.xls); save it as .xlsx or as CSV UTF-8.");
        }
        if (name.endsWith(".xlsx")) {
            throw unsupported("The file is named .xlsx but is not an XLSX workbook.");
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return CsvTableReader.read(bytes, limits);
        }
        throw unsupported("Only CSV (UTF-8) and XLSX files can be imported.");
    }

    private static FileRefused unsupported(String detail) {
        return new FileRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not CSV or XLSX", detail, null);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
