package org.claimauditor.api;

import org.claimauditor.history.TestDatabases;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;

/** {@link HistoryApiContract} on a real PostgreSQL: spring.datasource.url set, Spring's Flyway migrates it. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:robustness/security/users.properties",
        properties = "auditor.ncci-dir=test-claims/ncci-sample")
class HistoryApiPostgresTest extends HistoryApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.Db db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL, Path.of("target"));
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
    }
}
