package org.claimauditor.engine.fact;

import java.time.LocalDate;

/** Facts about the audit run itself; {@code today} is the date "future" is judged against. */
public record AuditContext(LocalDate today) {
    public LocalDate getToday() { return today; }
}
