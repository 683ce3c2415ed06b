package org.learninglog.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.processing.ViewLag;
import org.learninglog.query.view.ViewDigest;
import org.learninglog.store.personal.PersonalValues;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/views")
@Tag(name = "admin: views", description = "Rebuild a view from the events while the old one keeps serving")
class ViewAdminController {

    private final ViewRebuilds rebuilds;
    private final ViewGenerations generations;
    private final PersonalValues personalValues;
    private final AccessPolicy access;
    private final ViewLag lag;

    ViewAdminController(ViewRebuilds rebuilds, ViewGenerations generations, PersonalValues personalValues,
                        AccessPolicy access, ViewLag lag) {
        this.access = access;
        this.lag = lag;
        this.rebuilds = rebuilds;
        this.generations = generations;
        this.personalValues = personalValues;
    }

    /**
     * @param position   the global position up to which the view holds every event
     * @param head       the highest position reserved in the store
     * @param lagEvents  events stored that the view has not applied yet
     * @param lagSeconds how long ago the oldest of them was recorded (0 when none)
     */
    record ViewState(String view, int liveGeneration, long position, long head, long lagEvents, double lagSeconds) {
    }

    record ViewDigestAnswer(String view, int generation, long documents, String sha256) {
    }

    @GetMapping
    @Operation(summary = "The views that can be rebuilt, with the generation that serves each")
    List<ViewState> views() {
        access.requireOperator("list the views");
        Map<String, ViewLag.Lag> lags = lag.all();
        return rebuilds.views().stream().map(view -> {
            ViewLag.Lag behind = lags.getOrDefault(view, new ViewLag.Lag(0, 0, 0, 0));
            return new ViewState(view, generations.live(view), behind.position(), behind.head(), behind.events(), behind.seconds());
        }).toList();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Starts rebuilding every view, one after the other; each old generation serves until its switch")
    ResponseEntity<List<RebuildProgress>> rebuildAll() {
        access.requireOperator("rebuild the views");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.startAll());
    }

    @PostMapping("/{view}/rebuild")
    @Operation(summary = "Starts rebuilding the view into a new generation; the old one serves until the switch")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String view) {
        access.requireOperator("rebuild a view");
        RebuildProgress started = rebuilds.start(view);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
                .body(started);
    }

    @GetMapping("/{view}/rebuild")
    @Operation(summary = "The progress of the view's latest rebuild: position, total, rate and time left")
    RebuildProgress progress(@PathVariable String view) {
        access.requireOperator("read a rebuild's progress");
        return rebuilds.progress(view)
                .orElseThrow(() -> new NotFoundException("view", "The view '" + view + "' has not been rebuilt since the start"));
    }

    @GetMapping("/{view}/digest")
    @Operation(summary = "A SHA-256 over every document of the view's live generation (reads it all: for checks, not for dashboards)")
    ViewDigestAnswer digest(@PathVariable String view) {
        access.requireOperator("digest a view");
        if (!rebuilds.views().contains(view)) {
            throw new NotFoundException("view", "No view is called '" + view + "'");
        }
        int generation = generations.live(view);
        ViewDigest.Digest digest = ViewDigest.of(generations.collection(view, generation), personalValues);
        return new ViewDigestAnswer(view, generation, digest.documents(), digest.sha256());
    }
}
