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
    @Operation(summary = "Insights and practices of the programme holding every word of q, best first")
    SearchResults search(@PathVariable String programmeId, @RequestParam String q,
                         @RequestParam(required = false) String kind,
                         @RequestParam(defaultValue = "false") boolean includeWithdrawn) {
        access.requireRead(programmeId, "search");
        if (kind != null && !kind.equals("insight") && !kind.equals("practice")) {
            throw new BadQueryException("kind", "must be insight or practice");
        }
        if (q.isBlank()) {
            throw new BadQueryException("q", "must hold a word to look for");
        }
        return queries.search(programmeId, q, kind, includeWithdrawn);
    }
}
