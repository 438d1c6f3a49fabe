package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSetLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditorProperties.class)
class AuditorConfig {

    @Bean
    RuleService ruleService(AuditorProperties props) {
        return new RuleService(new RuleSetLoader(props.rulesDir(), props.payerPoliciesDir()));
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
