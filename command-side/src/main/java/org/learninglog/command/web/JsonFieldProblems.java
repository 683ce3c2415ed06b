package org.learninglog.command.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.learninglog.security.edge.HostileJson;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A body Jackson could not read, told as the field at fault and what it accepts: an enum's
 * values, a date's format, a text's size limit, the fields a request takes.
 */
final class JsonFieldProblems {

    private JsonFieldProblems() {
    }

    static FieldProblem of(JsonMappingException mapping) {
        String field = path(mapping);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            // Also how a body naming its own actor ("by", "recordedBy") is answered: the actor is the signed-in member.
            return new FieldProblem(field, "is not a field of this request; it takes " + unknown.getKnownPropertyIds().stream()
                    .map(Objects::toString).sorted().collect(Collectors.joining(", ")));
        }
        StreamConstraintsException limit = limit(mapping);
        if (limit != null) {
            int max = Accepted.sizeLimit(declared(mapping));
            return new FieldProblem(field, limit.getMessage() != null && limit.getMessage().startsWith("String value length")
                    ? "is too long: at most " + (max < 0 ? HostileJson.MAX_STRING_LENGTH : max) + " characters"
                    : limitExceeded(limit));
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return new FieldProblem(field, "contains Unicode bidirectional control characters (such as U+202E), which are not"
                    + " accepted in any text");
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return new FieldProblem(field, Accepted.mustBe(mismatched.getTargetType()));
        }
        return new FieldProblem(field, "has the wrong type");
    }

    /** A limit of the hardened reader ({@link HostileJson}) broken outside any one field, in a sentence. */
    static String limitExceeded(StreamConstraintsException limit) {
        String message = limit.getMessage() == null ? "" : limit.getMessage();
        if (message.startsWith("String value length")) {
            return "A text in the request is longer than the " + HostileJson.MAX_STRING_LENGTH + " characters any field accepts.";
        }
        if (message.contains("nesting depth")) {
            return "The request nests objects or lists deeper than " + HostileJson.MAX_NESTING_DEPTH + " levels.";
        }
        if (message.startsWith("Number value length")) {
            return "A number in the request is longer than " + HostileJson.MAX_NUMBER_LENGTH + " digits.";
        }
        if (message.startsWith("Name length")) {
            return "A field name in the request is longer than " + HostileJson.MAX_NAME_LENGTH + " characters.";
        }
        return "The request body is larger than this API accepts.";
    }

    /** The problems in one plain sentence, for a problem's {@code detail}. */
    static String sentence(List<FieldProblem> problems) {
        return problems.stream()
                .map(problem -> problem.field() == null ? problem.message() : "'" + problem.field() + "' " + problem.message())
                .collect(Collectors.joining("; ", "The request is not accepted: ", "."));
    }

    private static StreamConstraintsException limit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    /** The declared field the failing value was meant for, to read its limits; {@code null} if unknown. */
    private static Field declared(JsonMappingException mapping) {
        List<JsonMappingException.Reference> path = mapping.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            JsonMappingException.Reference reference = path.get(i);
            if (reference.getFieldName() != null && reference.getFrom() != null) {
                Class<?> owner = reference.getFrom() instanceof Class<?> type ? type : reference.getFrom().getClass();
                return Accepted.field(owner, reference.getFieldName());
            }
        }
        return null;
    }

    /** The JSON path of the failing value, as {@code principles[2]} or {@code evidence.quote}. */
    static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
