package org.claimauditor.policy;

import java.util.List;
import java.util.Map;

/**
 * The payer policies in service, by payer id. A claim whose payer has no file is audited under the default
 * policy (the file covering {@code defaultPayer}), and its result says so.
 */
public record PolicySet(List<PayerPolicy> policies, Map<String, PayerPolicy> byPayer, String defaultPayer) {

    public static final PolicySet NONE = new PolicySet(List.of(), Map.of(), null);

    /** The policy for a claim's payer and whether it was the default because the payer has none. */
    public record Resolution(PayerPolicy policy, boolean defaulted, String payerId) {
        public String describe() {
            if (policy == null) {
                return "Payer policy: none for payer " + payerId + " and no default policy; NCCI as published";
            }
            return defaulted
                    ? "Payer policy: none for payer " + payerId + "; default " + policy + " applied"
                    : "Payer policy: " + policy;
        }
    }

    public Resolution resolve(String payerId) {
        PayerPolicy p = payerId == null ? null : byPayer.get(payerId);
        if (p != null) {
            return new Resolution(p, false, payerId);
        }
        return new Resolution(defaultPayer == null ? null : byPayer.get(defaultPayer), true, payerId);
    }

    public List<PolicyEntry> entries() {
        return policies.stream().flatMap(p -> p.entries().stream()).toList();
    }
}
