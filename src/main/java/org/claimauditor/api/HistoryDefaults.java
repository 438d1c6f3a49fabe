package org.claimauditor.api;

import org.claimauditor.history.HistoryDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default of the history database: without {@code spring.datasource.url}, an H2 file under
 * {@code auditor.data-dir} (default {@code data}) — the same file the command line's {@code audit} records into —
 * rather than Spring Boot's own default, an in-memory database lost at every stop. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class HistoryDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        String dir = env.getProperty("auditor.data-dir", "data");
        env.getPropertySources().addLast(new MapPropertySource("auditor-history-defaults",
                Map.of("spring.datasource.url", HistoryDatabase.h2Url(Path.of(dir)))));
    }
}
