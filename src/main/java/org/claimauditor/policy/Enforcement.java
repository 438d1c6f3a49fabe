package org.claimauditor.policy;

import org.claimauditor.engine.Severity;

/** How a payer enforces an entry: deny (the entry's severity), pend for review (WARNING), soft (INFO). */
public enum Enforcement {
    DENY, PEND, SOFT;

    public Severity apply(Severity entrySeverity) {
        return switch (this) {
            case DENY -> entrySeverity;
            case PEND -> Severity.WARNING;
            case SOFT -> Severity.INFO;
        };
    }
}
