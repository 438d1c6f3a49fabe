package org.claimauditor.bench;

import java.util.List;

/**
 * One NCCI finding in the shape the benchmark compares: the claim's position in the input batch, the rule id,
 * and the line numbers the finding names (sorted; empty when the flagged line has no line number).
 */
public record RefFinding(int claimIndex, String ruleId, List<Integer> lineNumbers) {

    public RefFinding {
        lineNumbers = List.copyOf(lineNumbers);
    }

    @Override
    public String toString() {
        return "claim #" + claimIndex + " " + ruleId + " lines " + lineNumbers;
    }
}
