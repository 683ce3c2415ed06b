package org.learninglog.command.importing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of the file holds each field of an insight; each names a column by its header.
 * Only the text and the layer must be mapped. A file may also say, per row, a change of practice
 * the insight led to: the practice's name ({@code practice}), how it works from then on
 * ({@code practiceChange}) and why ({@code practiceWhy}); see {@link PracticeRows}.
 */
public record ColumnMapping(
        @NotBlank @Size(max = CommandInput.MAX_LABEL) String text,
        @NotBlank @Size(max = CommandInput.MAX_LABEL) String layer,
        @Size(max = CommandInput.MAX_LABEL) String happenedOn,
        @Size(max = CommandInput.MAX_LABEL) String sphere,
        @Size(max = CommandInput.MAX_LABEL) String principles,
        @Size(max = CommandInput.MAX_LABEL) String themes,
        @Size(max = CommandInput.MAX_LABEL) String source,
        @Size(max = CommandInput.MAX_LABEL) String unintended,
        @Size(max = CommandInput.MAX_LABEL) String practice,
        @Size(max = CommandInput.MAX_LABEL) String practiceChange,
        @Size(max = CommandInput.MAX_LABEL) String practiceWhy) {

    /** The mapping's fields with the column each names, in the order of the record (unmapped ones left out). */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "text", text);
        put(fields, "layer", layer);
        put(fields, "happenedOn", happenedOn);
        put(fields, "sphere", sphere);
        put(fields, "principles", principles);
        put(fields, "themes", themes);
        put(fields, "source", source);
        put(fields, "unintended", unintended);
        put(fields, "practice", practice);
        put(fields, "practiceChange", practiceChange);
        put(fields, "practiceWhy", practiceWhy);
        return fields;
    }

    /** A first guess from the file's headers: a header that is a field's name, whatever its case and spacing. */
    static ColumnMapping suggested(List<String> columns) {
        return new ColumnMapping(find(columns, "text", "insight"), find(columns, "layer"),
                find(columns, "happenedon", "date", "day"), find(columns, "sphere"), find(columns, "principles"),
                find(columns, "themes"), find(columns, "source"), find(columns, "unintended"), find(columns, "practice"),
                find(columns, "practicechange", "change"), find(columns, "practicewhy", "why"));
    }

    private static String find(List<String> columns, String... names) {
        for (String name : names) {
            for (String column : columns) {
                if (column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(name)) {
                    return column;
                }
            }
        }
        return null;
    }

    private static void put(Map<String, String> fields, String field, String column) {
        if (column != null && !column.isBlank()) {
            fields.put(field, column);
        }
    }
}
