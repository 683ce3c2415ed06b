package org.learninglog.security.account;

import org.learninglog.security.Member;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.membership.MemberEntry;
import org.learninglog.security.membership.MembershipView;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Collection;
import java.util.Optional;

/**
 * The accounts people sign in with: local accounts kept in the store (whose roles are the
 * membership view's), then the accounts of the configuration (whose roles are the configuration's).
 * <p>
 * A stored account whose member is not active (invited, suspended, removed) answers exactly as an
 * unknown name does, so that the password check after it (Spring's, which checks a made-up hash for
 * an unknown name) costs the same and says the same: nobody learns from the answer or its timing
 * which names exist. Both reads are made whatever the first one finds, for the same reason.
 */
public final class MemberAccounts implements UserDetailsService {

    private final AccountStore store;
    private final MembershipView view;
    private final UserDetailsService configured;

    public MemberAccounts(AccountStore store, MembershipView view, UserDetailsService configured) {
        this.store = store;
        this.view = view;
        this.configured = configured;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<String> hash = store.passwordHash(username);
        Optional<MemberEntry> entry = view.member(username);
        if (hash.isPresent()) {
            if (entry.isPresent() && entry.get().active()) {
                return new MemberAccount(username, hash.get(), view, entry.get());
            }
            throw new UsernameNotFoundException("No such account");
        }
        return configured.loadUserByUsername(username);
    }

    /**
     * A signed-in member of a local account. What they may do is read from the membership view at
     * each use, not kept from their sign-in, so a role granted or revoked counts from the next
     * request on, sessions included; a member no longer active may do nothing at all.
     */
    public record MemberAccount(String memberId, String passwordHash, MembershipView view, MemberEntry atSignIn)
            implements UserDetails, MemberPrincipal, org.learninglog.security.HoldsPasswordHash {

        @Override
        public MemberAccount withoutPasswordHash() {
            return new MemberAccount(memberId, null, view, atSignIn);
        }

        @Override
        public Member member() {
            return view.member(memberId).filter(MemberEntry::active).map(MemberEntry::toMember)
                    .orElseGet(() -> new Member(memberId, null, java.util.Set.of(), java.util.Set.of()));
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return atSignIn.toMember().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return memberId;
        }

        @Override
        public String toString() {
            return "MemberAccount[" + memberId + "]";
        }
    }
}
