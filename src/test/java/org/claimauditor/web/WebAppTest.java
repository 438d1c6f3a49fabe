package org.claimauditor.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole host on a random port over the shipped rules and the NCCI sample, with one user per role of
 * robustness/security/users.properties; the pages' work folders under target/. One annotation, so the test classes
 * share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:robustness/security/users.properties", properties = {
        "auditor.ncci-dir=test-claims/ncci-sample",
        "auditor.web.runs-dir=target/web-test/runs",
        "auditor.web.candidate-rules-root=target/web-test/candidates"})
public @interface WebAppTest {
}
