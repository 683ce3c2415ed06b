package org.learninglog.security.membership;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.learninglog.security.Role;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * The membership view: who is a member of what, in which roles, kept from the membership events
 * in the thread of the command that recorded them (so the request after a grant or a revocation, on
 * either side, already sees it: both sides read this from the one database on every request).
 * <p>
 * Two collections, both read by exact {@code _id} only (the embedded store scans on anything else):
 * {@code membership_members}, one document per member, which every access decision reads; and
 * {@code membership_rosters}, one per programme (and one for the installation's operators) with its
 * member identifiers and its history. Each member belongs to one programme and is changed by that
 * programme's membership alone, whose commands run one at a time, so a read, change and replace of
 * one document does not race. A history line already kept (the same event) is not kept again.
 */
public final class MembershipView {

    /** The roster of the installation's operators. Identifiers of programmes cannot begin with '~'. */
    public static final String INSTALLATION = "~installation";

    private static final String ID = "_id";
    private static final String PROGRAMME = "programmeId";
    private static final String STATUS = "status";
    private static final String GRANTS = "grants";
    private static final String ROLE = "role";
    private static final String PLACE = "placeId";
    private static final String MEMBERS = "members";
    private static final String HISTORY = "history";
    private static final String EVENT = "eventId";
    private static final String AT = "at";
    private static final String MEMBER = "memberId";
    private static final String KIND = "kind";
    private static final String BY = "by";

    /** The collections the view is kept in, which a rebuild empties first. */
    public static final List<String> COLLECTIONS = List.of("membership_members", "membership_rosters", "membership_subjects");

    private final MongoCollection<Document> members;
    private final MongoCollection<Document> rosters;
    private final MongoCollection<Document> subjects;

    public MembershipView(MongoDatabase database) {
        this(database, "");
    }

    /** The view kept in collections named with {@code suffix} after the live ones' names: where a rebuild writes. */
    public MembershipView(MongoDatabase database, String suffix) {
        this.members = database.getCollection(COLLECTIONS.get(0) + suffix);
        this.rosters = database.getCollection(COLLECTIONS.get(1) + suffix);
        this.subjects = database.getCollection(COLLECTIONS.get(2) + suffix);
    }

    public static String scopeOf(String programmeId) {
        return programmeId == null ? INSTALLATION : programmeId;
    }

    // ---- reads ----------------------------------------------------------------------------------

    public Optional<MemberEntry> member(String memberId) {
        if (memberId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(members.find(eq(ID, memberId)).first()).map(MembershipView::entry);
    }

    public Optional<Roster> roster(String programmeId) {
        String scope = scopeOf(programmeId);
        return Optional.ofNullable(rosters.find(eq(ID, scope)).first()).map(document -> new Roster(scope,
                document.getList(MEMBERS, String.class, List.of()),
                document.getList(HISTORY, Document.class, List.of()).stream().map(MembershipView::change).toList()));
    }

    /**
     * The member as the view has them, if it has them; otherwise as signed in (an identity
     * provider's claims, which may seed a first membership but never outrank one).
     */
    public org.learninglog.security.Member current(org.learninglog.security.Member signedIn) {
        return member(signedIn.id()).map(MemberEntry::toMember).orElse(signedIn);
    }

    /** The member an OpenID Connect provider's subject was bound to when they accepted an invitation. */
    public Optional<String> memberOfSubject(String issuer, String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(subjects.find(eq(ID, subjectKey(issuer, subject))).first()).map(document -> document.getString(MEMBER));
    }

    /** Whether anybody is an active operator of the installation. */
    public boolean hasOperator() {
        return roster(null).stream().flatMap(roster -> roster.memberIds().stream())
                .map(this::member).flatMap(Optional::stream)
                .anyMatch(member -> member.holds(GrantedRole.of(Role.OPERATOR)));
    }

    // ---- writes, from the events ------------------------------------------------------------------

    public void invited(String programmeId, String memberId, List<GrantedRole> grants, List<MembershipChange> lines) {
        replaceMember(memberId, ignored -> new MemberEntry(memberId, programmeId, MemberStatus.INVITED, grants));
        addToRoster(programmeId, memberId, lines);
    }

    public void statusChanged(String programmeId, String memberId, MemberStatus status, MembershipChange line) {
        changeMember(memberId, entry -> new MemberEntry(memberId, entry.programmeId(), status,
                status == MemberStatus.REMOVED ? List.of() : entry.grants()));
        addToRoster(programmeId, memberId, List.of(line));
    }

    public void granted(String programmeId, String memberId, GrantedRole grant, MembershipChange line) {
        changeMember(memberId, entry -> {
            List<GrantedRole> grants = new ArrayList<>(entry.grants());
            if (!grants.contains(grant)) {
                grants.add(grant);
            }
            return new MemberEntry(memberId, entry.programmeId(), entry.status(), grants);
        });
        addToRoster(programmeId, memberId, List.of(line));
    }

    public void revoked(String programmeId, String memberId, GrantedRole grant, MembershipChange line) {
        changeMember(memberId, entry -> new MemberEntry(memberId, entry.programmeId(), entry.status(),
                entry.grants().stream().filter(held -> !held.equals(grant)).toList()));
        addToRoster(programmeId, memberId, List.of(line));
    }

    public void subjectBound(String issuer, String subject, String memberId) {
        subjects.replaceOne(eq(ID, subjectKey(issuer, subject)), new Document(ID, subjectKey(issuer, subject))
                .append(MEMBER, memberId), new ReplaceOptions().upsert(true));
    }

    public void noted(String programmeId, String memberId, MembershipChange line) {
        addToRoster(programmeId, memberId, List.of(line));
    }

    private void changeMember(String memberId, UnaryOperator<MemberEntry> change) {
        member(memberId).ifPresent(entry -> replaceMember(memberId, ignored -> change.apply(entry)));
    }

    private void replaceMember(String memberId, UnaryOperator<MemberEntry> change) {
        MemberEntry entry = change.apply(null);
        List<Document> grants = entry.grants().stream()
                .map(grant -> new Document(ROLE, grant.role().name()).append(PLACE, grant.placeId())).toList();
        members.replaceOne(eq(ID, memberId), new Document(ID, memberId).append(PROGRAMME, entry.programmeId())
                .append(STATUS, entry.status().name()).append(GRANTS, grants), new ReplaceOptions().upsert(true));
    }

    private void addToRoster(String programmeId, String memberId, List<MembershipChange> lines) {
        String scope = scopeOf(programmeId);
        Document roster = rosters.find(eq(ID, scope)).first();
        List<String> memberIds = new ArrayList<>(roster == null ? List.of() : roster.getList(MEMBERS, String.class, List.of()));
        List<Document> history = new ArrayList<>(roster == null ? List.of() : roster.getList(HISTORY, Document.class, List.of()));
        if (!memberIds.contains(memberId)) {
            memberIds.add(memberId);
        }
        for (MembershipChange line : lines) {
            boolean kept = history.stream().anyMatch(old -> line.eventId().equals(old.getString(EVENT))
                    && line.kind().name().equals(old.getString(KIND)) && sameRole(line, old));
            if (!kept) {
                history.add(new Document(EVENT, line.eventId()).append(AT, Date.from(line.at())).append(MEMBER, line.memberId())
                        .append(KIND, line.kind().name()).append(ROLE, line.role() == null ? null : line.role().name())
                        .append(PLACE, line.placeId()).append(BY, line.by()));
            }
        }
        rosters.replaceOne(eq(ID, scope), new Document(ID, scope).append(MEMBERS, memberIds).append(HISTORY, history),
                new ReplaceOptions().upsert(true));
    }

    /** The issuer, a space (which no issuer URL holds) and the subject: the same subject at another provider is another person. */
    private static String subjectKey(String issuer, String subject) {
        return (issuer == null ? "" : issuer) + " " + subject;
    }

    private static boolean sameRole(MembershipChange line, Document old) {
        String role = line.role() == null ? null : line.role().name();
        return java.util.Objects.equals(role, old.getString(ROLE)) && java.util.Objects.equals(line.placeId(), old.getString(PLACE));
    }

    private static MemberEntry entry(Document document) {
        List<GrantedRole> grants = document.getList(GRANTS, Document.class, List.of()).stream()
                .map(grant -> new GrantedRole(Role.valueOf(grant.getString(ROLE)), grant.getString(PLACE))).toList();
        return new MemberEntry(document.getString(ID), document.getString(PROGRAMME),
                MemberStatus.valueOf(document.getString(STATUS)), grants);
    }

    private static MembershipChange change(Document line) {
        String role = line.getString(ROLE);
        return new MembershipChange(line.getString(EVENT), line.getDate(AT).toInstant(), line.getString(MEMBER),
                MembershipChange.Kind.valueOf(line.getString(KIND)), role == null ? null : Role.valueOf(role),
                line.getString(PLACE), line.getString(BY));
    }
}
