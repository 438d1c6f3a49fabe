package org.claimauditor.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimauditor.engine.RuleFolder.rule;
import static org.claimauditor.engine.RuleFolder.write;

class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private List<BuildError> errors() {
        try {
            new RuleSetLoader(dir.resolve("rules"), dir.resolve("policies")).load();
        } catch (RuleBuildException e) {
            return e.errors();
        }
        throw new AssertionError("the build should have failed");
    }

    @Test
    void buildsAValidFolderIntoACatalog() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1"));
        write(dir, "rules/docs/A.md", "# A: Units below one\n");
        RuleSet rs = new RuleSetLoader(dir.resolve("rules"), dir.resolve("policies")).load();
        assertThat(rs.catalog()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("A");
            assertThat(r.description()).isEqualTo("Units below one");
            assertThat(r.line()).isEqualTo(8);
            assertThat(r.remittance()).hasToString("CO-16 M53");
        });
        assertThat(rs.warnings()).isEmpty();
        assertThat(rs.version()).hasSize(12);
    }

    @Test
    void syntaxErrorIsReportedAsFileLineColumn() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1").replace("then", "thn"));
        assertThat(errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("rules/checks/A.drl");
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.column()).isPositive();
            assertThat(e.toString()).matches(".*rules/checks/A\\.drl:13:\\d+: .*");
        });
    }

    @Test
    void unknownPropertyIsLocatedInTheDrl() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "unitz < 1"));
        assertThat(errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.column()).isEqualTo(19);
            assertThat(e.message()).contains("unitz");
        });
    }

    @Test
    void javaErrorInARuleActionPointsAtTheDrl() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1").replace("out.line(", "out.lien("));
        assertThat(errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("A.drl");
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.message()).contains("lien");
        });
    }

    @Test
    void packageMustEqualTheFolderPath() {
        write(dir, "rules/checks/sub/A.drl", rule("checks", "A", "units < 1"));
        assertThat(errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(9);
            assertThat(e.message()).contains("expected 'package checks.sub;'");
        });
    }

    @Test
    void metadataIsRequiredAndIdsAreUnique() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1").replace("@severity(\"ERROR\")", "@severity(\"FATAL\")"));
        write(dir, "rules/checks/B.drl", rule("checks", "B", "units < 2").replace("@id(\"B\")", ""));
        write(dir, "rules/checks/C.drl", rule("checks", "C", "units < 3").replace("@id(\"C\")", "@id(\"D\")"));
        write(dir, "rules/checks/D.drl", rule("checks", "D", "units < 4"));
        assertThat(errors()).extracting(BuildError::toString).anySatisfy(s -> assertThat(s).contains("A.drl:9:").contains("FATAL").contains("use one of ERROR, WARNING, INFO"))
                .anySatisfy(s -> assertThat(s).contains("B.drl:8").contains("no @id"))
                .anySatisfy(s -> assertThat(s).contains("duplicate rule id 'D'"));
    }

    @Test
    void remittanceMetadataIsCheckedWhereItIsWritten() {
        String a = rule("checks", "A", "units < 1").replace("@carc(\"CO-16\")", "@carc(\"CO16\")");
        String b = rule("checks", "B", "units < 2").replace("M53", "M5X");
        String c = rule("checks", "C", "units < 3").replace(" @rarc(\"M53\")", "");
        String d = rule("checks", "D", "units < 4").replace("@severity(\"ERROR\")", "@severity(\"INFO\")");
        String e = rule("checks", "E", "units < 5").replace("@carc(\"CO-16\") ", "");
        write(dir, "rules/checks/A.drl", a);
        write(dir, "rules/checks/B.drl", b);
        write(dir, "rules/checks/C.drl", c);
        write(dir, "rules/checks/D.drl", d);
        write(dir, "rules/checks/E.drl", e);
        // the metadata sits on line 9 of each file; errors point at the @carc or @rarc itself
        assertThat(errors()).extracting(BuildError::toString)
                .anySatisfy(s -> assertThat(s).contains("A.drl:9:" + columnOf(a, "@carc(")
                        + ": rule 'A rule' @carc: 'CO16' is not a group code and CARC such as CO-236"))
                .anySatisfy(s -> assertThat(s).contains("B.drl:9:" + columnOf(b, "@rarc(") + ": rule 'B rule' @rarc: 'M5X' is not a RARC"))
                .anySatisfy(s -> assertThat(s).contains("C.drl:9:" + columnOf(c, "@carc(")).contains("CARC 16 needs at least one RARC"))
                .anySatisfy(s -> assertThat(s).contains("D.drl:9:" + columnOf(d, "@carc(")).contains("is INFO, which is not a denial"))
                .anySatisfy(s -> assertThat(s).contains("E.drl:9:" + columnOf(e, "@rarc(")).contains("has @rarc but no @carc"))
                .hasSize(5);
    }

    /** 1-based column of {@code key} on the metadata line of a rule text. */
    private static int columnOf(String drl, String key) {
        String line = drl.lines().filter(l -> l.contains("@id(")).findFirst().orElseThrow();
        assertThat(line).contains(key);
        return line.indexOf(key) + 1;
    }

    @Test
    void anErrorRuleWithoutRemittanceCodesBuildsWithAWarning() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1").replace("@carc(\"CO-16\") @rarc(\"M53\")", ""));
        write(dir, "rules/docs/A.md", "# A: Units below one\n");
        RuleSet rs = new RuleSetLoader(dir.resolve("rules"), dir.resolve("policies")).load();
        assertThat(rs.catalog()).singleElement().satisfies(r -> assertThat(r.remittance()).isNull());
        assertThat(rs.warnings()).singleElement().asString()
                .endsWith("A.drl:8: rule 'A rule' (ERROR) has no @carc(\"CO-...\"): its findings carry no remittance codes");
    }

    @Test
    void brokenPolicyYamlFailsTheBuildWithItsPosition() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units < 1"));
        write(dir, "policies/acme.yaml", "payers: [ACME]\nentries:\n  - id: x\n    kind: [unclosed\n");
        assertThat(errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("policies/acme.yaml");
            assertThat(e.line()).isPositive();
        });
    }

    @Test
    void emptyOrMissingFolderIsAnError() {
        assertThatThrownBy(() -> new RuleSetLoader(dir.resolve("nope"), null).load())
                .isInstanceOf(RuleBuildException.class).hasMessageContaining("rules folder not found");
        write(dir, "rules/readme.txt", "no rules here");
        assertThatThrownBy(() -> new RuleSetLoader(dir.resolve("rules"), null).load())
                .hasMessageContaining("no .drl files");
    }
}
