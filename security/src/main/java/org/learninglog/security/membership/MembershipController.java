package org.learninglog.security.membership;

import org.learninglog.security.AccessPolicy;
import org.learninglog.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading the membership view: a programme's members and their history (its administrators and
 * the operators), and the audit's question "who could write for this place on that date" (its
 * learning partners too). Changes are commands, on the command side.
 */
@RestController
public class MembershipController {

    private final MembershipView view;
    private final AccessPolicy policy;

    public MembershipController(MembershipView view, AccessPolicy policy) {
        this.view = view;
        this.policy = policy;
    }

    @GetMapping("/api/programmes/{programmeId}/members")
    Members members(@PathVariable String programmeId) {
        policy.requireAdmin(programmeId, "list the members");
        Roster roster = view.roster(programmeId).orElse(new Roster(programmeId, List.of(), List.of()));
        List<MemberAnswer> members = roster.memberIds().stream().map(view::member).flatMap(java.util.Optional::stream)
                .map(MembershipController::answer).toList();
        return new Members(programmeId, members, roster.history());
    }

    /**
     * One member of the programme, where inviting them and resetting their password point; read by
     * those who may list the members. A member of another programme is not found here.
     */
    @GetMapping("/api/programmes/{programmeId}/members/{memberId}")
    MemberAnswer member(@PathVariable String programmeId, @PathVariable String memberId) {
        policy.requireAdmin(programmeId, "read a member");
        return view.member(memberId).filter(entry -> programmeId.equals(entry.programmeId()))
                .map(MembershipController::answer)
                .orElseThrow(() -> notFound("No member of this programme is known by this id."));
    }

    /** One operator of the installation, where appointing them points; read by the operators. */
    @GetMapping("/api/operators/{memberId}")
    MemberAnswer operator(@PathVariable String memberId) {
        policy.requireOperator("read an operator");
        return view.member(memberId).filter(entry -> entry.programmeId() == null)
                .map(MembershipController::answer)
                .orElseThrow(() -> notFound("No operator is known by this id."));
    }

    private static MemberAnswer answer(MemberEntry entry) {
        return new MemberAnswer(entry.memberId(), entry.status(), entry.grants());
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        problem.setProperty("errors", List.of(Map.of("field", "memberId", "message", "not found")));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /**
     * With {@code at}, who could write at that moment; with {@code on}, who could write at any
     * moment of that day (UTC): at its start and after each change during it.
     */
    @GetMapping("/api/programmes/{programmeId}/places/{placeId}/writers")
    Writers writers(@PathVariable String programmeId, @PathVariable String placeId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        policy.requireRole(programmeId, "audit who could write for place " + placeId, Role.LEARNING_PARTNER);
        if ((on == null) == (at == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give either on (a date) or at (an instant).");
        }
        List<MembershipChange> programme = view.roster(programmeId).map(Roster::history).orElse(List.of());
        List<MembershipChange> installation = view.roster(null).map(Roster::history).orElse(List.of());
        List<Instant> moments = new ArrayList<>();
        if (at != null) {
            moments.add(at);
        } else {
            Instant start = on.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = on.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            moments.add(start);
            for (List<MembershipChange> history : List.of(programme, installation)) {
                history.stream().map(MembershipChange::at).filter(when -> !when.isBefore(start) && when.isBefore(end))
                        .forEach(moments::add);
            }
        }
        Set<WritersOnDate.Writer> writers = new LinkedHashSet<>();
        for (Instant moment : moments) {
            writers.addAll(WritersOnDate.writers(programme, installation, placeId, moment));
        }
        return new Writers(programmeId, placeId, on, at, List.copyOf(writers));
    }

    record Members(String programmeId, List<MemberAnswer> members, List<MembershipChange> history) {
    }

    record MemberAnswer(String memberId, MemberStatus status, List<GrantedRole> roles) {
    }

    record Writers(String programmeId, String placeId, LocalDate on, Instant at, List<WritersOnDate.Writer> writers) {
    }
}
