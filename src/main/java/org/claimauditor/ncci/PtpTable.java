package org.claimauditor.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One PTP table (practitioner or outpatient hospital) for a quarter, effective-dated and indexed by pair.
 * Rows live in parallel primitive arrays; an open-addressing hash from the packed pair to its newest row,
 * with a chain for pairs the file lists more than once (re-added after a deletion, say).
 */
public final class PtpTable {

    private static final int NO_DELETION = Integer.MAX_VALUE;

    private final String name;
    private final String version;
    private final QuarterPeriod period;
    private final String quarter;
    private final List<String> files;
    private final List<String> rationales;
    private final int size;
    private final int[] col1;
    private final int[] col2;
    private final int[] effective;
    private final int[] deletion;
    private final byte[] indicator;
    private final short[] rationale;
    private final short[] file;
    private final int[] line;
    private final int[] next;
    /** Slot s at [2s] (the packed pair) and [2s + 1] (its newest row, -1 when empty): one cache line per probe. */
    private final long[] slots;
    private final int mask;

    private PtpTable(Builder b) {
        this.name = b.name;
        this.version = String.join("+", b.versions);
        this.period = b.period;
        this.quarter = period == null ? version : version + " (" + period + ")";
        this.files = List.copyOf(b.files);
        this.rationales = List.copyOf(b.rationaleList);
        this.size = b.size;
        this.col1 = Arrays.copyOf(b.col1, size);
        this.col2 = Arrays.copyOf(b.col2, size);
        this.effective = Arrays.copyOf(b.effective, size);
        this.deletion = Arrays.copyOf(b.deletion, size);
        this.indicator = Arrays.copyOf(b.indicator, size);
        this.rationale = Arrays.copyOf(b.rationale, size);
        this.file = Arrays.copyOf(b.file, size);
        this.line = Arrays.copyOf(b.line, size);
        this.next = new int[size];
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.slots = new long[capacity * 2];
        for (int s = 1; s < slots.length; s += 2) {
            slots[s] = -1;
        }
        for (int r = 0; r < size; r++) {
            long key = CodeKey.pair(col1[r], col2[r]);
            int at = slotFor(key) * 2;
            next[r] = (int) slots[at + 1];
            slots[at] = key;
            slots[at + 1] = r;
        }
    }

    private int slotFor(long key) {
        int slot = (int) (mix(key) & mask);
        while (slots[slot * 2 + 1] >= 0 && slots[slot * 2] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    public String name() { return name; }
    public String version() { return version; }
    /** The dates of service this version applies to (null when built without one, in tests). */
    public QuarterPeriod period() { return period; }
    public int size() { return size; }
    public List<String> files() { return files; }

    /**
     * The edit for (column 1, column 2) in force on {@code dos}: effective on or before it and not deleted
     * before it. Indicator 9 rows are returned too (the caller decides they never fire). Null when none.
     */
    public PtpEdit find(String column1, String column2, LocalDate dos) {
        int c1 = CodeKey.of(column1);
        int c2 = CodeKey.of(column2);
        // a date beyond ±5.8 million years would wrap around as an int day: no edit is in force then
        if (c1 < 0 || c2 < 0 || dos == null || dos.toEpochDay() != (int) dos.toEpochDay()) {
            return null;
        }
        int day = (int) dos.toEpochDay();
        int best = -1;
        for (int r = (int) slots[slotFor(CodeKey.pair(c1, c2)) * 2 + 1]; r >= 0; r = next[r]) {
            if (effective[r] <= day && day <= deletion[r] && (best < 0 || effective[r] > effective[best])) {
                best = r;
            }
        }
        if (best < 0) {
            return null;
        }
        return new PtpEdit(column1, column2, LocalDate.ofEpochDay(effective[best]),
                deletion[best] == NO_DELETION ? null : LocalDate.ofEpochDay(deletion[best]),
                (char) indicator[best], rationales.get(rationale[best]), name, quarter, files.get(file[best]), line[best]);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects rows file by file; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> versions = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private final List<String> rationaleList = new ArrayList<>();
        private final Map<String, Short> rationaleIds = new HashMap<>();
        private int size;
        private int[] col1 = new int[1024];
        private int[] col2 = new int[1024];
        private int[] effective = new int[1024];
        private int[] deletion = new int[1024];
        private byte[] indicator = new byte[1024];
        private short[] rationale = new short[1024];
        private short[] file = new short[1024];
        private int[] line = new int[1024];
        private short currentFile = -1;
        private QuarterPeriod period;

        private Builder(String name) {
            this.name = name;
        }

        /** The dates of service the version applies to; named in every edit's source. */
        public Builder period(QuarterPeriod period) {
            this.period = period;
            return this;
        }

        /** Starts a part file; rows added after this call are attributed to it. */
        public Builder file(String displayName, String version) {
            files.add(displayName);
            currentFile = (short) (files.size() - 1);
            if (!versions.contains(version)) {
                versions.add(version);
            }
            return this;
        }

        public void add(PtpRow row) {
            int c1 = CodeKey.of(row.column1());
            int c2 = CodeKey.of(row.column2());
            if (c1 < 0 || c2 < 0) {
                throw new IllegalArgumentException("not a 5-character code pair: " + row.column1() + "/" + row.column2());
            }
            if (size == col1.length) {
                grow();
            }
            col1[size] = c1;
            col2[size] = c2;
            effective[size] = (int) row.effective().toEpochDay();
            deletion[size] = row.deletion() == null ? NO_DELETION : (int) row.deletion().toEpochDay();
            indicator[size] = (byte) row.modifierIndicator();
            rationale[size] = rationaleIds.computeIfAbsent(row.rationale(), r -> {
                rationaleList.add(r);
                return (short) (rationaleList.size() - 1);
            });
            file[size] = currentFile;
            line[size] = row.line();
            size++;
        }

        private void grow() {
            int n = col1.length * 2;
            col1 = Arrays.copyOf(col1, n);
            col2 = Arrays.copyOf(col2, n);
            effective = Arrays.copyOf(effective, n);
            deletion = Arrays.copyOf(deletion, n);
            indicator = Arrays.copyOf(indicator, n);
            rationale = Arrays.copyOf(rationale, n);
            file = Arrays.copyOf(file, n);
            line = Arrays.copyOf(line, n);
        }

        public int size() {
            return size;
        }

        public PtpTable build() {
            return new PtpTable(this);
        }
    }
}
