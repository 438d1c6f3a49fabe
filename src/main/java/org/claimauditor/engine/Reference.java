package org.claimauditor.engine;

import org.claimauditor.codes.CodeSets;
import org.claimauditor.ncci.NcciTables;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference data an audit runs against, loaded once and independently of the rules (a rule reload does
 * not re-read two million PTP rows): the NCCI tables and the code sets.
 */
public record Reference(NcciTables ncci, CodeSets codeSets) {

    public static final Reference NONE = new Reference(NcciTables.NONE, CodeSets.EMPTY);

    public static Reference ofNcci(NcciTables ncci) {
        return new Reference(ncci, CodeSets.EMPTY);
    }

    /** One line per table / code set, for every result's referenceData. */
    public List<String> describe() {
        List<String> out = new ArrayList<>(ncci.describe());
        out.addAll(codeSets.describe());
        return out;
    }
}
