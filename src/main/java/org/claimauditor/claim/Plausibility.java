package org.claimauditor.claim;

import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.YamlErrors;

import java.math.BigDecimal;
import java.math.MathContext;
import org.claimauditor.engine.RuleSnapshot;
import org.claimauditor.engine.SourceText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The plausible ranges of claim values, read from {@code rules/data/plausibility.yaml} with the rules (so a
 * compliance officer changes a bound without touching Java) and given to the DRL as the global {@code plausible}.
 * The plausibility rules (CLAIM-CHARGE-RANGE, CLAIM-UNITS-MAX, CLAIM-DATE-RANGE, CLAIM-AGE-MAX) flag values outside
 * them. The charge range also decides what counts as money: a charge outside it adds nothing to amounts at risk
 * or report totals, so one absurd value (a charge of 1e308) cannot swamp the sums of a whole run.
 *
 * @param minCharge         lowest plausible line charge (0: no-charge lines such as 99024 are valid)
 * @param maxCharge         highest plausible line charge
 * @param maxUnits          most units of service plausible on one line
 * @param earliestDate      earliest plausible date of service or receipt
 * @param maxDaysAfterToday how many days after the audit date a date of service or receipt may lie
 * @param maxAge            highest plausible age in whole years at the first date of service
 * @param file              where the values come from, for messages
 */
public record Plausibility(BigDecimal minCharge, BigDecimal maxCharge, int maxUnits, LocalDate earliestDate,
                           int maxDaysAfterToday, int maxAge, String file) {

    public static final String FILE_NAME = "plausibility.yaml";

    /** The values of the shipped file, used when a rules folder has none (a test folder, an old rule set). */
    public static final Plausibility DEFAULTS = new Plausibility(new BigDecimal("0.00"), new BigDecimal("10000000.00"),
            1_000_000, LocalDate.of(2015, 10, 1), 365, 124, "built-in defaults (no rules/data/" + FILE_NAME + ")");

    /** Amounts with more digits than this are shown rounded, with an exponent, in messages. */
    private static final int SHOWN_DIGITS = 15;

    /** A section of the file; each says where its bound comes from. */
    interface Sourced {
        String source();
    }

    record Range(BigDecimal min, BigDecimal max, String source) implements Sourced { }

    record Units(Integer max, String source) implements Sourced { }

    record Dates(String earliest, Integer maxDaysAfterToday, String source) implements Sourced { }

    record Age(Integer max, String source) implements Sourced { }

    record File(Range charge, Units units, Dates dates, Age age) { }

    // getters: DRL resolves properties by bean name (plausible.maxCharge)
    public BigDecimal getMinCharge() { return minCharge; }
    public BigDecimal getMaxCharge() { return maxCharge; }
    public int getMaxUnits() { return maxUnits; }
    public LocalDate getEarliestDate() { return earliestDate; }
    public int getMaxAge() { return maxAge; }

    /** The latest plausible date of service or receipt for an audit run on {@code today}. */
    public LocalDate latestDate(LocalDate today) {
        return today.plusDays(maxDaysAfterToday);
    }

    public boolean isPlausibleCharge(BigDecimal charge) {
        return charge != null && charge.compareTo(minCharge) >= 0 && charge.compareTo(maxCharge) <= 0;
    }

    /** What a charge counts for in sums of money: the charge when plausible, else zero (as for a missing charge). */
    public BigDecimal money(BigDecimal charge) {
        return isPlausibleCharge(charge) ? charge : BigDecimal.ZERO;
    }

    /**
     * An amount as a message shows it: plain ({@code 1250.00}) up to {@value #SHOWN_DIGITS} digits, else rounded
     * to 4 significant digits with an exponent ({@code 1.000E+308}), so a 300-digit charge stays one short line.
     */
    public static String show(BigDecimal amount) {
        if (amount == null) {
            return "none";
        }
        return amount.precision() - amount.scale() <= SHOWN_DIGITS && amount.scale() <= SHOWN_DIGITS
                ? amount.toPlainString() : amount.round(new MathContext(4)).toString();
    }

    /** Reads {@code plausibility.yaml} from the rules' data folder; every problem becomes a file:line:column error. */
    public static Plausibility load(RuleSnapshot snapshot, List<BuildError> errors) {
        SourceText f = snapshot.text(RuleSnapshot.RULES + "data/" + FILE_NAME, errors);
        File parsed = YamlErrors.readIfPresent(f, File.class, errors);
        if (parsed == null) {
            return DEFAULTS;
        }
        int before = errors.size();
        Range charge = require(f, parsed.charge(), "charge", errors);
        Units units = require(f, parsed.units(), "units", errors);
        Dates dates = require(f, parsed.dates(), "dates", errors);
        Age age = require(f, parsed.age(), "age", errors);
        if (errors.size() > before) {
            return DEFAULTS;
        }
        if (charge.min() == null || charge.max() == null || charge.min().signum() < 0 || charge.min().compareTo(charge.max()) > 0) {
            errors.add(YamlErrors.near(f, "charge:", "charge needs min and max with 0 <= min <= max (a negative charge is never money)"));
        }
        if (units.max() == null || units.max() < 1) {
            errors.add(YamlErrors.near(f, "units:", "units needs max, 1 or more"));
        }
        LocalDate earliest = null;
        try {
            earliest = dates.earliest() == null ? null : LocalDate.parse(dates.earliest());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (earliest == null || dates.maxDaysAfterToday() == null || dates.maxDaysAfterToday() < 0) {
            errors.add(YamlErrors.near(f, "dates:", "dates needs earliest (YYYY-MM-DD) and maxDaysAfterToday (0 or more)"));
        }
        if (age.max() == null || age.max() < 1) {
            errors.add(YamlErrors.near(f, "age:", "age needs max, 1 or more"));
        }
        if (errors.size() > before) {
            return DEFAULTS;
        }
        return new Plausibility(charge.min(), charge.max(), units.max(), earliest, dates.maxDaysAfterToday(), age.max(),
                f.file());
    }

    /** Each section must be present and say where its bound comes from, as code groups must. */
    private static <T extends Sourced> T require(SourceText f, T section, String name, List<BuildError> errors) {
        if (section == null) {
            errors.add(new BuildError(f.toString(), 0, 0, "missing section '" + name + "'"));
            return null;
        }
        if (section.source() == null || section.source().isBlank()) {
            errors.add(YamlErrors.near(f, name + ":", name + " needs a source"));
        }
        return section;
    }
}
