package org.learninglog.query.web;

/** One entry of a problem's {@code errors} array: which field is at fault, and why. */
public record FieldProblem(String field, String message) {
}
