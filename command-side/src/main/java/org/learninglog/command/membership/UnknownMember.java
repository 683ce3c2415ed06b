package org.learninglog.command.membership;

/** No member of this programme goes by this name (404). */
public class UnknownMember extends RuntimeException {

    public UnknownMember(String memberId) {
        super("No member of this programme is called " + memberId.replaceAll("\\p{Cntrl}", "?") + ".");
    }
}
