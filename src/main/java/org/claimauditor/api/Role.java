package org.claimauditor.api;

/**
 * Who may do what on the REST host (docs/security.md). Claims carry patient data, so only the roles
 * that audit claims may send them; the rule catalog and payer policies hold none, so every role may read them.
 */
public enum Role {
    /** Pre-screens one claim before it is billed. */
    BILLING,
    /** Audits batches and gets their reports; may also pre-screen one claim (a batch of one is the same thing). */
    AUDITOR,
    /** Owns the rules and payer policies: reads them and reloads them. Sends no claims. */
    COMPLIANCE,
    /** Everything. */
    ADMIN
}
