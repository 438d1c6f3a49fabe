package org.claimauditor.api;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTest {

    /** The real bcrypt encoder, counting how often it really checks. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    @Test
    void aGoodPasswordIsCheckedOnceAWrongOneEveryTime() throws InterruptedException {
        Counting bcrypt = new Counting();
        String hash = bcrypt.encode("s3cret");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        VerifiedPasswordCache cached = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(cached.matches("s3cret", hash)).isTrue();
            assertThat(cached.matches("s3cret ", hash)).isFalse();
        }
        assertThat(bcrypt.checks.get()).isEqualTo(1 + 5);
        // another user's hash of the same password is its own entry
        assertThat(cached.matches("s3cret", bcrypt.encode("s3cret"))).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(7);

        VerifiedPasswordCache shortLived = new VerifiedPasswordCache(bcrypt, Duration.ofMillis(1));
        assertThat(shortLived.matches("s3cret", hash)).isTrue();
        Thread.sleep(5); // expired: checked in full again
        assertThat(shortLived.matches("s3cret", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(9);
    }
}
