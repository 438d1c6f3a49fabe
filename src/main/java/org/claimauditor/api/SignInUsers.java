package org.claimauditor.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The HTTP Basic users of {@code auditor.security.users}. With no user and no token configured, the host is not
 * left open: it makes an {@code admin} with a random password valid until it stops and prints that password once
 * to standard output — not through the logger, so it does not land in log files that may be shipped elsewhere.
 */
final class SignInUsers {

    static final String GENERATED_USER = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(SignInUsers.class);

    private SignInUsers() { }

    static InMemoryUserDetailsManager of(AuditorProperties.Security security, PasswordEncoder encoder, PrintStream console) {
        if (!security.noneConfigured()) {
            List<UserDetails> users = security.users().stream()
                    .map(u -> User.withUsername(u.name()).password(u.password())
                            .authorities(ApiTokens.authorities(u.roles())).build())
                    .toList();
            return new InMemoryUserDetailsManager(users);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        console.printf("%n%s%nNo users or API tokens are configured (auditor.security.users, auditor.security.tokens).%n"
                        + "Sign in as '%s' (role ADMIN) with this password, valid until the host stops:%n%n    %s%n%n"
                        + "Configure real users before anyone else uses this host: docs/security.md.%n%s%n%n",
                "-".repeat(100), GENERATED_USER, password, "-".repeat(100));
        console.flush();
        LOG.warn("No users configured: a one-time password for '{}' was printed to standard output (not to the log)",
                GENERATED_USER);
        return new InMemoryUserDetailsManager(User.withUsername(GENERATED_USER).password(encoder.encode(password))
                .authorities(ApiTokens.authorities(List.of(Role.ADMIN))).build());
    }
}
