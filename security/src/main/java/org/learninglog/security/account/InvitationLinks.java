package org.learninglog.security.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Single-use links for invitations and password resets ({@code invitation_links}). A link's secret
 * is 256 random bits shown once, to whoever asked for it; only its SHA-256 digest is kept, as the
 * document's {@code _id}, so a link is found by an exact key and the store never holds anything a
 * link can be made from. The secret travels in the page address's fragment (never sent to a server,
 * so never in an access log) and then in a request body.
 * <p>
 * Following a link is two steps: {@link #open} says whether it is good (404 if it never was, 410 if
 * it expired or was used), then {@link #use} marks it used, once, atomically: of two requests
 * racing with one link, one wins and the other is answered 410.
 */
public final class InvitationLinks {

    public static final String PREFIX = "ll_inv_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID = "_id";
    private static final String INVITATION = "invitationId";
    private static final String MEMBER = "memberId";
    private static final String PROGRAMME = "programmeId";
    private static final String PURPOSE = "purpose";
    private static final String EXPIRES = "expiresAt";
    private static final String USED = "used";

    private final MongoCollection<Document> links;
    private final Clock clock;

    public InvitationLinks(MongoDatabase database, Clock clock) {
        this.links = database.getCollection("invitation_links");
        this.clock = clock;
    }

    /** Keeps the link's digest and answers its secret: the only time the secret is seen. */
    public String issue(Invitation invitation) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        links.insertOne(new Document(ID, digest(token)).append(INVITATION, invitation.invitationId())
                .append(MEMBER, invitation.memberId()).append(PROGRAMME, invitation.programmeId())
                .append(PURPOSE, invitation.purpose().name()).append(EXPIRES, Date.from(invitation.expiresAt()))
                .append(USED, false));
        return token;
    }

    /** The invitation a link stands for, if it is still good. */
    public Invitation open(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            throw unknown();
        }
        Document link = links.find(eq(ID, digest(token))).first();
        if (link == null) {
            throw unknown();
        }
        Invitation invitation = new Invitation(link.getString(INVITATION), link.getString(MEMBER), link.getString(PROGRAMME),
                Invitation.Purpose.valueOf(link.getString(PURPOSE)), link.getDate(EXPIRES).toInstant());
        if (Boolean.TRUE.equals(link.getBoolean(USED)) || !clock.instant().isBefore(invitation.expiresAt())) {
            throw gone();
        }
        return invitation;
    }

    /** Marks the link used; refuses (410) if another request used it first. */
    public void use(String token) {
        if (links.updateOne(and(eq(ID, digest(token)), eq(USED, false)), Updates.set(USED, true)).getModifiedCount() == 0) {
            throw gone();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static ErrorResponseException unknown() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No invitation is known under this link.");
        problem.setTitle("Unknown link");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static ErrorResponseException gone() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "This link has expired or was used already; ask your administrator for a new one.");
        problem.setTitle("Link no longer good");
        return new ErrorResponseException(HttpStatus.GONE, problem, null);
    }
}
