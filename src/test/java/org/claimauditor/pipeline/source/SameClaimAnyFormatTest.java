package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.TestRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One claim written as the auditor's JSON, as a FHIR R4 Bundle and as a CSV extract is one claim: same findings. */
class SameClaimAnyFormatTest {

    static final Path DIR = Path.of("src/test/resources/input-formats/roundtrip");

    static ClaimInput only(Path file) {
        try (Stream<ClaimInput> s = new ClaimFiles(List.of(file), Limits.DEFAULTS).claims()) {
            List<ClaimInput> all = s.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).error()).isNull();
            return all.get(0);
        }
    }

    static AuditResult audit(ClaimInput in) {
        return AuditEngine.auditOne(TestRules.shipped(), TestRules.sample(), in, LocalDate.of(2026, 11, 1), Limits.DEFAULTS);
    }

    @Test
    void jsonFhirAndCsvGiveTheSameClaimAndTheSameFindings() {
        assertThat(InputFormat.of(DIR.resolve("claim.json"))).isEqualTo(InputFormat.JSON);
        assertThat(InputFormat.of(DIR.resolve("claim.fhir.json"))).isEqualTo(InputFormat.FHIR);
        assertThat(InputFormat.of(DIR.resolve("claim.csv"))).isEqualTo(InputFormat.CSV);
        ClaimInput json = only(DIR.resolve("claim.json"));
        ClaimInput fhir = only(DIR.resolve("claim.fhir.json"));
        ClaimInput csv = only(DIR.resolve("claim.csv"));

        assertThat(fhir.claim()).isEqualTo(json.claim());
        assertThat(csv.claim()).isEqualTo(json.claim());

        AuditResult expected = audit(json);
        // the claim is chosen to fire claim-data, NCCI and pointer edits, so "same findings" compares something
        assertThat(expected.findings()).extracting(f -> f.ruleId())
                .contains("CLAIM-UNITS-MIN", "CLAIM-DX-POINTER");
        assertThat(expected.findings().size()).isGreaterThanOrEqualTo(3);
        assertThat(audit(fhir)).isEqualTo(expected);
        assertThat(audit(csv)).isEqualTo(expected);
    }
}
