package org.learninglog.command.importing;

import org.learninglog.command.web.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The import's refusals as RFC 9457 problems: a file refused names the field {@code file} and,
 * when one cell is at fault, the cell ({@code cell}: "C12"); a mapping names its field.
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler
    ProblemDetail fileRefused(FileRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.title());
        problem.setProperty("errors", List.of(new FieldProblem("file", ex.getMessage())));
        if (ex.cell() != null) {
            problem.setProperty("cell", ex.cell());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail mappingRefused(InsightRows.MappingRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.field() + " " + ex.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownImport(ImportController.UnknownImport ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Unknown import");
        return problem;
    }
}
