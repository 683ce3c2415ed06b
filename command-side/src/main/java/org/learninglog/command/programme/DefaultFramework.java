package org.learninglog.command.programme;

import org.learninglog.events.framework.LearningFramework;

import java.util.List;

/** The learning framework a programme gets when its administrator gives none (see DOMAIN.md). */
public final class DefaultFramework {

    public static final LearningFramework FRAMEWORK = new LearningFramework(
            List.of("building on strengths", "able to influence", "connected and heard", "equitable opportunity",
                    "a new style of collaboration", "creative practice and storytelling"),
            List.of("goals, paradigms and perspectives", "system structures, actors and networks",
                    "power, participation and relationships", "the learning journey", "roles and functions",
                    "identity", "evidence and feedback", "power", "relationships and governance", "context",
                    "learning"),
            List.of("learning cluster session", "action learning set", "peer buddying", "coaching", "workshop",
                    "masterclass", "residential", "sensemaking session", "evaluation interview",
                    "evaluation observation", "pilot", "creative practice or storytelling"));

    private DefaultFramework() {
    }
}
