package org.learninglog.command.membership;

/** The identifier of a scope's membership aggregate: a programme's, or the installation's operators'. */
final class Commands {

    private Commands() {
    }

    static String membershipId(String programmeId) {
        return programmeId == null ? "membership:~installation" : "membership:" + programmeId;
    }
}
