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
