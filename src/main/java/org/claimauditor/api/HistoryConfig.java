package org.claimauditor.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** The history database of the REST host: Spring's DataSource (spring.datasource.*), migrated by Spring's Flyway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryProperties.class)
class HistoryConfig {

    @Bean
    RestHistory restHistory(DataSource dataSource, HistoryProperties props, Clock clock) {
        return new RestHistory(dataSource, props, clock);
    }
}
