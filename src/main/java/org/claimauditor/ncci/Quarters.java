package org.claimauditor.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The loaded quarters of one NCCI table kind (say practitioner PTP), oldest first, each with the dates of service it
 * applies to. A line is judged by the quarter whose period holds its date of service. For a date no period holds, the
 * nearest quarter is applied and the choice says so (the rules turn that into a finding): before the oldest quarter or
 * in a gap between quarters the next later one (PTP and AOC rows carry their own effective and deletion dates, and CMS
 * keeps deleted edits in later files, so a later file still tells what was in force), after the newest quarter's
 * period the newest.
 */
public final class Quarters<T> {

    /** A loaded quarter: its version as CMS names it ("v322r0", "Eff 2026-07-01", "2026Q2") and its period. */
    public record Quarter<T>(String version, QuarterPeriod period, T table) {
        /** "v322r0 (2026-07-01 to 2026-09-30)", for findings' sources and the run's reference data. */
        public String label() {
            return version + " (" + period + ")";
        }
    }

    /** How a date of service relates to the quarter applied to it. */
    public enum Fit { IN_PERIOD, NOT_LOADED, AFTER_NEWEST }

    /** The quarter applied to a date, and how the date relates to it. */
    public record Choice<T>(Quarter<T> quarter, Fit fit) {
        public T table() {
            return quarter.table();
        }
    }

    private static final Quarters<?> NONE = new Quarters<>(List.of());

    private final List<Quarter<T>> quarters;
    private final List<Choice<T>> inPeriod;
    private final List<Choice<T>> notLoaded;
    private final Choice<T> afterNewest;

    private Quarters(List<Quarter<T>> quarters) {
        List<Quarter<T>> sorted = new ArrayList<>(quarters);
        sorted.sort(Comparator.comparing(q -> q.period().from()));
        this.quarters = List.copyOf(sorted);
        this.inPeriod = this.quarters.stream().map(q -> new Choice<>(q, Fit.IN_PERIOD)).toList();
        this.notLoaded = this.quarters.stream().map(q -> new Choice<>(q, Fit.NOT_LOADED)).toList();
        this.afterNewest = this.quarters.isEmpty() ? null
                : new Choice<>(this.quarters.get(this.quarters.size() - 1), Fit.AFTER_NEWEST);
    }

    public static <T> Quarters<T> of(List<Quarter<T>> quarters) {
        return quarters.isEmpty() ? none() : new Quarters<>(quarters);
    }

    @SuppressWarnings("unchecked")
    public static <T> Quarters<T> none() {
        return (Quarters<T>) NONE;
    }

    public boolean isEmpty() {
        return quarters.isEmpty();
    }

    /** Oldest first. */
    public List<Quarter<T>> all() {
        return quarters;
    }

    /** The newest quarter's table, or null when none is loaded. */
    public T newest() {
        return quarters.isEmpty() ? null : quarters.get(quarters.size() - 1).table();
    }

    /**
     * The quarter applied to {@code dos}; null when no quarter is loaded or the date is missing. Called for every
     * line (and pair of lines) of every claim: a handful of quarters, so a scan with no allocation.
     */
    public Choice<T> at(LocalDate dos) {
        if (dos == null || quarters.isEmpty()) {
            return null;
        }
        for (int i = 0; i < quarters.size(); i++) {
            QuarterPeriod p = quarters.get(i).period();
            if (!dos.isAfter(p.to())) {
                return dos.isBefore(p.from()) ? notLoaded.get(i) : inPeriod.get(i);
            }
        }
        return afterNewest;
    }
}
