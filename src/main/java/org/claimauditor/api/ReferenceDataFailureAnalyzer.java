package org.claimauditor.api;

import org.claimauditor.io.ReferenceDataException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reference data that cannot be loaded is an expected failure with a one-line cause: Spring Boot prints this
 * analysis ("APPLICATION FAILED TO START", the cause, what to do) instead of the bean-creation stack trace, which it
 * then logs at debug level only. Registered in {@code META-INF/spring.factories}.
 */
class ReferenceDataFailureAnalyzer extends AbstractFailureAnalyzer<ReferenceDataException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReferenceDataException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Repair or replace the file named above (or fix auditor.ncci-dir / auditor.code-sets-dir), then start "
                        + "again. The host does not start with fewer edits than its reference data holds.", cause);
    }
}
