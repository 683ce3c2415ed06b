package org.learninglog.events.membership;

/**
 * One role a member holds.
 *
 * @param role    the role
 * @param placeId the place it holds for: set for {@link AccessRole#PLACE_MEMBER} only, {@code null} otherwise
 */
public record Grant(AccessRole role, String placeId) {

    public static Grant of(AccessRole role) {
        return new Grant(role, null);
    }

    public static Grant placeMember(String placeId) {
        return new Grant(AccessRole.PLACE_MEMBER, placeId);
    }
}
