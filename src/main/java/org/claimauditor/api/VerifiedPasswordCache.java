package org.claimauditor.api;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps password checks from taking the CPU. HTTP Basic sends the password with every request and bcrypt spends
 * ~0.1 s of CPU on each check by design; 220 requests at once starved the host (health included) for 27 s. So:
 * a success is remembered for a few minutes (under an HMAC with a key of this process, so nothing usable is
 * stored); the same credentials arriving together are checked once; and at most one full check per core runs at
 * a time, the others wait without using CPU. Wrong passwords always pay the full check.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore fullChecks = new Semaphore(Runtime.getRuntime().availableProcessors());

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        String id = hmac(encodedPassword + "\n" + rawPassword);
        Long until = verifiedUntil.get(id);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return running.join();
        }
        fullChecks.acquireUninterruptibly();
        try {
            boolean ok = delegate.matches(rawPassword, encodedPassword);
            if (ok) {
                if (verifiedUntil.size() >= MAX_ENTRIES) {
                    verifiedUntil.clear();
                }
                verifiedUntil.put(id, now + ttlNanos);
            }
            mine.complete(ok);
            return ok;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fullChecks.release();
            inFlight.remove(id, mine);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
