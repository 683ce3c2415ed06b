package org.learninglog.command.membership;

/**
 * A membership change that cannot be made as things stand (answered 409): the last administrator
 * of a programme removed, a user name taken by another member, a role already held or not held.
 */
public class MembershipConflict extends RuntimeException {

    private final String field;

    public MembershipConflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
