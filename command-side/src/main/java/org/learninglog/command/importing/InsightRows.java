package org.learninglog.command.importing;

import org.learninglog.command.insight.RecordInsightCommand;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the rows of a file into the commands that record them, under a mapping of columns to
 * fields. What a cell cannot be read as (a layer that is none, a day that is not one) is refused
 * here, naming the cell; every rule of the domain is the command's own to apply.
 *
 * <p>Each row's insight gets an id made of the import's id and the row's number, so a row sent
 * again (the same file imported twice, an import run again after a crash) names an insight that
 * is already recorded.
 */
final class InsightRows implements RowCells {

    private final UploadedFile file;
    private final Map<String, Integer> columnOf;
    private final String recordedBy;

    InsightRows(UploadedFile file, ColumnMapping mapping, String recordedBy) {
        this.file = file;
        this.recordedBy = recordedBy;
        this.columnOf = mapping.fields().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> columnIndex(file.table().columns(), entry.getKey(), entry.getValue())));
    }

    static String insightId(String importId, int row) {
        return importId + "-" + row;
    }

    /** The command for this row, or the refusal of one of its cells. */
    Object command(ImportRow row) {
        try {
            String insightId = insightId(file.importId(), row.number());
            return new RowCommand(row, new RecordInsightCommand(insightId, file.placeId(),
                    cell(row, "text"), yes(row), layer(row), sphere(row), list(row, "principles"), list(row, "themes"),
                    blankAsNull(cell(row, "source")), null, day(row), recordedBy), insightId);
        } catch (Unreadable e) {
            return e.refusal;
        }
    }

    /** The cell that holds a field of the row, for a refusal: "C12", or {@code null} if the field is not mapped. */
    @Override
    public String cellOf(String field, int row) {
        Integer column = columnOf.get(field);
        return column == null ? null : Cells.name(column, row);
    }

    private String cell(ImportRow row, String field) {
        Integer column = columnOf.get(field);
        return column == null ? null : row.cell(column);
    }

    private Layer layer(ImportRow row) {
        return named(Layer.class, row, "layer");
    }

    private Sphere sphere(ImportRow row) {
        return named(Sphere.class, row, "sphere");
    }

    /** An enum's constant, written as the API writes it or in words ("place network"). */
    private <E extends Enum<E>> E named(Class<E> type, ImportRow row, String field) {
        String value = cell(row, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String constant = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            throw unreadable(row, field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", not \"" + value + "\"");
        }
    }

    private LocalDate day(ImportRow row) {
        String value = cell(row, "happenedOn");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw unreadable(row, "happenedOn", "must be a date written as YYYY-MM-DD, e.g. 2024-09-12, not \""
                    + value + "\"");
        }
    }

    private boolean yes(ImportRow row) {
        String value = cell(row, "unintended");
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw unreadable(row, "unintended", "must be yes or no, not \"" + value + "\"");
        };
    }

    /** Tags separated by semicolons or line breaks. */
    private List<String> list(ImportRow row, String field) {
        String value = cell(row, field);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[;\\n]")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Unreadable unreadable(ImportRow row, String field, String reason) {
        return new Unreadable(new CellRefusal(row.number(), cellOf(field, row.number()), field, reason));
    }

    static int columnIndex(List<String> columns, String field, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new MappingRefused(field, "names no column of the file (its columns: "
                    + String.join(", ", columns) + ")");
        }
        return index;
    }

    /** A mapping that names a column the file does not have. */
    static final class MappingRefused extends RuntimeException {
        private final String field;

        MappingRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final class Unreadable extends RuntimeException {
        private final transient CellRefusal refusal;

        Unreadable(CellRefusal refusal) {
            super(refusal.reason(), null, false, false);
            this.refusal = refusal;
        }
    }
}
