package org.learninglog.query.view;

import org.springframework.stereotype.Component;

/** Opens a reader on the live generation of a view, one per request. */
@Component
public class LiveViews {

    private final ViewGenerations generations;

    public LiveViews(ViewGenerations generations) {
        this.generations = generations;
    }

    public ViewReader reader(String view) {
        return new ViewReader(generations.liveCollection(view));
    }
}
