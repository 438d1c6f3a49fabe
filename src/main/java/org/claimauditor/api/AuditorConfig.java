package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.claimauditor.codes.CodeSetLoader;
import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditorProperties.class)
class AuditorConfig {

    private static final Logger LOG = LoggerFactory.getLogger(AuditorConfig.class);

    /** Built after the reference data, so a broken NCCI or code-set file stops the start in a second, not after the build. */
    @Bean
    @DependsOn("reference")
    RuleService ruleService(AuditorProperties props) {
        return new RuleService(new RuleSetLoader(props.rulesDir(), props.payerPoliciesDir(), props.defaultPayer())
                .withCache(props.compiledRuleCache()));
    }

    /**
     * Loaded once at start-up; a missing or unreadable NCCI folder (or file) stops the host unless
     * auditor.no-ncci=true, with the one-line cause printed by {@link ReferenceDataFailureAnalyzer}.
     */
    @Bean
    NcciTables ncciTables(AuditorProperties props) {
        if (props.noNcci()) {
            return NcciTables.NONE;
        }
        if (props.ncciDir() == null) {
            throw new IllegalStateException("auditor.ncci-dir is not set: point it at the CMS NCCI files, "
                    + "or set auditor.no-ncci=true to run without NCCI edits on purpose");
        }
        NcciTables tables = NcciLoader.load(props.ncciDir(), props.maxBadRows(), props.limits().engine());
        tables.problems().forEach(p -> LOG.warn("unreadable NCCI row skipped: {}", p));
        return tables;
    }

    /** NCCI tables and code sets, loaded once at start-up (rule reloads do not re-read them). */
    @Bean
    Reference reference(NcciTables ncci, AuditorProperties props) {
        CodeSets codeSets = CodeSets.EMPTY;
        if (props.codeSetsDir() != null) {
            CodeSetLoader.Result r = CodeSetLoader.load(props.codeSetsDir(), props.limits().engine());
            r.problems().forEach(p -> LOG.warn("code-set problem: {}", p));
            codeSets = r.codeSets();
        }
        return new Reference(ncci, codeSets);
    }

    /** The reader's and engine's limits, from auditor.limits.* (the same ones the CLI's --max-… options set). */
    @Bean
    Limits limits(AuditorProperties props) {
        return props.limits().engine();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
