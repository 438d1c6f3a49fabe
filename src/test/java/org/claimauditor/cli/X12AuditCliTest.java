package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit} on X12 837 files end to end: results, their order and errors, next to JSON input. */
class X12AuditCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PROFESSIONAL = Path.of("src/test/resources/x12/professional-claims.837");
    static final Path INSTITUTIONAL = Path.of("src/test/resources/x12/institutional-claim.837");

    @TempDir
    Path tmp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void auditsAn837FileEndToEnd() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        // a broken claim among good ones, a folder mixing 837 and JSON files
        Files.writeString(in.resolve("a-batch.837"), Files.readString(PROFESSIONAL)
                .replace("SV1*HC:97140*60*UN*1***1~", "SV1*HC:97140*60*UN*x***1~"));
        Files.copy(INSTITUTIONAL, in.resolve("b-hospital.edi"));
        Files.copy(Path.of("src/test/resources/x12/institutional-claim.json"), in.resolve("c-twin.json"));
        Path outDir = tmp.resolve("out");

        int code = Cli.run("audit", "--ncci-dir", "test-claims/ncci-sample", "--today", "2026-04-01",
                "--format", "json,csv", "--out", outDir.toString(), in.toString());

        assertThat(code).isEqualTo(Cli.FINDINGS);
        assertThat(streams.out()).contains("Audited 6 claims from 3 file(s)");
        JsonNode results = JSON.readTree(outDir.resolve("audit-results.json").toFile());
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.path("claimId").asText()));
        assertThat(ids).containsExactly("S-1001", "S-1002", "S-1005", "S-1006", "I-2001", "I-2001");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ERROR");
        assertThat(results.get(0).path("error").asText()).isEqualTo(in.resolve("a-batch.837")
                + ": claim 1 (segment 20): segment 27 (loop 2400, SV1-04): units 'x' is not a number");
        assertThat(results.get(1).path("status").asText()).isEqualTo("REJECT");
        assertThat(results.get(4).path("findings")).isEqualTo(results.get(5).path("findings"));
        // the claim summaries name each claim's place in its file
        assertThat(Files.readString(outDir.resolve("claim-summaries.csv")))
                .contains(in.resolve("a-batch.837") + ": claim 3 (segment 62)");
    }
}
