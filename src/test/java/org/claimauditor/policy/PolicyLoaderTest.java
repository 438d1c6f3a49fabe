package org.claimauditor.policy;

import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    static final String GOOD = """
            payers: [ACME]
            name: Test payer
            effective: {from: 2025-01-01}
            entries:
              - id: T-1
                kind: deny
                description: not covered
                source: "Policy 1"
                codes: [15820-15823]
            """;

    private List<BuildError> load(String yaml) throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), yaml);
        List<BuildError> errors = new ArrayList<>();
        PolicyLoader.load(dir, null, errors);
        return errors;
    }

    @Test
    void shippedPoliciesLoad() {
        List<BuildError> errors = new ArrayList<>();
        PolicySet set = PolicyLoader.load(Path.of("payer-policies"), "MEDICARE", errors);
        assertThat(errors).isEmpty();
        assertThat(set.byPayer()).containsKeys("MEDICARE", "ACME", "ACME-PPO", "MEDICAID-XX");
        assertThat(set.resolve("ACME-PPO").policy().fileName()).isEqualTo("acme.yaml");
        PolicySet.Resolution unknown = set.resolve("NOBODY");
        assertThat(unknown.defaulted()).isTrue();
        assertThat(unknown.describe()).isEqualTo("Payer policy: none for payer NOBODY; default medicare.yaml (Medicare (NCCI as published)) applied");
        assertThat(set.entries()).extracting(PolicyEntry::kind).contains("bundle", "deny", "require-modifier",
                "forbid-modifier", "frequency-limit", "mue-override", "add-on-primaries", "exclude");
    }

    @Test
    void goodFileLoadsWithEntryLines() throws IOException {
        assertThat(load(GOOD)).isEmpty();
        List<BuildError> errors = new ArrayList<>();
        PolicyEntry e = PolicyLoader.load(dir, null, errors).entries().get(0);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.sourceText()).isEqualTo("Payer policy acme.yaml:5 T-1 (Test payer): Policy 1");
    }

    @Test
    void unknownKeyIsReportedAtTheKey() throws IOException {
        assertThat(load(GOOD.replace("    codes:", "    efective: {from: 2025-01-01}\n    codes:"))).singleElement()
                .asString().endsWith("acme.yaml:9:5: unknown key 'efective' (did you mean 'effective'?)");
    }

    @Test
    void badCodeAndBadRangeNameTheirPlace() throws IOException {
        assertThat(load(GOOD.replace("[15820-15823]", "[1582O]"))).singleElement().asString()
                .contains("acme.yaml:9:").contains("'1582O' is not a CPT/HCPCS code");
        assertThat(load(GOOD.replace("[15820-15823]", "[15823-15820]"))).singleElement().asString()
                .contains("acme.yaml:9:").contains("not a range");
    }

    @Test
    void badDateIsReportedWithLineAndColumn() throws IOException {
        assertThat(load(GOOD.replace("{from: 2025-01-01}", "{from: 2025-13-01}"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                    assertThat(e.message()).contains("2025-13-01").contains("YYYY-MM-DD");
                });
    }

    @Test
    void duplicatePolicyIdIsAnError() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), GOOD.replace("[ACME]", "[OTHER]"));
        assertThat(load(GOOD)).singleElement().asString()
                .contains("other.yaml:5:9:").contains("duplicate policy id, also at acme.yaml:5");
    }

    @Test
    void entryMaySetItsOwnRemittanceCodes() throws IOException {
        String yaml = GOOD + "    carc: PR-96\n    rarc: [N130, N425]\n";
        assertThat(load(yaml)).isEmpty();
        PolicyEntry e = PolicyLoader.load(dir, null, new ArrayList<>()).entries().get(0);
        assertThat(e.remittance()).hasToString("PR-96 N130 N425");
        assertThat(load(GOOD)).isEmpty();
        assertThat(PolicyLoader.load(dir, null, new ArrayList<>()).entries().get(0).remittance()).isNull(); // the rule's apply
    }

    @Test
    void badRemittanceCodesNameFileLineAndColumn() throws IOException {
        // GOOD has 9 lines; carc is line 10, rarc line 11, both indented 4
        assertThat(load(GOOD + "    carc: CO236\n")).singleElement().asString()
                .contains("acme.yaml:10:5: entry T-1: carc: 'CO236' is not a group code and CARC such as CO-236");
        assertThat(load(GOOD + "    carc: XX-96\n    rarc: [N130]\n")).singleElement().asString()
                .contains("acme.yaml:10:5:").contains("group CO, OA, PI or PR");
        assertThat(load(GOOD + "    carc: CO-96\n    rarc: [N13O]\n")).singleElement().asString()
                .contains("acme.yaml:11:5: entry T-1: rarc: 'N13O' is not a RARC");
        assertThat(load(GOOD + "    carc: CO-16\n")).singleElement().asString()
                .contains("acme.yaml:10:5:").contains("CARC 16 needs at least one RARC");
        assertThat(load(GOOD + "    rarc: [N130]\n")).singleElement().asString()
                .contains("acme.yaml:10:5: entry T-1: rarc needs carc");
        assertThat(load(GOOD.replace("kind: deny", "kind: mue-override").replace("[15820-15823]", "[\"97110\"]")
                + "    value: 6\n    mai: 3\n    carc: CO-151\n")).singleElement().asString()
                .contains("acme.yaml:12:5:").contains("carc/rarc apply only to");
    }

    @Test
    void kindSpecificFieldsAreRequired() throws IOException {
        assertThat(load(GOOD.replace("kind: deny", "kind: frequency-limit"))).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).contains("acme.yaml:5:9: entry T-1: needs 'codes' and 'max'"))
                .anySatisfy(s -> assertThat(s).contains("'per' must be day, year or rolling"));
        assertThat(load(GOOD.replace("kind: deny", "kind: bundel"))).singleElement().asString()
                .contains("kind must be one of");
    }

    @Test
    void brokenPolicyFileNeverReplacesThePoliciesInService() throws IOException {
        Path rules = dir.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), rules);
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("medicare.yaml"), "payers: [MEDICARE]\nname: Medicare\nentries: []\n");
        Files.writeString(policies.resolve("acme.yaml"), GOOD);
        RuleService service = new RuleService(new RuleSetLoader(rules, policies, "MEDICARE"));
        String before = service.current().version();
        Files.writeString(policies.resolve("acme.yaml"), GOOD.replace("source:", "sorce:"));
        RuleService.ReloadOutcome outcome = service.reload();
        assertThat(outcome.reloaded()).isFalse();
        assertThat(outcome.errors()).singleElement().asString().contains("acme.yaml:8:5: unknown key 'sorce'");
        assertThat(service.current().version()).isEqualTo(before);
        assertThat(service.current().policies().resolve("ACME").policy().entries()).hasSize(1);
    }
}
