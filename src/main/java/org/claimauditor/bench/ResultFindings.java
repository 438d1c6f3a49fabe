package org.claimauditor.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The NCCI findings of an {@code audit} run, read back from its results file one result at a time with Jackson's
 * streaming parser (a results file of a million claims is over a gigabyte), in the shape the reference checker
 * produces ({@link RefFinding}, claim index = position in the input).
 *
 * <p>Reads {@code audit-results.jsonl} (one result per line) when the run wrote one, else {@code audit-results.json}
 * (an array). Objects without a {@code status} (e.g. a line naming the run's reference data) are not results. A
 * result is matched to its input claim by position when the claim ids agree there, else by claim id, so a results
 * file in another order still compares claim for claim (generated claim ids are unique).
 *
 * @param file     the results file read
 * @param results  the number of results in it
 * @param findings the findings of the eight NCCI rules, one entry per finding, line numbers sorted
 * @param problems results that match no input claim, or a claim with two results or none ("" when none)
 */
public record ResultFindings(Path file, int results, List<RefFinding> findings, String problems) {

    public static final String JSON = "audit-results.json";
    public static final String JSONL = "audit-results.jsonl";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultView(String claimId, String status, List<FindingView> findings) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindingView(String ruleId, List<Integer> lineNumbers) { }

    /** The results file an audit wrote into {@code outDir}, or null when there is none. */
    public static Path find(Path outDir) {
        for (String name : List.of(JSONL, JSON)) {
            Path f = outDir.resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Reads {@code file}; {@code claimIds} are the input's claim ids in input order (null for a claim that could not
     * be read and has no id).
     */
    public static ResultFindings read(Path file, List<String> claimIds) throws IOException {
        Map<String, Integer> indexOf = null;
        BitSet seen = new BitSet(claimIds.size());
        List<RefFinding> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int position = 0;
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            for (; t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(file + ":" + p.currentLocation().getLineNr() + ": expected a result object, found " + t);
                }
                ResultView r = MAPPER.readValue(p, ResultView.class);
                if (r.status() == null) {
                    continue;
                }
                int index = position;
                if (index >= claimIds.size() || !Objects.equals(claimIds.get(index), r.claimId())) {
                    if (indexOf == null) {
                        indexOf = indexOf(claimIds);
                    }
                    Integer i = r.claimId() == null ? null : indexOf.get(r.claimId());
                    index = i == null ? -1 : i;
                }
                position++;
                if (index < 0 || seen.get(index)) {
                    note(problems, index < 0 ? "result #" + (position - 1) + " (claim " + r.claimId() + ") matches no input claim"
                            : "claim #" + index + " (" + r.claimId() + ") has more than one result");
                    continue;
                }
                seen.set(index);
                if (r.findings() == null) {
                    continue;
                }
                for (FindingView f : r.findings()) {
                    if (ReferenceChecker.RULE_IDS.contains(f.ruleId())) {
                        List<Integer> lines = new ArrayList<>(f.lineNumbers() == null ? List.of() : f.lineNumbers());
                        lines.sort(null);
                        out.add(new RefFinding(index, f.ruleId(), lines));
                    }
                }
            }
        }
        int missing = claimIds.size() - seen.cardinality();
        if (missing > 0) {
            note(problems, missing + " input claims have no result, the first #" + seen.nextClearBit(0));
        }
        return new ResultFindings(file, position, out, String.join("\n", problems));
    }

    private static Map<String, Integer> indexOf(List<String> claimIds) {
        Map<String, Integer> m = new HashMap<>(claimIds.size() * 2);
        for (int i = 0; i < claimIds.size(); i++) {
            if (claimIds.get(i) != null) {
                m.putIfAbsent(claimIds.get(i), i);
            }
        }
        return m;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 10) {
            problems.add(problem);
        }
    }
}
