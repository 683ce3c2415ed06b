package org.learninglog.query.processing;

import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This query-side process among the others sharing the views: an id of its own, new at every start. */
@Component
public class ProcessIdentity {

    private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public String id() {
        return id;
    }
}
