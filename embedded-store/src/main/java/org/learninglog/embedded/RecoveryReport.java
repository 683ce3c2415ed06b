package org.learninglog.embedded;

import java.util.List;

/**
 * What a recovery did.
 *
 * @param notes   what was copied, collection by collection, and how the file was opened
 * @param lost    what could not be read (event positions, or where a collection stopped reading)
 * @param commits how many event commits were copied
 */
public record RecoveryReport(List<String> notes, List<String> lost, long commits) {

    public boolean complete() {
        return lost.isEmpty();
    }
}
