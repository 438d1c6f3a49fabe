package org.claimauditor.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What is known of a run when it starts: who ran it, from where, when, with which rules and reference data.
 *
 * @param origin CLI or REST
 * @param user   the signed-in user (REST) or the operating-system user (CLI); null when unknown
 */
public record RunHeader(String runId, Origin origin, String user, Instant startedAt, LocalDate auditDate,
                        String ruleSetVersion, List<ReferenceItem> reference) {

    public enum Origin { CLI, REST }

    public RunHeader {
        reference = List.copyOf(reference);
    }

    public static RunHeader start(Origin origin, String user, Instant startedAt, LocalDate auditDate,
                                  String ruleSetVersion, List<ReferenceItem> reference) {
        return new RunHeader(UUID.randomUUID().toString(), origin, user, startedAt, auditDate, ruleSetVersion, reference);
    }
}
