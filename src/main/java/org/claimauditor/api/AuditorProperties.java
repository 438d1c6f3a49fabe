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
 */
@ConfigurationProperties("auditor")
public record AuditorProperties(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue("payer-policies") Path payerPoliciesDir,
        @DefaultValue("false") boolean watch,
        @DefaultValue("2s") Duration watchInterval) { }
