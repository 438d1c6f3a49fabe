package org.claimauditor.api;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** {@link HistoryApiContract} on the default database: an H2 file under auditor.data-dir (target/test-data in tests). */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:robustness/security/users.properties",
        properties = "auditor.ncci-dir=test-claims/ncci-sample")
class HistoryApiH2Test extends HistoryApiContract {
}
