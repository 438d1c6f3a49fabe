package org.claimauditor.ncci;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of service an NCCI file applies to, both ends inclusive: a PTP version or an AOC workbook its calendar
 * quarter, an MUE file from its {@code Eff} date until the day before the next loaded file of its setting.
 */
public record QuarterPeriod(LocalDate from, LocalDate to) {

    // CMS PTP versions: v<YY><Q>r<N>, YY = NCCI version (32 = 2026), Q = quarter digit 0 (January) to 3 (October)
    private static final Pattern PTP_VERSION = Pattern.compile("(?i)v(\\d{2})([0-3])r(\\d+)");
    /** NCCI version 32 is calendar 2026 (DOMAIN: v32.2 = July to September 2026). */
    private static final int VERSION_YEAR_OFFSET = 1994;

    public QuarterPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " to " + to);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The calendar quarter holding {@code date}. */
    public static QuarterPeriod calendarQuarter(LocalDate date) {
        int first = 1 + 3 * ((date.getMonthValue() - 1) / 3);
        // the quarter's last month's end, not from + 3 months - 1 day: that would overflow in year 999,999,999
        return new QuarterPeriod(LocalDate.of(date.getYear(), first, 1),
                java.time.YearMonth.of(date.getYear(), first + 2).atEndOfMonth());
    }

    /** Quarter {@code q} (1 to 4) of {@code year}. */
    public static QuarterPeriod quarter(int year, int q) {
        return calendarQuarter(LocalDate.of(year, 3 * q - 2, 1));
    }

    /** The quarter of a PTP version such as {@code v322r0}; null when the text is not shaped so. */
    public static QuarterPeriod ofPtpVersion(String version) {
        Matcher m = PTP_VERSION.matcher(version);
        if (!m.matches()) {
            return null;
        }
        return quarter(VERSION_YEAR_OFFSET + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1);
    }

    /** The revision of a PTP version ({@code r1} of {@code v322r1}), or 0 when it is not shaped so. */
    static int ptpRevision(String version) {
        Matcher m = PTP_VERSION.matcher(version);
        return m.matches() ? Integer.parseInt(m.group(3)) : 0;
    }

    /** The PTP version CMS gives quarter {@code period}, without revision: {@code v322} for July 2026. */
    public static String ptpVersionOf(QuarterPeriod period) {
        return String.format(Locale.ROOT, "v%02d%d", period.from().getYear() - VERSION_YEAR_OFFSET,
                (period.from().getMonthValue() - 1) / 3);
    }

    /** "2026 Q3". */
    public String quarterName() {
        return from.getYear() + " Q" + (1 + (from.getMonthValue() - 1) / 3);
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
