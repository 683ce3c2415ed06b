package org.learninglog.command.importing;

import org.learninglog.command.insight.RecordInsightCommand;
import org.learninglog.command.practice.AdaptPracticeCommand;
import org.learninglog.command.practice.AdoptPracticeCommand;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The changes of practice a file records beside its insights: a row that names a practice
 * ({@code practice}) and how it works from then on ({@code practiceChange}), and optionally why
 * ({@code practiceWhy}; else the row's insight, which is what led to it), becomes the ordinary
 * practice command citing that row's insight, on the row's day. The first row naming a practice (by
 * its name, whatever its case) adopts it; every later row naming it adapts it. So a file can carry
 * a practice's whole history, and every rule of the practice applies to it.
 *
 * <p>Ids follow from the import and the row, as an insight's do: the practice is
 * {@code <import>-practice-<row first naming it>}, a change {@code <import>-change-<row>}; a row sent
 * again names what it recorded before. Practices the place had before the import are not looked up
 * by name: a file's practice is the file's own.
 */
final class PracticeRows implements RowCells {

    /** Where the decision was taken, which a practice command must say: the file does not. */
    static final String FORUM = "recorded elsewhere, imported";

    private final UploadedFile file;
    private final Map<String, Integer> columnOf;
    private final String recordedBy;
    /** Each practice the file names (stripped, lower case), with the id the row first naming it gives it. */
    private final Map<String, String> practiceOfName = new HashMap<>();

    PracticeRows(UploadedFile file, ColumnMapping mapping, String recordedBy) {
        this.file = file;
        this.recordedBy = recordedBy;
        this.columnOf = mapping.fields().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> InsightRows.columnIndex(file.table().columns(), entry.getKey(), entry.getValue())));
        if (columnOf.containsKey("practice") != columnOf.containsKey("practiceChange")) {
            String missing = columnOf.containsKey("practice") ? "practiceChange" : "practice";
            throw new InsightRows.MappingRefused(missing, "must be mapped too: a change of practice needs the practice's "
                    + "name (practice) and how it works from then on (practiceChange)");
        }
        if (columnOf.containsKey("practiceWhy") && !columnOf.containsKey("practice")) {
            throw new InsightRows.MappingRefused("practice", "must be mapped with practiceWhy: the why of which practice's change?");
        }
    }

    static String practiceId(String importId, int row) {
        return importId + "-practice-" + row;
    }

    static String changeId(String importId, int row) {
        return importId + "-change-" + row;
    }

    /**
     * The change of practice of a row whose insight is {@code insight}: its command, {@code null}
     * when the row names none, or the refusal of a cell when it names only half of one.
     */
    Object command(ImportRow row, RecordInsightCommand insight) {
        String name = cell(row, "practice");
        String change = cell(row, "practiceChange");
        if (blank(name) && blank(change)) {
            return null;
        }
        if (blank(name) || blank(change)) {
            String missing = blank(name) ? "practice" : "practiceChange";
            return new CellRefusal(row.number(), cellOf(missing, row.number()), missing, "must be given with "
                    + (blank(name) ? "practiceChange: which practice changed?" : "practice: how does it work from then on?"));
        }
        String why = blank(cell(row, "practiceWhy")) ? insight.text() : cell(row, "practiceWhy");
        List<String> cited = List.of(insight.insightId());
        String key = name.strip().toLowerCase(Locale.ROOT);
        String practiceId = practiceOfName.get(key);
        if (practiceId == null) {
            practiceId = practiceId(file.importId(), row.number());
            practiceOfName.put(key, practiceId);
            return new RowCommand(row, new AdoptPracticeCommand(practiceId, file.placeId(), name.strip(), change, why, cited,
                    List.of(), List.of(), FORUM, insight.happenedOn(), recordedBy), practiceId);
        }
        String changeId = changeId(file.importId(), row.number());
        return new RowCommand(row, new AdaptPracticeCommand(practiceId, null, changeId, change, why, cited, List.of(), List.of(),
                FORUM, insight.happenedOn(), recordedBy), changeId);
    }

    /** The practice a change's command is about. */
    static String practiceOf(RowCommand change) {
        return change.command() instanceof AdaptPracticeCommand adapt ? adapt.practiceId() : change.id();
    }

    static boolean adopts(RowCommand change) {
        return change.command() instanceof AdoptPracticeCommand;
    }

    /** A practice command's fields as the mapping names them. */
    @Override
    public String fieldOf(String commandField) {
        return switch (commandField == null ? "" : commandField) {
            case "name", "practiceId" -> "practice";
            case "description", "becomes" -> "practiceChange";
            case "why" -> columnOf.containsKey("practiceWhy") ? "practiceWhy" : "text";
            case "happenedOn" -> "happenedOn";
            default -> commandField;
        };
    }

    @Override
    public String cellOf(String field, int row) {
        Integer column = field == null ? null : columnOf.get(field);
        return column == null ? null : Cells.name(column, row);
    }

    private String cell(ImportRow row, String field) {
        Integer column = columnOf.get(field);
        return column == null ? null : row.cell(column);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
