package org.claimauditor.web.claim;

import org.claimauditor.claim.Claim;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Stream;

/** One line of a run's claim index: the claim as read (null when unreadable) and its result, by input position. */
public record IndexedClaim(int index, String origin, Claim claim, AuditResult result) {

    /** The claim's rendering NPI, else its billing NPI, else none. */
    public String provider() {
        if (claim == null) {
            return null;
        }
        if (claim.renderingProvider() != null && claim.renderingProvider().npi() != null) {
            return claim.renderingProvider().npi();
        }
        return claim.billingProvider() == null ? null : claim.billingProvider().npi();
    }

    /** Every NPI the claim names: claim-level providers and each line's rendering provider. */
    public Stream<String> providers() {
        if (claim == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(provider(), claim.billingProvider() == null ? null : claim.billingProvider().npi()),
                claim.lines().stream().map(Claim.ServiceLine::renderingProviderNpi)).filter(Objects::nonNull);
    }

    public String payer() {
        return claim == null ? null : claim.payerId();
    }

    public static BigDecimal atRisk(Stream<Finding> findings) {
        return findings.map(Finding::amountAtRisk).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public ClaimLines lines() {
        return ClaimLines.of(origin, claim, result);
    }
}
