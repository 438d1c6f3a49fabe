package org.claimauditor.pipeline.source;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** FHIR R4 Claims in: mapping of the hand-written bundle, and one ERROR result per unreadable Claim. */
class FhirClaimFilesTest {

    static final Path DIR = Path.of("src/test/resources/input-formats/fhir");

    static List<ClaimInput> read(Path... files) {
        return read(Limits.DEFAULTS, files);
    }

    static List<ClaimInput> read(Limits limits, Path... files) {
        try (Stream<ClaimInput> s = new ClaimFiles(List.of(files), limits).claims()) {
            return s.toList();
        }
    }

    @Test
    void bundleClaimsAreMappedWithTheirPatientsProvidersAndPayers() {
        List<ClaimInput> in = read(DIR.resolve("claims-bundle.json"));
        assertThat(in).extracting(ClaimInput::error).containsOnlyNulls();
        assertThat(in).extracting(ClaimInput::index).containsExactly(0, 1);

        Claim fb1 = in.get(0).claim();
        assertThat(in.get(0).origin()).endsWith("claims-bundle.json:27");
        assertThat(fb1.claimId()).isEqualTo("FB-1");
        assertThat(fb1.claimType()).isEqualTo(Claim.ClaimType.PROFESSIONAL);
        assertThat(fb1.payerId()).isEqualTo("MEDICARE");
        // Patient/pat-1 resolved in the bundle (it comes before the claim here; FB-2's insurer comes after)
        assertThat(fb1.patient()).isEqualTo(new Claim.Patient("MRN-1001", LocalDate.of(1949, 11, 20), Claim.Sex.M));
        assertThat(fb1.billingProvider()).isEqualTo(new Claim.Provider("1987654328", null));
        assertThat(fb1.renderingProvider()).isEqualTo(new Claim.Provider("1987654328", null));
        assertThat(fb1.placeOfService()).isEqualTo("11");
        assertThat(fb1.diagnoses()).containsExactly("M54.50");
        // no net: unit price x quantity
        assertThat(fb1.lines().get(0)).isEqualTo(new Claim.ServiceLine(1, LocalDate.of(2026, 3, 5), null, "97110",
                List.of(), 2, new BigDecimal("90.00"), List.of(1), "1987654328", "11"));
        assertThat(fb1.lines().get(1).charge()).isEqualTo(new BigDecimal("50.00"));

        Claim fb2 = in.get(1).claim();
        assertThat(fb2.claimId()).isEqualTo("FB-2");
        assertThat(fb2.patient()).isEqualTo(new Claim.Patient("MRN-1002", LocalDate.of(1971, 2, 14), Claim.Sex.F));
        assertThat(fb2.payerId()).isEqualTo("ACME"); // the insurer Organization's identifier, found after the claim
        assertThat(fb2.billingProvider()).isEqualTo(new Claim.Provider("1234567890", "555666777"));
        assertThat(fb2.renderingProvider()).isNull();
        assertThat(fb2.diagnoses()).containsExactly("W19.XXXA", "S52.501A"); // by sequence, not array order
        assertThat(fb2.lines().get(0)).isEqualTo(new Claim.ServiceLine(1, LocalDate.of(2026, 3, 7),
                LocalDate.of(2026, 3, 8), "25600", List.of(), 1, new BigDecimal("410.00"), List.of(2), null, "22"));
        assertThat(fb2.lines().get(1).modifiers()).containsExactly("26");
    }

    @Test
    void aSingleClaimResourceIsOneClaimAndItsUnresolvedPatientKeepsTheLogicalId() {
        Path file = DIR.resolve("claim-resource.json");
        assertThat(InputFormat.of(file)).isEqualTo(InputFormat.FHIR); // by its resourceType, not its name
        List<ClaimInput> in = read(file);
        assertThat(in).hasSize(1);
        Claim c = in.get(0).claim();
        assertThat(c.claimId()).isEqualTo("FR-3");
        assertThat(c.payerId()).isEqualTo("MEDICARE");
        // not in the file: the patient's id is known, birth date and sex are not (CLAIM-REQUIRED-FIELD says so)
        assertThat(c.patient()).isEqualTo(new Claim.Patient("MRN-1005", null, null));
        assertThat(c.lines().get(0).procedureCode()).isEqualTo("G0439");
    }

    @Test
    void eachUnreadableClaimIsOneErrorNamingFileLineAndFhirPathAndTheOthersAreRead() {
        Path file = DIR.resolve("broken/bundle-bad-values.fhir.json");
        List<ClaimInput> in = read(file);
        assertThat(in).extracting(ClaimInput::claimId).containsExactly("BV-1", "BV-2", "BV-3", "BV-4");
        assertThat(in.get(0).error()).isNull();
        assertThat(in.get(1).error()).isEqualTo(file + ":22: Bundle.entry[1].resource.item[1].quantity.value: "
                + "'1.5' is not a whole number");
        // HAPI's strict parser: a misspelt element is an error, as an unknown field is in the auditor's JSON
        assertThat(in.get(2).error()).isEqualTo(file + ":40: Bundle.entry[2].resource: Unknown element 'quantiy' "
                + "found during parse");
        assertThat(in.get(3).error()).isEqualTo(file + ":54: Bundle.entry[3].resource.patient: the referenced "
                + "Patient/p-partial cannot be read: line 69: Bundle.entry[5].resource.birthDate: '1958' is not a "
                + "full date YYYY-MM-DD");
    }

    @Test
    void aBundleBrokenMidwayKeepsTheClaimsBeforeTheDamage() {
        Path file = DIR.resolve("broken/bundle-truncated.fhir.json");
        List<ClaimInput> in = read(file);
        assertThat(in).hasSize(2);
        assertThat(in.get(0).claimId()).isEqualTo("TR-1");
        assertThat(in.get(0).error()).isNull();
        assertThat(in.get(1).error()).startsWith(file + ":24:78: ").contains("malformed JSON")
                .endsWith("; the rest of the bundle is not read");
    }

    @Test
    void aResourceThatIsNoClaimIsOneError(@TempDir Path tmp) throws IOException {
        assertThat(read(DIR.resolve("broken/patient-only.json"))).singleElement()
                .extracting(ClaimInput::error).asString()
                .endsWith("patient-only.json: resourceType 'Patient': expected a FHIR Claim or a Bundle of Claims");
        Path noClaims = Files.writeString(tmp.resolve("coverage.fhir.json"), "{\"resourceType\": \"Bundle\", \"type\": "
                + "\"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Coverage\", \"status\": \"active\"}}]}");
        assertThat(read(noClaims)).singleElement().extracting(ClaimInput::error).asString()
                .endsWith(": the Bundle holds no Claim resource (it holds 1 Coverage)");
    }

    @Test
    void anEntryOverTheClaimSizeLimitIsAnErrorAndIsNotHeld(@TempDir Path tmp) throws IOException {
        String bundle = Files.readString(DIR.resolve("claims-bundle.json"));
        // pad claim-2's narrative past the limit; claim-1 stays under it
        String big = bundle.replace("\"resourceType\": \"Claim\",\n        \"id\": \"claim-2\",",
                "\"resourceType\": \"Claim\",\n        \"id\": \"claim-2\", \"implicitRules\": \"http://x/" + "a".repeat(20_000) + "\",");
        Path file = Files.writeString(tmp.resolve("big.fhir.json"), big);
        List<ClaimInput> in = read(Limits.DEFAULTS.withMaxClaimBytes(10_000), file);
        assertThat(in).hasSize(2);
        assertThat(in.get(0).error()).isNull();
        assertThat(in.get(1).error()).matches(".*big\\.fhir\\.json:\\d+: Bundle\\.entry\\[3\\]: entry of \\d+ bytes is "
                + "larger than the limit of 10000 bytes \\(auditor\\.limits\\.max-claim-bytes\\)");
    }

    @Test
    void aRequestBodyIsReadLikeAFile() throws IOException {
        byte[] body = Files.readAllBytes(DIR.resolve("claims-bundle.json"));
        List<ClaimInput> fromBody = FhirClaimReader.read(body, "request", Limits.DEFAULTS);
        assertThat(fromBody).extracting(ClaimInput::claim)
                .isEqualTo(read(DIR.resolve("claims-bundle.json")).stream().map(ClaimInput::claim).toList());
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"resourceType\": \"Bundle\"");
    }
}
