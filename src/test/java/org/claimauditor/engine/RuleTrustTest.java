package org.claimauditor.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The trust boundary for rule files: every escape of src/test/resources/robustness/rule-trust is refused at its position. */
class RuleTrustTest {

    static final Path CASES = Path.of("src/test/resources/robustness/rule-trust");

    private static List<String> errors(String name) {
        Path rules = CASES.resolve(name);
        try {
            new RuleSetLoader(rules, null).load();
        } catch (RuleBuildException e) {
            String prefix = rules.resolve("trust/" + name + ".drl") + ":";
            return e.errors().stream().map(Object::toString)
                    .map(s -> s.startsWith(prefix) ? s.substring(prefix.length()) : s).toList();
        }
        throw new AssertionError(name + " should not build");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            system-exit      | 13:5: type 'System' is not allowed in rules (allowed:
            runtime-exec     | 13:5: type 'Runtime' is not allowed in rules (allowed:
            qualified-system | 15:5: type 'java.lang.System' is not allowed in rules (allowed:
            """)
    void refusedWithFileLineColumn(String name, String expected) {
        assertThat(errors(name)).singleElement().asString().startsWith(expected)
                .contains("java.util, java.time, java.math)");
    }

    @Test
    void filesAreRefusedInTheImportAndAtEachUse() {
        assertThat(errors("nio-files")).extracting(s -> s.substring(0, s.indexOf(" is not allowed"))).containsExactly(
                "6:8: type 'java.nio.file.Files'", "7:8: type 'java.nio.file.Path'",
                "16:28: type 'Files'", "16:45: type 'Path'");
    }

    @Test
    void reflectionIsRefused() {
        assertThat(errors("reflection")).extracting(s -> s.substring(0, s.indexOf(" is not allowed"))).containsExactly(
                "13:17: type 'Class'", "13:23: 'forName'", "13:52: 'getMethod'", "13:76: 'invoke'", "14:19: 'getClass'");
    }

    @Test
    void engineEscapesAndFactChangesAreRefused() {
        assertThat(errors("engine-escape")).containsExactly(
                "13:5: 'kcontext.' is not allowed in rules: a rule may only pass kcontext to the finding sink (out.line(kcontext, ...))",
                "13:14: 'getKieRuntime' is not allowed in rules (reflection or engine internals)",
                "14:5: 'insert' is not allowed in rules: rules report findings and never change facts");
    }

    @Test
    void metadataIsLiteralBecauseDroolsRunsItWhileBuilding() {
        assertThat(errors("metadata")).containsExactly(
                "9:15: rule metadata must be literal values (Drools evaluates it while it builds the rules)");
    }

    @Test
    void unicodeEscapesCannotHideCodeInAString() {
        assertThat(errors("unicode-escape")).containsExactly(
                "13:29: unicode escapes (\\uXXXX) are not allowed in rules; write the character itself",
                "13:57: unicode escapes (\\uXXXX) are not allowed in rules; write the character itself");
    }

    @Test
    void functionsAndEvalAreCheckedLikeConsequences() {
        assertThat(errors("function-block")).extracting(s -> s.substring(0, s.indexOf(" is not allowed"))).containsExactly(
                "9:12: type 'java.lang.System'", "15:28: type 'java.io.File'");
    }

    @Test
    void compiledCodeIsCheckedBehindTheTokenizer() {
        // the source names only allowed types; the consequence's class file calls java.lang.Class
        assertThat(errors("bytecode-only")).singleElement().asString()
                .startsWith("16:63: compiled rule code calls java.lang.Class.getSimpleName, which is not allowed in rules");
    }

    @Test
    void everyShippedRuleIsInsideTheBoundary() throws IOException {
        List<BuildError> errors = new ArrayList<>();
        int files = 0;
        try (Stream<Path> drls = Files.walk(Path.of("rules"))) {
            for (Path drl : drls.filter(f -> f.toString().endsWith(".drl")).toList()) {
                assertThat(RuleSandbox.checkSource(new SourceText(drl.toString(), Files.readString(drl)), errors)).isTrue();
                files++;
            }
        }
        assertThat(errors).isEmpty();
        assertThat(files).isGreaterThan(40);
    }

    @Test
    void commentsAndStringsAreNotCode() {
        List<BuildError> errors = new ArrayList<>();
        String drl = """
                package x;
                // System.exit(0)
                /* Runtime.getRuntime() */
                rule "r" @id("System.exit") when $l : org.claimauditor.engine.fact.LineFact(procedureCode != "Runtime")
                then String s = "java.lang.System" + 'x' + \"""
                    Class.forName
                    \"""; end
                """;
        assertThat(RuleSandbox.checkSource(new SourceText("x/R.drl", drl), errors)).isTrue();
        assertThat(errors).isEmpty();
    }
}
