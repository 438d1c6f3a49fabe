package org.claimauditor.bench;

import java.util.List;
import java.util.Map;

/**
 * What a generated synthetic quarter ({@link QuarterGenerator}) holds, as far as a claim generator needs it to
 * hit each edit family on purpose, and to stay clear of them otherwise. All collections are unmodifiable and
 * iterate in code order, so anything derived from a universe is deterministic.
 *
 * @param seed           the seed the quarter was generated with
 * @param codes          every code of the quarter's code universe (CPT, Category III/PLA, HCPCS), sorted
 * @param ptpPairs       a sample of practitioner PTP edits in force on every day of 2026-01-01..2026-03-31 that
 *                       fire (modifier indicator {@code 0} or {@code 1}; never {@code 9}), sorted by pair
 * @param mue            practitioner MUE value and MAI per code listed in the practitioner MUE table
 * @param addOnPrimaries type 1 add-on codes in force all quarter, with their primaries in force all quarter
 * @param type2AddOns    type 2 add-on codes (primaries contractor defined, {@code CCCCC}) in force all quarter
 * @param addOnCodes     every add-on code of the AOC table (any edit type, in force or deleted), sorted; a code
 *                       outside this list never triggers an add-on edit
 * @param cleanCodes     codes in no PTP pair (practitioner or hospital) and not add-on codes; they may have an
 *                       MUE row (see {@link #mue}), so bill them within its value to stay edit-free
 */
public record Universe(long seed, List<String> codes, List<PtpPair> ptpPairs, Map<String, Mue> mue,
                       Map<String, List<String>> addOnPrimaries, List<String> type2AddOns, List<String> addOnCodes,
                       List<String> cleanCodes) {

    /** A PTP edit: column 1 code, column 2 code and modifier indicator ('0' or '1'). */
    public record PtpPair(String column1, String column2, char indicator) { }

    /** An MUE: the value (maximum units per day) and the MUE adjudication indicator (1, 2 or 3). */
    public record Mue(int value, int mai) { }
}
