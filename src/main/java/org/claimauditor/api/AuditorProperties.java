package org.claimauditor.api;

import org.claimauditor.engine.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code auditor.*} settings of the REST host.
 *
 * @param rulesDir          DRL rules folder
 * @param payerPoliciesDir  payer policy folder
 * @param watch             reload automatically when a file under either folder changes
 * @param watchInterval     how often to look for changes when {@code watch} is on
 * @param ncciDir           folder of CMS NCCI files; required unless {@code noNcci}
 * @param noNcci            run without NCCI edits on purpose (every result says so)
 * @param maxBadRows        largest share of unreadable NCCI rows tolerated
 * @param codeSetsDir       folder of code-set files (ICD-10-CM, HCPCS, CPT list); none = shape checks only
 * @param defaultPayer      payer id whose policy applies to payers without a policy file
 * @param ruleCache         folder of compiled rule modules, so a start or reload compiles only changed rule files;
 *                          empty: {@code ~/.cache/claim-auditor/rules}; {@code none}: always compile
 * @param limits            limits of the HTTP side (request body size and read time, concurrent API requests)
 * @param security          users, API tokens and the origins allowed to send unsafe requests
 */
@ConfigurationProperties("auditor")
public record AuditorProperties(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue("payer-policies") Path payerPoliciesDir,
        @DefaultValue("false") boolean watch,
        @DefaultValue("2s") Duration watchInterval,
        Path ncciDir,
        @DefaultValue("false") boolean noNcci,
        @DefaultValue("0.001") double maxBadRows,
        Path codeSetsDir,
        @DefaultValue("MEDICARE") String defaultPayer,
        @DefaultValue("") String ruleCache,
        @DefaultValue HostLimits limits,
        @DefaultValue Security security) {

    /** The compiled-rule cache of {@code ruleCache}. */
    public org.claimauditor.engine.CompiledRuleCache compiledRuleCache() {
        return org.claimauditor.engine.CompiledRuleCache.of(ruleCache);
    }

    /** A share outside 0..1 stops the start with Spring's one-paragraph "Failed to bind properties" report. */
    public AuditorProperties {
        org.claimauditor.ncci.NcciLoader.checkShare(maxBadRows);
    }

    /**
     * {@code auditor.limits.*}: the HTTP side, and the per-claim and per-session limits of the reader and the engine
     * ({@link Limits}), so the host and the CLI apply the same ones.
     *
     * @param maxRequestBytes       largest request body; larger ones get 413 before (Content-Length) or while (chunked)
     *                              they are read, never buffered past the limit
     * @param bodyReadTimeout       the whole body of an API request must arrive within this time, else 408: a client
     *                              trickling bytes cannot hold a worker thread for longer
     * @param maxConcurrentRequests API requests served at once; more get 503 at once, so worker threads stay free for
     *                              health checks and other callers
     * @param maxClaimBytes         largest claim read; a larger one is an ERROR result
     * @param maxLinesPerClaim      service lines per claim; more is an ERROR result
     * @param maxFindingsPerClaim   findings per claim; more is an ERROR result naming the limit
     * @param ruleTime              wall time of one rule session; its patients are re-run alone, one still over it is an ERROR
     * @param maxRuleFirings        rule firings per session, as {@code ruleTime}
     * @param maxUnzippedBytes      bytes one reference-data zip entry (or xlsx part) may expand to
     * @param maxZipEntries         entries one reference-data zip (or xlsx) may hold
     * @param maxZipRatio           how many times its compressed size a reference-data zip entry may expand to
     */
    public record HostLimits(@DefaultValue("50MB") DataSize maxRequestBytes,
                             @DefaultValue("60s") Duration bodyReadTimeout,
                             @DefaultValue("64") int maxConcurrentRequests,
                             @DefaultValue("1MB") DataSize maxClaimBytes,
                             @DefaultValue("999") int maxLinesPerClaim,
                             @DefaultValue("1000") int maxFindingsPerClaim,
                             @DefaultValue("10s") Duration ruleTime,
                             @DefaultValue("1000000") long maxRuleFirings,
                             @DefaultValue("1GB") DataSize maxUnzippedBytes,
                             @DefaultValue("10000") int maxZipEntries,
                             @DefaultValue("100") int maxZipRatio) {
        public HostLimits {
            if (maxRequestBytes.toBytes() < 1 || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()
                    || maxConcurrentRequests < 1) {
                throw new IllegalArgumentException("auditor.limits must be positive: max-request-bytes "
                        + maxRequestBytes + ", body-read-timeout " + bodyReadTimeout + ", max-concurrent-requests "
                        + maxConcurrentRequests);
            }
            engine(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings, maxUnzippedBytes,
                    maxZipEntries, maxZipRatio); // fails the start on a non-positive value, naming them all
        }

        /** The reader's and engine's limits these settings describe. */
        public Limits engine() {
            return engine(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings,
                    maxUnzippedBytes, maxZipEntries, maxZipRatio);
        }

        private static Limits engine(DataSize maxClaimBytes, int maxLinesPerClaim, int maxFindingsPerClaim,
                                     Duration ruleTime, long maxRuleFirings, DataSize maxUnzippedBytes,
                                     int maxZipEntries, int maxZipRatio) {
            return new Limits(maxClaimBytes.toBytes(), maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings,
                    maxUnzippedBytes.toBytes(), maxZipEntries, maxZipRatio);
        }
    }

    /**
     * {@code auditor.security.*}. With no user and no token configured the host starts with a generated admin
     * password printed once to standard output; it is never open.
     *
     * @param users          HTTP Basic users
     * @param tokens         API tokens ({@code Authorization: Bearer <token>})
     * @param allowedOrigins browser origins besides the server's own that may send POST/PUT/DELETE (e.g. a portal)
     */
    public record Security(@DefaultValue List<User> users, @DefaultValue List<Token> tokens,
                           @DefaultValue List<String> allowedOrigins) {
        public Security {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < users.size(); i++) {
                users.get(i).check("auditor.security.users[" + i + "]", names);
            }
            for (int i = 0; i < tokens.size(); i++) {
                tokens.get(i).check("auditor.security.tokens[" + i + "]", names);
            }
        }

        public boolean noneConfigured() {
            return users.isEmpty() && tokens.isEmpty();
        }
    }

    /**
     * @param password with the encoder id in front, as Spring Security's DelegatingPasswordEncoder reads it:
     *                 {@code {bcrypt}$2a$10$…} (recommended) or {@code {noop}plain} (tests and trials only)
     */
    public record User(String name, String password, List<Role> roles) {
        private static final Pattern ENCODED = Pattern.compile("\\{(bcrypt|pbkdf2|noop)}.+");

        void check(String key, Set<String> names) {
            checkName(key, name, roles, names);
            if (password == null || !ENCODED.matcher(password).matches()) {
                throw new IllegalArgumentException(key
                        + ".password must start with {bcrypt} or {pbkdf2} (or {noop} for a trial)");
            }
        }
    }

    /**
     * @param token the token's SHA-256 as {@code {sha256}<64 hex digits>} (recommended: the configuration then holds
     *              no usable secret), or {@code {noop}<token>} of at least 32 characters
     */
    public record Token(String name, String token, List<Role> roles) {
        private static final Pattern SHA256 = Pattern.compile("\\{sha256}[0-9a-fA-F]{64}");
        private static final Pattern NOOP = Pattern.compile("\\{noop}\\S{32,}");

        void check(String key, Set<String> names) {
            checkName(key, name, roles, names);
            if (token == null || !(SHA256.matcher(token).matches() || NOOP.matcher(token).matches())) {
                throw new IllegalArgumentException(key + ".token must be {sha256}<64 hex digits> "
                        + "or {noop}<at least 32 characters>");
            }
        }
    }

    private static void checkName(String key, String name, List<Role> roles, Set<String> names) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(key + ".name is missing");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException(key + ".name '" + name + "' is used twice");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException(key + ".roles is missing (BILLING, AUDITOR, COMPLIANCE, ADMIN)");
        }
    }
}
