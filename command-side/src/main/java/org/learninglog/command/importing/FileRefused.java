package org.learninglog.command.importing;

import org.springframework.http.HttpStatus;

/**
 * An uploaded file that cannot be imported at all: nothing of it is kept and nothing recorded.
 *
 * @see ImportProblems
 */
final class FileRefused extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String cell;

    FileRefused(HttpStatus status, String title, String detail, String cell) {
        super(detail);
        this.status = status;
        this.title = title;
        this.cell = cell;
    }

    static FileRefused unprocessable(String title, String detail) {
        return new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, title, detail, null);
    }

    static FileRefused atCell(String cell, String detail) {
        return new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "Cell refused", detail, cell);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The cell at fault, as a spreadsheet names it ("C12"), or {@code null} if the whole file is. */
    String cell() {
        return cell;
    }
}
