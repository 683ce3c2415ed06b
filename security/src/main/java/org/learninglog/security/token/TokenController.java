package org.learninglog.security.token;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.learninglog.security.CurrentMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/me/tokens}: a member's personal access tokens for API clients. Made only by a member
 * signed in some other way (password, session, provider), so that a leaked token cannot mint
 * others that outlive its revocation.
 */
@RestController
public class TokenController {

    private static final int LONGEST_NAME = 100;

    private final PersonalAccessTokens tokens;
    private final UserDetailsService accounts;

    public TokenController(PersonalAccessTokens tokens, UserDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @PostMapping("/api/me/tokens")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IssuedTokenView.class)))
    ResponseEntity<?> issue(@RequestBody(required = false) TokenRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication) {
            return problem(HttpStatus.FORBIDDEN, "Not allowed", "Tokens are made by a member signed in with their password, "
                    + "not with another token.", null, null);
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > LONGEST_NAME) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request is not accepted: 'name' is required, at most "
                    + LONGEST_NAME + " characters.", "name", "is required, at most " + LONGEST_NAME + " characters");
        }
        TokenScope scope = TokenScope.parse(request.scope()).orElse(null);
        if (scope == null) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request is not accepted: 'scope' must be read or write.",
                    "scope", "must be read or write");
        }
        String member = CurrentMember.get().id();
        try {
            accounts.loadUserByUsername(member);
        } catch (UsernameNotFoundException e) {
            return problem(HttpStatus.CONFLICT, "No account here", "Tokens act for an account of this installation; "
                    + "members signed in through the identity provider use its tokens instead.", null, null);
        }
        PersonalAccessTokens.IssuedToken issued = tokens.issue(member, request.name().strip(), scope);
        TokenView view = TokenView.of(issued.kept());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + view.id()))
                .body(new IssuedTokenView(view.id(), view.name(), view.scope(), view.created(), issued.token()));
    }

    @GetMapping("/api/me/tokens")
    List<TokenView> list() {
        return tokens.of(CurrentMember.get().id()).stream()
                .sorted(Comparator.comparing(PersonalAccessToken::created))
                .map(TokenView::of).toList();
    }

    /** One of the member's tokens, where issuing it points (its secret is never shown again). */
    @GetMapping("/api/me/tokens/{id}")
    ResponseEntity<?> token(@PathVariable String id) {
        return tokens.of(CurrentMember.get().id()).stream().filter(token -> token.id().equals(id)).findFirst()
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok(TokenView.of(token)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Not found", "You have no token with this id.", "id", "not found"));
    }

    @DeleteMapping("/api/me/tokens/{id}")
    ResponseEntity<?> revoke(@PathVariable String id) {
        if (!tokens.revoke(id, CurrentMember.get().id())) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "You have no token with this id.", "id", "not found");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field,
                                                         String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return ResponseEntity.status(status).body(problem);
    }

    record TokenRequest(String name, String scope) {
    }

    /** A token as its owner sees it in the list: never the token itself. */
    record TokenView(String id, String name, String scope, Instant created, Instant lastUsed, boolean revoked) {
        static TokenView of(PersonalAccessToken token) {
            return new TokenView(token.id(), token.name(), token.scope().label(), token.created(), token.lastUsed(),
                    token.revoked());
        }
    }

    /** The answer to issuing: the only time the token is shown. */
    record IssuedTokenView(String id, String name, String scope, Instant created, String token) {
    }
}
