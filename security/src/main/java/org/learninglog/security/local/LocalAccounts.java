package org.learninglog.security.local;

import org.learninglog.security.Member;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.config.SecurityProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accounts from the configuration ({@code learninglog.security.accounts}), for the embedded
 * default where there is no identity provider. Passwords are stored as bcrypt hashes only.
 */
public final class LocalAccounts implements UserDetailsService {

    private final Map<String, SecurityProperties.Account> accounts;

    public LocalAccounts(List<SecurityProperties.Account> accounts) {
        this.accounts = accounts.stream().collect(Collectors.toUnmodifiableMap(SecurityProperties.Account::username,
                Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityProperties.Account account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("No such account");
        }
        return new AccountDetails(account);
    }

    public int size() {
        return accounts.size();
    }

    record AccountDetails(SecurityProperties.Account account)
            implements UserDetails, MemberPrincipal, org.learninglog.security.HoldsPasswordHash {

        @Override
        public AccountDetails withoutPasswordHash() {
            return new AccountDetails(new SecurityProperties.Account(account.username(), null, account.programme(),
                    account.roles(), account.places()));
        }

        @Override
        public Member member() {
            return new Member(account.username(), account.programme(), account.roles(), account.places());
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        }

        @Override
        public String getPassword() {
            String hash = account.passwordHash();
            return hash == null || hash.startsWith("{") ? hash : "{bcrypt}" + hash;
        }

        @Override
        public String getUsername() {
            return account.username();
        }
    }
}
