package org.claimauditor.api;

import org.claimauditor.ClaimAuditorApplication;
import org.claimauditor.ncci.NcciLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST host refuses to start on broken reference data, saying why in one line and without a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ReferenceDataStartupTest {

    @TempDir
    Path dir;

    @Test
    void anMueFileWithoutItsHeaderStopsTheHostWithTheCause(CapturedOutput output) throws IOException {
        FileSystemUtils.copyRecursively(Path.of("test-claims/ncci-sample"), dir);
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/robustness/ncci/mue-no-header"), dir);
        String cause = "cannot load NCCI tables: MCR_MUE_PractitionerServices_Eff_07-01-2026.csv:9: MUE row before the "
                + "'HCPCS/CPT Code' header record: the header is missing, or the file's beginning is cut off";

        assertThatThrownBy(() -> new SpringApplicationBuilder(ClaimAuditorApplication.class)
                .run("--server.port=0", "--auditor.ncci-dir=" + dir, "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(NcciLoadException.class)
                .rootCause().hasMessage(cause);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "Description:" + System.lineSeparator()
                        + System.lineSeparator() + cause, "Action:")
                .doesNotContain("\tat org.claimauditor", "\tat org.springframework");
    }

    @Test
    void aMaxBadRowsOutsideZeroToOneStopsTheHostWithTheReason(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ClaimAuditorApplication.class)
                .run("--server.port=0", "--auditor.no-ncci=true", "--auditor.max-bad-rows=5", "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START",
                        "the share of unreadable NCCI rows tolerated must be between 0 and 1 (0.001 = 0.1 %), not 5.0")
                .doesNotContain("\tat org.claimauditor");
    }
}
