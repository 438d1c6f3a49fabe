package org.claimauditor.api;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The web slice over the real shipped rules with sign-in on, users and tokens from
 * robustness/security/users.properties; one annotation so that the test classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {AuditController.class, RulesController.class, PayersController.class})
@Import({AuditorConfig.class, SecurityConfig.class})
@TestPropertySource(locations = "classpath:robustness/security/users.properties",
        properties = "auditor.ncci-dir=test-claims/ncci-sample")
@interface ApiSlice {
}
