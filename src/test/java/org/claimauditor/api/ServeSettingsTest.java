package org.claimauditor.api;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The settings serve cannot start without are checked from Spring's own environment, before any bean exists. */
class ServeSettingsTest {

    @Test
    void noNcciFolderAndNoOptOutIsOneSentenceNamingBothWays() {
        assertThatThrownBy(() -> ServeSettings.check(new MockEnvironment()))
                .isInstanceOf(ServeSettings.Invalid.class)
                .hasMessageContaining("auditor.ncci-dir is not set")
                .hasMessageContaining("--auditor.no-ncci=true")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theOptOutOrAnExistingFolderIsEnough() {
        assertThatCode(() -> ServeSettings.check(new MockEnvironment().withProperty("auditor.no-ncci", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ServeSettings.check(new MockEnvironment().withProperty("auditor.ncci-dir", "test-claims/ncci-sample")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRulesFolderThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> ServeSettings.check(new MockEnvironment().withProperty("auditor.no-ncci", "true")
                .withProperty("auditor.rules-dir", "no-such-rules")))
                .hasMessageStartingWith("serve: auditor.rules-dir=no-such-rules: folder not found");
    }
}
