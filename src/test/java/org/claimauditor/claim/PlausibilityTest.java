package org.claimauditor.claim;

import org.claimauditor.engine.BuildError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.claimauditor.engine.RuleSnapshot;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plausibility bounds file: the shipped values, its errors as file:line:column, and what counts as money. */
class PlausibilityTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            charge:
              min: 0.00
              max: 1000.00
              source: "test"
            units:
              max: 50
              source: "test"
            dates:
              earliest: 2020-01-01
              maxDaysAfterToday: 30
              source: "test"
            age:
              max: 100
              source: "test"
            """;

    private Plausibility load(String yaml, List<BuildError> errors) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve(Plausibility.FILE_NAME), yaml);
        return loadFolder(dir, errors);
    }

    /** As the rule build reads it: from a snapshot of the rules folder. */
    private static Plausibility loadFolder(Path rulesDir, List<BuildError> errors) {
        return Plausibility.load(RuleSnapshot.read(rulesDir, null), errors);
    }

    @Test
    void shippedFileHoldsTheBuiltInDefaults() {
        List<BuildError> errors = new ArrayList<>();
        Plausibility shipped = loadFolder(Path.of("rules"), errors);
        assertThat(errors).isEmpty();
        assertThat(shipped.file()).isEqualTo(Path.of("rules", "data", "plausibility.yaml").toString());
        // the defaults apply to rule folders without the file; they must say the same as the shipped file
        assertThat(shipped).usingRecursiveComparison().ignoringFields("file").isEqualTo(Plausibility.DEFAULTS);
    }

    @Test
    void aFolderWithoutTheFileGetsTheDefaults() {
        List<BuildError> errors = new ArrayList<>();
        assertThat(loadFolder(dir, errors)).isSameAs(Plausibility.DEFAULTS);
        assertThat(errors).isEmpty();
    }

    @Test
    void editedBoundsAreRead() throws IOException {
        List<BuildError> errors = new ArrayList<>();
        Plausibility p = load(VALID, errors);
        assertThat(errors).isEmpty();
        assertThat(p.getMaxCharge()).isEqualByComparingTo("1000");
        assertThat(p.getMaxUnits()).isEqualTo(50);
        assertThat(p.getEarliestDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(p.latestDate(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(p.getMaxAge()).isEqualTo(100);
    }

    @Test
    void unknownKeyIsAnErrorAtItsLine() throws IOException {
        List<BuildError> errors = new ArrayList<>();
        load(VALID.replace("  max: 50", "  maximum: 50"), errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.message()).contains("unknown key 'maximum'");
        });
    }

    @Test
    void badValuesAreErrorsNamingTheSection() throws IOException {
        List<BuildError> errors = new ArrayList<>();
        load(VALID.replace("min: 0.00", "min: -5.00").replace("earliest: 2020-01-01", "earliest: 2020-13-01")
                .replace("  max: 100\n", "  max: 0\n"), errors);
        assertThat(errors).extracting(BuildError::message).containsExactly(
                "charge needs min and max with 0 <= min <= max (a negative charge is never money)",
                "dates needs earliest (YYYY-MM-DD) and maxDaysAfterToday (0 or more)",
                "age needs max, 1 or more");
        assertThat(errors).extracting(BuildError::line).containsExactly(1, 8, 12);
    }

    @Test
    void everySectionIsRequiredWithASource() throws IOException {
        List<BuildError> errors = new ArrayList<>();
        load(VALID.replace("""
                age:
                  max: 100
                  source: "test"
                """, "").replace("""
                  max: 50
                  source: "test"
                """, "  max: 50\n"), errors);
        assertThat(errors).extracting(BuildError::message).containsExactly("units needs a source", "missing section 'age'");
    }

    @Test
    void onlyChargesInsideTheRangeCountAsMoney() {
        Plausibility p = Plausibility.DEFAULTS;
        assertThat(p.money(new BigDecimal("125.00"))).isEqualByComparingTo("125.00");
        assertThat(p.money(new BigDecimal("0.00"))).isEqualByComparingTo("0");
        assertThat(p.money(new BigDecimal("10000000.00"))).isEqualByComparingTo("10000000.00");
        assertThat(p.money(new BigDecimal("10000000.01"))).isZero();
        assertThat(p.money(new BigDecimal("-0.01"))).isZero();
        assertThat(p.money(new BigDecimal("1e308"))).isZero();
        assertThat(p.money(null)).isZero();
    }

    @Test
    void hugeAmountsAreShownShort() {
        assertThat(Plausibility.show(new BigDecimal("125.00"))).isEqualTo("125.00");
        assertThat(Plausibility.show(new BigDecimal("-0.01"))).isEqualTo("-0.01");
        assertThat(Plausibility.show(new BigDecimal("99999999999.00"))).isEqualTo("99999999999.00");
        assertThat(Plausibility.show(new BigDecimal("1e308"))).isEqualTo("1E+308");
        assertThat(Plausibility.show(new BigDecimal("7".repeat(900) + ".25"))).isEqualTo("7.778E+899");
        assertThat(Plausibility.show(new BigDecimal("0." + "0".repeat(40) + "1"))).isEqualTo("1E-41");
        assertThat(Plausibility.show(null)).isEqualTo("none");
    }
}
