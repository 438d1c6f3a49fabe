package org.claimauditor.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code auditor.history.*}: recording of REST audits in the history database (spring.datasource.*; an H2 file
 * under auditor.data-dir when unset).
 *
 * @param enabled         record batch audits ({@code /audits}, {@code /audits/reports})
 * @param recordPreScreen record single-claim pre-screens ({@code /claims/audit}) too; off by default: they are
 *                        many, small, and usually re-submitted in a batch later
 * @param retentionDays   delete runs older than this many days at start and daily; 0 keeps every run
 */
@ConfigurationProperties("auditor.history")
public record HistoryProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("false") boolean recordPreScreen,
                                @DefaultValue("0") int retentionDays) {
    public HistoryProperties {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("auditor.history.retention-days must be 0 (keep every run) or more, not "
                    + retentionDays);
        }
    }
}
