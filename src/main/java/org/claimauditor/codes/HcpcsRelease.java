package org.claimauditor.codes;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which HCPCS alpha-numeric release a file is, from its CMS name: {@code HCPC2019_CONTR_ANWEB.txt} (annual),
 * {@code HCPC2026_OCT_ANWEB.csv}, {@code HCPC2026_JUL_ANWEB_06172026.txt}, {@code HCPC2025_OCT_ANWEB_v3.txt}.
 *
 * <p>Coverage: a release of year Y is used for dates of service from 1 January of Y-{@value #LOOKBACK_YEARS}
 * through 31 December of Y. Backwards, because each release keeps the codes terminated in recent years with
 * their termination dates (the 2019 file still lists codes terminated in 2014-2018) and every code added during
 * Y-1, so a claim from the previous year - still within Medicare's one-year filing limit - is judged correctly.
 * Not beyond Y, since next year's additions and terminations are not in it. Mid-year temporary codes (G, K, Q)
 * added after the release was cut are missing from an early-year release (CMS README).
 *
 * @param month 1-12 for a quarterly release, 0 for an annual file without a month ({@code CONTR} or none)
 */
public record HcpcsRelease(int year, int month) implements Comparable<HcpcsRelease> {

    /** How many calendar years before its own a release is trusted for. */
    public static final int LOOKBACK_YEARS = 1;

    private static final Pattern NAME = Pattern.compile(
            "(?i)HCPC(\\d{4})_(?:(CONTR|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)_)?ANWEB([._ -].*)?\\.(txt|csv)");

    /** The release a CMS alpha-numeric file name denotes; empty for other names. */
    public static Optional<HcpcsRelease> fromFileName(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = 0;
        String mon = m.group(2);
        if (mon != null && !mon.equalsIgnoreCase("CONTR")) {
            for (Month candidate : Month.values()) {
                if (candidate.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(mon)) {
                    month = candidate.getValue();
                }
            }
        }
        return Optional.of(new HcpcsRelease(Integer.parseInt(m.group(1)), month));
    }

    public LocalDate coverageStart() {
        return LocalDate.of(year - LOOKBACK_YEARS, 1, 1);
    }

    public LocalDate coverageEnd() {
        return LocalDate.of(year, 12, 31);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(coverageStart()) && !date.isAfter(coverageEnd());
    }

    /** "2019" or "2026 October". */
    public String label() {
        return month == 0 ? Integer.toString(year)
                : year + " " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** Older first. */
    @Override
    public int compareTo(HcpcsRelease o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(month, o.month);
    }
}
