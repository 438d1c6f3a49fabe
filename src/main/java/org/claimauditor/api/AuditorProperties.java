package org.claimauditor.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

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
        @DefaultValue("MEDICARE") String defaultPayer) {

    /** A share outside 0..1 stops the start with Spring's one-paragraph "Failed to bind properties" report. */
    public AuditorProperties {
        org.claimauditor.ncci.NcciLoader.checkShare(maxBadRows);
    }
}
