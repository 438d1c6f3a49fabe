package org.claimauditor.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * API tokens from {@code auditor.security.tokens}: {@code Authorization: Bearer <token>}. Only the SHA-256 of each
 * token is kept (a token is long and random, so a fast hash is enough, unlike a password); a presented token is
 * hashed and compared in constant time with every configured one.
 */
final class ApiTokens implements AuthenticationProvider, AuthenticationConverter {

    private record Entry(String name, byte[] sha256, List<GrantedAuthority> authorities) { }

    private final List<Entry> entries;

    ApiTokens(List<AuditorProperties.Token> tokens) {
        this.entries = tokens.stream().map(t -> new Entry(t.name(), digestOf(t.token()), authorities(t.roles()))).toList();
    }

    static List<GrantedAuthority> authorities(List<Role> roles) {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    private static byte[] digestOf(String configured) {
        return configured.startsWith("{sha256}")
                ? HexFormat.of().parseHex(configured.substring("{sha256}".length()))
                : sha256(configured.substring("{noop}".length()));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads a bearer token from the request, or null when there is none (then HTTP Basic may apply). */
    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return new Presented(header.substring(7).trim());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] presented = sha256(((Presented) authentication).token);
        Entry match = null;
        for (Entry e : entries) { // no early exit: the time taken does not depend on which token matched
            if (MessageDigest.isEqual(e.sha256, presented)) {
                match = e;
            }
        }
        if (match == null) {
            throw new BadCredentialsException("unknown API token");
        }
        return new Signed(match.name, match.authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Presented.class.isAssignableFrom(authentication);
    }

    /** A token as presented, not yet checked. */
    private static final class Presented extends AbstractAuthenticationToken {
        private final transient String token;

        Presented(String token) {
            super(null);
            this.token = token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }

    /** A checked token: the principal is the token's configured name. */
    private static final class Signed extends AbstractAuthenticationToken {
        private final String name;

        Signed(String name, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.name = name;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return name;
        }
    }
}
