package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit} end to end on FHIR bundles and CSV extracts, and on a folder holding one claim in every format. */
class ClaimFormatsCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMATS = "src/test/resources/input-formats/";

    @TempDir
    Path tmp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    private List<JsonNode> audit(String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--ncci-dir", "test-claims/ncci-sample", "--today",
                "2026-11-01", "--format", "json", "--out", tmp.toString()));
        args.addAll(List.of(inputs));
        assertThat(Cli.run(args.toArray(String[]::new))).isEqualTo(Cli.FINDINGS);
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(tmp.resolve("audit-results.json").toFile()).forEach(results::add);
        return results;
    }

    @Test
    void auditsFhirBundlesAndClaimResources() throws Exception {
        List<JsonNode> results = audit(FORMATS + "fhir/claims-bundle.json", FORMATS + "fhir/claim-resource.json",
                FORMATS + "fhir/broken/bundle-bad-values.fhir.json");
        assertThat(results).extracting(r -> r.path("claimId").asText())
                .containsExactly("FB-1", "FB-2", "FR-3", "BV-1", "BV-2", "BV-3", "BV-4");
        assertThat(results.subList(0, 4)).allMatch(r -> r.path("error").isNull() && !r.path("status").asText().equals("ERROR"));
        // FR-3's patient is not in its file: audited, and the missing birth date and sex are findings
        assertThat(results.get(2).path("findings").findValuesAsText("ruleId")).contains("CLAIM-REQUIRED-FIELD");
        assertThat(results.get(4).path("error").asText()).endsWith("bundle-bad-values.fhir.json:22: "
                + "Bundle.entry[1].resource.item[1].quantity.value: '1.5' is not a whole number");
        assertThat(streams.out()).contains("Audited 7 claims from 3 file(s)");
    }

    @Test
    void auditsCsvExtracts() throws Exception {
        List<JsonNode> results = audit(FORMATS + "csv/claims.csv", FORMATS + "csv/broken/bad-values.csv");
        assertThat(results).hasSize(13);
        assertThat(results).extracting(r -> r.path("claimId").asText()).startsWith("CS-1001", "CS-1002", "CS-1003", "BC-1");
        // CS-1002 line 1 reports 0 units, as the same claim does in test-claims/samples
        assertThat(results.get(1).path("findings").findValuesAsText("ruleId")).contains("CLAIM-UNITS-MIN");
        assertThat(results.get(4).path("status").asText()).isEqualTo("ERROR");
        assertThat(results.get(4).path("error").asText()).endsWith("bad-values.csv:4: column 'units': 'x' is not a number");
    }

    @Test
    void theSameClaimAsJsonFhirAndCsvGivesIdenticalResults() throws Exception {
        // one audit per file: in one run the three copies would be the same patient's claims and meet each other's lines
        List<JsonNode> results = new ArrayList<>();
        for (String name : List.of("claim.json", "claim.fhir.json", "claim.csv")) {
            List<JsonNode> one = audit(FORMATS + "roundtrip/" + name);
            assertThat(one).as(name).hasSize(1);
            results.add(one.get(0));
        }
        assertThat(results.get(0).path("findings").size()).isGreaterThanOrEqualTo(3);
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
    }
}
