package org.claimauditor.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code auditor.web.*}: where the pages keep their work on the server.
 *
 * @param runsDir            batch audits uploaded on the pages: one folder per run with its input, the audit's output
 *                           folder (results and reports) and the pages' claim index
 * @param candidateRulesRoot the impact page builds candidate rules only from folders under this one, so a form field
 *                           cannot point the host at any folder of the machine
 * @param fixturesDir        the rules' fixture files, counted on the rule pages
 */
@ConfigurationProperties("auditor.web")
public record WebProperties(
        @DefaultValue("audit-runs") Path runsDir,
        @DefaultValue("candidate-rules") Path candidateRulesRoot,
        @DefaultValue("test-claims") Path fixturesDir) { }
