package org.learninglog.query.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.learninglog.query.view.TimelineFilter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The query parameters every timeline takes: {@code from}/{@code to} (ISO days), the framework
 * tags, {@code kind}, {@code placeId}, the two clocks {@code known} (the record's: an instant or a
 * day; {@code asOf} is its deprecated former name) and {@code on} (the story's: a day),
 * {@code late} and {@code page}/{@code size}. A value that does not parse is answered with a
 * problem naming the parameter. Described as those query parameters, not as one object.
 */
@ParameterObject
public record TimelineParameters(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 String principle, String theme, String layer, String sphere, String source,
                                 String kind, String placeId,
                                 @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                                 String known,
                                 @Parameter(description = KnownParameter.DEPRECATED, deprecated = true,
                                         schema = @Schema(type = "string"))
                                 String asOf,
                                 @Parameter(description = OnParameter.DESCRIBED)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                 @Parameter(description = "true: only lines recorded more than 30 days after they happened; "
                                         + "false: only the others")
                                 Boolean late,
                                 @Min(0) Integer page, @Min(1) @Max(1000) Integer size) {

    public static final int DEFAULT_SIZE = 50;

    public TimelineFilter filter() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadQueryException("to", "must not be before from");
        }
        if (page != null && page < 0) {
            throw new BadQueryException("page", "must be 0 or more");
        }
        if (size != null && (size < 1 || size > 1000)) {
            throw new BadQueryException("size", "must be between 1 and 1000");
        }
        return new TimelineFilter(from, to, blank(principle), blank(theme), blank(layer), blank(sphere), blank(source),
                blank(kind), blank(placeId), KnownParameter.cut(known, asOf), on, late);
    }

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
