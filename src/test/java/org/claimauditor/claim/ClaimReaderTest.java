package org.claimauditor.claim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimReaderTest {

    static final String CLAIM = """
            {"claimId":"C-1","claimType":"PROFESSIONAL","payerId":"MEDICARE",
             "patient":{"id":"P-1","birthDate":"1958-04-02","sex":"F"},
             "billingProvider":{"npi":"1234567893","tin":"123456789"},
             "placeOfService":"11","diagnoses":["E11.9"],
             "lines":[{"lineNumber":1,"serviceDate":"2026-03-02","procedureCode":"99213","units":1,"charge":125.00,
                       "diagnosisPointers":[1]}]}""";

    @Test
    void readsOneClaimWithDefaults() {
        ClaimInput in = ClaimReader.readOne(CLAIM, "t");
        assertThat(in.readable()).isTrue();
        Claim.ServiceLine line = in.claim().lines().get(0);
        assertThat(line.lastServiceDate()).isEqualTo(line.serviceDate());
        assertThat(line.charge().toPlainString()).isEqualTo("125.00");
        assertThat(line.modifiers()).isEmpty();
        assertThat(in.claim().renderingProvider()).isNull();
    }

    @Test
    void unknownFieldIsAnErrorNamingItsPath() {
        ClaimInput in = ClaimReader.readOne(CLAIM.replace("\"units\"", "\"unit\""), "t");
        assertThat(in.readable()).isFalse();
        assertThat(in.claimId()).isEqualTo("C-1");
        assertThat(in.error()).contains("$.lines[0].unit").contains("unknown field 'unit'");
    }

    @Test
    void wrongTypesNameThePathAndTheExpectedType() {
        assertThat(ClaimReader.readOne(CLAIM.replace("\"units\":1", "\"units\":\"two\""), "t").error())
                .contains("$.lines[0].units").contains("whole number");
        assertThat(ClaimReader.readOne(CLAIM.replace("2026-03-02", "03/02/2026"), "t").error())
                .contains("$.lines[0].serviceDate").contains("YYYY-MM-DD");
        assertThat(ClaimReader.readOne(CLAIM.replace("PROFESSIONAL", "PRO"), "t").error())
                .contains("$.claimType").contains("PROFESSIONAL, INSTITUTIONAL, DME");
        assertThat(ClaimReader.readOne(CLAIM.replace("\"diagnoses\":[\"E11.9\"]", "\"diagnoses\":\"E11.9\""), "t").error())
                .contains("$.diagnoses");
    }

    @Test
    void badJsonIsAnErrorWithLineAndColumn() {
        ClaimInput in = ClaimReader.readOne("{\"claimId\": \"C-1\",\n \"lines\": [}", "body");
        assertThat(in.readable()).isFalse();
        assertThat(in.error()).startsWith("body:2:").contains("malformed JSON");
    }

    @Test
    void batchOfNInputsGivesNEntriesInOrderWhateverIsBroken() {
        String oneLine = CLAIM.replace("\n", "");
        String jsonl = String.join("\n",
                oneLine.replace("C-1", "A"),
                "{not json",
                oneLine.replace("C-1", "B").replace("\"units\"", "\"unitz\""),
                "",
                "[1,2]",
                oneLine.replace("C-1", "C"));
        List<ClaimInput> all = ClaimReader.read(jsonl, "batch.jsonl", true, 0);
        assertThat(all).hasSize(5);
        assertThat(all).extracting(ClaimInput::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, false, false, false, true);
        // byte-level errors name file:line:column (here the 'n' of "{not json")
        assertThat(all.get(1).error()).startsWith("batch.jsonl:2:2: malformed JSON");
        assertThat(all.get(2).claimId()).isEqualTo("B");
        assertThat(all.get(3).error()).contains("expected a claim object");
    }

    @Test
    void jsonArrayElementsAreReadOneByOne() {
        String array = "[" + CLAIM + "," + CLAIM.replace("\"units\":1", "\"units\":1.5") + "," + CLAIM + "]";
        List<ClaimInput> all = ClaimReader.read(array, "a.json", false, 0);
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, false, true);
        assertThat(all.get(1).origin()).isEqualTo("a.json[1]");
        assertThat(all.get(1).error()).contains("$.lines[0].units");
    }

    @Test
    void jsonLinesAreRecognisedWithoutTheExtension() {
        String two = CLAIM.replace("\n", "") + "\n" + CLAIM.replace("\n", "").replace("C-1", "C-2") + "\n";
        assertThat(ClaimReader.read(two, "x.json", false, 0)).extracting(ClaimInput::claimId).containsExactly("C-1", "C-2");
    }
}
