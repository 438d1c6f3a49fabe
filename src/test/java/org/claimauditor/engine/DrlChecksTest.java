package org.claimauditor.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Names in conditions are checked against the Java types before compiling, with the nearest real name. */
class DrlChecksTest {

    private static List<String> check(String file, String drl) throws org.drools.drl.parser.DroolsParserException {
        DrlParser parser = new DrlParser();
        PackageDescr pd = parser.parse(false, drl);
        assertThat(parser.getErrors()).as("parses").isEmpty();
        List<BuildError> errors = new ArrayList<>();
        DrlChecks checks = new DrlChecks(new SourceText(file, drl), pd, Set.of("LineFact", "ClaimFact"), errors);
        checks.metadata();
        checks.conditions();
        return errors.stream().map(BuildError::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CLAIM-UNITS-MIN    | units != null, units < 1               | units != null, unitz < 1               | 13:34: LineFact has no property 'unitz' (did you mean 'units'?)
            CLAIM-UNITS-MAX    | plausible.maxUnits)                    | plausible.maxUnitz)                    | 16:52: Plausibility has no property 'maxUnitz' (did you mean 'maxUnits'?)
            CLAIM-DOS-FUTURE   | lastServiceDate.isAfter($today)        | lastServiceDate.isAftr($today)         | 14:60: LocalDate has no method 'isAftr' (did you mean 'isAfter'?)
            CLAIM-DOS-RANGE    | $l : LineFact(                         | $l : LinFact(                          | 13:10: unknown fact type 'LinFact' (did you mean 'LineFact'?); import it or check its spelling
            CLAIM-AGE-MAX      | ClaimFact(ageAtService != null         | ClaimFact(ageAtServce != null          | 16:20: ClaimFact has no property 'ageAtServce' (did you mean 'ageAtService'?)
            CLAIM-DOS-FUTURE   | @category("CLAIM_DATA")                | @category("CLAIMDATA")                 | 10:59: @category("CLAIMDATA") is not valid; use one of PTP, MUE, ADD_ON, MODIFIER, CODE_VALIDITY, DEMOGRAPHIC, PAYER_POLICY, CLAIM_DATA (did you mean 'CLAIM_DATA'?)
            """)
    void aMisspeltNameIsNamedWithTheNearestOne(String rule, String good, String bad, String expected) throws Exception {
        Path file = Files.walk(Path.of("rules")).filter(p -> p.getFileName().toString().equals(rule + ".drl")).findFirst().orElseThrow();
        String drl = Files.readString(file);
        assertThat(drl).contains(good);
        assertThat(check("x.drl", drl.replace(good, bad))).containsExactly("x.drl:" + expected);
    }

    @Test
    void anUnboundVariableNamesTheBoundOnes() throws Exception {
        String drl = Files.readString(Path.of("rules/claimdata/CLAIM-LINE-DUPLICATE.drl"))
                .replace("lineNumber == $a.lineNumber, index > $a.index", "lineNumber == $x.lineNumber, index > $a.index");
        assertThat(check("x.drl", drl)).singleElement().asString()
                .contains(": unknown variable '$x' (did you mean '$a'?)");
    }

    @Test
    void everyRuleOfTheProjectPasses() throws Exception {
        List<Path> drls;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            drls = s.filter(p -> p.toString().endsWith(".drl")).toList();
        }
        assertThat(drls).hasSizeGreaterThan(40);
        for (Path p : drls) {
            assertThat(check(p.toString(), Files.readString(p))).as(p.toString()).isEmpty();
        }
    }
}
