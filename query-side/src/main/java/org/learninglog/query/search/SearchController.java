package org.learninglog.query.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "search", description = "Full text over a programme's insights and practices")
class SearchController {

    private final SearchQueries queries;
    private final AccessPolicy access;

    SearchController(SearchQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/api/programmes/{programmeId}/search")
    @Operation(summary = "Insights and practices of the programme holding every word of q, the most recently recorded or "
            + "revised first, paged (page from 0, size up to " + SearchQueries.MAX_SIZE + "); total is exact when totalExact, "
            + "otherwise at least that many")
    SearchResults search(@PathVariable String programmeId, @RequestParam String q,
                         @RequestParam(required = false) String kind,
                         @RequestParam(defaultValue = "false") boolean includeWithdrawn,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + SearchQueries.DEFAULT_SIZE) int size) {
        access.requireRead(programmeId, "search");
        if (kind != null && !kind.equals("insight") && !kind.equals("practice")) {
            throw new BadQueryException("kind", "must be insight or practice");
        }
        if (q.isBlank()) {
            throw new BadQueryException("q", "must hold a word to look for");
        }
        if (page < 0) {
            throw new BadQueryException("page", "must be 0 or more");
        }
        if (size < 1 || size > SearchQueries.MAX_SIZE) {
            throw new BadQueryException("size", "must be between 1 and " + SearchQueries.MAX_SIZE);
        }
        return queries.search(programmeId, q, kind, includeWithdrawn, page, size);
    }
}
