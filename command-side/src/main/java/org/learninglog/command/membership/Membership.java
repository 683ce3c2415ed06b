package org.learninglog.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.lookup.References;
import org.learninglog.events.membership.AccessRole;
import org.learninglog.events.membership.Grant;
import org.learninglog.events.membership.InvitationAccepted;
import org.learninglog.events.membership.MemberContactErased;
import org.learninglog.events.membership.MemberInvited;
import org.learninglog.events.membership.MemberReinstated;
import org.learninglog.events.membership.MemberRemoved;
import org.learninglog.events.membership.MemberSuspended;
import org.learninglog.events.membership.PasswordResetIssued;
import org.learninglog.events.membership.ProviderSubjectBound;
import org.learninglog.events.membership.RoleGranted;
import org.learninglog.events.membership.RoleRevoked;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.security.membership.MembershipView;
import org.learninglog.store.personal.PersonalKeys;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Who belongs to one programme and in which roles (or, for no programme, who runs the
 * installation): one stream per programme, so that the rule "a programme keeps at least one
 * administrator" (and the installation at least one operator) is checked against every member at
 * once, and changes to one programme's members are made one at a time.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Membership {

    @AggregateIdentifier
    private String membershipId;
    private String programmeId;
    private final Map<String, MemberState> members = new HashMap<>();

    private enum Status { INVITED, ACTIVE, SUSPENDED, REMOVED }

    private static final class MemberState {
        Status status = Status.INVITED;
        String invitationId;
        boolean contactErased;
        final Set<Grant> grants = new LinkedHashSet<>();

        // compared by value, so that the state a command left equals the state its events rebuild
        @Override
        public boolean equals(Object other) {
            return other instanceof MemberState that && status == that.status
                    && java.util.Objects.equals(invitationId, that.invitationId) && contactErased == that.contactErased
                    && grants.equals(that.grants);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(status, invitationId, contactErased, grants);
        }
    }

    protected Membership() {
        // for event sourcing, and for the first invitation (see CreationPolicy)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InviteMemberCommand command, References references, MembershipView view, Clock clock) {
        if (command.grants().isEmpty()) {
            throw new CommandRejected("roles", "must name at least one role");
        }
        for (Grant grant : command.grants()) {
            // the configuration's accounts may name programmes and places registered after the import
            checkGrant(grant, command.programmeId(), ConfiguredAccountsImport.BY.equals(command.by()) ? null : references);
        }
        MemberState known = members.get(command.memberId());
        // Invited again before accepting: the new invitation takes the old one's place.
        if (known != null && known.status != Status.REMOVED && known.status != Status.INVITED) {
            throw new MembershipConflict("memberId", "This user name is a member here already.");
        }
        view.member(command.memberId()).filter(entry -> !java.util.Objects.equals(entry.programmeId(), command.programmeId()))
                .filter(entry -> entry.status() != org.learninglog.security.membership.MemberStatus.REMOVED)
                .ifPresent(entry -> {
                    throw new MembershipConflict("memberId", "This user name is taken; choose another.");
                });
        PersonalData contact = command.email() == null ? null
                : new PersonalData(MemberInvited.personalDataId(command.memberId()), null, null, command.email());
        apply(new MemberInvited(command.programmeId(), command.memberId(), command.invitationId(), contact,
                command.grants(), command.expiresAt(), command.by(), clock.instant()));
    }

    @CommandHandler
    void handle(AcceptInvitationCommand command, Clock clock) {
        MemberState member = members.get(command.memberId());
        if (member == null || member.status != Status.INVITED || !command.invitationId().equals(member.invitationId)) {
            throw new MembershipConflict("token", "This invitation is no longer open.");
        }
        apply(new InvitationAccepted(programmeId, command.memberId(), command.invitationId(), clock.instant()));
    }

    /** Accepted as above, and the provider's subject bound to the member in the same commit. */
    @CommandHandler
    void handle(AcceptInvitationAtProviderCommand command, Clock clock) {
        handle(new AcceptInvitationCommand(command.membershipId(), command.programmeId(), command.memberId(),
                command.invitationId()), clock);
        apply(new ProviderSubjectBound(programmeId, command.memberId(), command.issuer(), command.subject(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeRoleCommand command, References references, Clock clock) {
        MemberState member = existing(command.memberId());
        if (command.granted()) {
            checkGrant(command.grant(), programmeId, references);
            if (member.grants.contains(command.grant())) {
                throw new MembershipConflict("role", "The member holds this role already.");
            }
            apply(new RoleGranted(programmeId, command.memberId(), command.grant(), command.by(), clock.instant()));
        } else {
            if (!member.grants.contains(command.grant())) {
                throw new MembershipConflict("role", "The member does not hold this role.");
            }
            keepsALastAdministrator(command.memberId(), command.grant());
            apply(new RoleRevoked(programmeId, command.memberId(), command.grant(), command.by(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ChangeMemberStatusCommand command, Clock clock) {
        MemberState member = existing(command.memberId());
        switch (command.change()) {
            case SUSPEND -> {
                if (member.status == Status.SUSPENDED) {
                    throw new MembershipConflict("memberId", "The member is suspended already.");
                }
                keepsALastAdministrator(command.memberId(), null);
                apply(new MemberSuspended(programmeId, command.memberId(), command.by(), clock.instant()));
            }
            case REINSTATE -> {
                if (member.status != Status.SUSPENDED) {
                    throw new MembershipConflict("memberId", "Only a suspended member can be reinstated.");
                }
                apply(new MemberReinstated(programmeId, command.memberId(), command.by(), clock.instant()));
            }
            case REMOVE -> {
                keepsALastAdministrator(command.memberId(), null);
                apply(new MemberRemoved(programmeId, command.memberId(), command.by(), clock.instant()));
            }
        }
    }

    @CommandHandler
    void handle(IssuePasswordResetCommand command, Clock clock) {
        MemberState member = existing(command.memberId());
        if (member.status == Status.INVITED) {
            throw new MembershipConflict("memberId", "The member has not accepted their invitation yet; invite them again instead.");
        }
        apply(new PasswordResetIssued(programmeId, command.memberId(), command.invitationId(), command.expiresAt(),
                command.by(), clock.instant()));
    }

    /**
     * As for a person's name: the key goes first, then the record that it went, so that a failure
     * between the two leaves the address unreadable and asking again completes the record.
     */
    @CommandHandler
    void handle(EraseMemberContactCommand command, PersonalKeys keys, Clock clock) {
        MemberState member = members.get(command.memberId());
        if (member == null) {
            throw new UnknownMember(command.memberId());
        }
        if (member.contactErased) {
            return;
        }
        keys.erase(MemberInvited.personalDataId(command.memberId()));
        apply(new MemberContactErased(programmeId, command.memberId(), command.by(), clock.instant()));
    }

    private MemberState existing(String memberId) {
        MemberState member = members.get(memberId);
        if (member == null || member.status == Status.REMOVED) {
            throw new UnknownMember(memberId);
        }
        return member;
    }

    /** The programme's role names which make a scope's administration: an administrator, or for the installation an operator. */
    private AccessRole administering() {
        return programmeId == null ? AccessRole.OPERATOR : AccessRole.PROGRAMME_ADMINISTRATOR;
    }

    /** Refuses a change that would leave the programme without an active administrator (the installation without an operator). */
    private void keepsALastAdministrator(String memberId, Grant revoked) {
        Grant administrator = Grant.of(administering());
        if (revoked != null && !revoked.equals(administrator)) {
            return;
        }
        MemberState member = members.get(memberId);
        if (member.status != Status.ACTIVE || !member.grants.contains(administrator)) {
            return;
        }
        long others = members.entrySet().stream().filter(other -> !other.getKey().equals(memberId))
                .filter(other -> other.getValue().status == Status.ACTIVE && other.getValue().grants.contains(administrator))
                .count();
        if (others == 0) {
            throw new MembershipConflict("memberId", programmeId == null
                    ? "This is the installation's last operator; appoint another first."
                    : "This is the programme's last administrator; appoint another first.");
        }
    }

    private static void checkGrant(Grant grant, String programmeId, References references) {
        if (grant == null || grant.role() == null) {
            throw new CommandRejected("roles", "must name a role");
        }
        if ((programmeId == null) != (grant.role() == AccessRole.OPERATOR)) {
            throw new CommandRejected("roles", programmeId == null ? "the installation has operators only"
                    : "a programme's members cannot be operators");
        }
        if (grant.role() == AccessRole.PLACE_MEMBER) {
            if (grant.placeId() == null) {
                throw new CommandRejected("placeId", "a place member's role names their place");
            }
            if (references != null) {
                references.place("placeId", programmeId, grant.placeId());
            }
        } else if (grant.placeId() != null) {
            throw new CommandRejected("placeId", "only a place member's role names a place");
        }
        if (programmeId != null && references != null) {
            references.programme("programmeId", programmeId);
        }
    }

    // ---- state, from the events -------------------------------------------------------------------

    @EventSourcingHandler
    void on(MemberInvited event) {
        membershipId = Commands.membershipId(event.programmeId());
        programmeId = event.programmeId();
        MemberState previous = members.get(event.memberId());
        MemberState member = new MemberState();
        member.invitationId = event.invitationId();
        member.contactErased = previous != null && previous.contactErased;
        member.grants.addAll(event.grants());
        members.put(event.memberId(), member);
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        members.get(event.memberId()).status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        members.get(event.memberId()).grants.add(event.grant());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        members.get(event.memberId()).grants.remove(event.grant());
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        members.get(event.memberId()).status = Status.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        members.get(event.memberId()).status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(MemberContactErased event) {
        members.get(event.memberId()).contactErased = true;
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        MemberState member = members.get(event.memberId());
        member.status = Status.REMOVED;
        member.grants.clear();
    }
}
