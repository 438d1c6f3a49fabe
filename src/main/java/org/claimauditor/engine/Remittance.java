package org.claimauditor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a payer would put on the remittance (X12 835 CAS/LQ) for a denied line: the claim adjustment group code,
 * the Claim Adjustment Reason Code (CARC, X12 code list 139) and any Remittance Advice Remark Codes (RARC, list 411).
 * Written as a rule author reads it on a remit: {@code CO-236}, {@code CO-96} with {@code N362}.
 */
public record Remittance(String groupCode, String carc, List<String> rarc) {

    /** Group codes of 5010 (CR was dropped): contractual obligation, other, payer initiated, patient responsibility. */
    public static final Set<String> GROUPS = Set.of("CO", "OA", "PI", "PR");

    /** 1–3 digits without a leading zero (1, 96, 236), or a letter and 1–2 digits (A1, B15, P9). */
    private static final Pattern CARC = Pattern.compile("[1-9][0-9]{0,2}|[A-Z][0-9]{1,2}");
    /** M1…M999, MA1…MA999, N1…N9999. */
    private static final Pattern RARC = Pattern.compile("(M|MA|N)[1-9][0-9]{0,3}");
    private static final Pattern GROUP_AND_CARC = Pattern.compile("([A-Z]{2})-(\\S+)");

    /** CARCs whose X12 usage note says "At least one Remark Code must be provided". */
    static final Set<String> NEED_RARC = Set.of("16", "96", "129", "148", "226", "227", "234", "237", "250", "251",
            "252", "267", "A1");

    public Remittance {
        rarc = rarc == null ? List.of() : List.copyOf(rarc);
    }

    /**
     * Parses {@code "CO-236"} and a RARC list {@code "N362"} or {@code "M80, N20"} (null or blank: none).
     *
     * @throws IllegalArgumentException with a message for the rule author when either is malformed
     */
    public static Remittance parse(String groupAndCarc, String rarcs) {
        String spec = groupAndCarc == null ? "" : groupAndCarc.strip();
        var m = GROUP_AND_CARC.matcher(spec);
        if (!m.matches() || !GROUPS.contains(m.group(1)) || !CARC.matcher(m.group(2)).matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a group code and CARC such as CO-236 "
                    + "(group CO, OA, PI or PR; CARC 1-3 digits, or a letter and digits such as B15)");
        }
        return new Remittance(m.group(1), m.group(2), parseRarcs(rarcs, m.group(2)));
    }

    /** Whether a {@link #parse} failure is about the RARC list (else it is about the group code and CARC). */
    public static boolean aboutRarc(IllegalArgumentException e) {
        return e.getMessage().contains("is not a RARC") || e.getMessage().contains("is listed twice");
    }

    public static Remittance of(String groupAndCarc, List<String> rarcs) {
        return parse(groupAndCarc, rarcs == null ? null : String.join(",", rarcs));
    }

    private static List<String> parseRarcs(String rarcs, String carc) {
        List<String> out = new ArrayList<>();
        if (rarcs != null && !rarcs.isBlank()) {
            for (String r : rarcs.split("[,\\s]+")) {
                if (r.isEmpty()) {
                    continue;
                }
                if (!RARC.matcher(r).matches()) {
                    throw new IllegalArgumentException("'" + r + "' is not a RARC (M, MA or N followed by digits, such as N362 or MA130)");
                }
                if (out.contains(r)) {
                    throw new IllegalArgumentException("RARC " + r + " is listed twice");
                }
                out.add(r);
            }
        }
        if (out.isEmpty() && NEED_RARC.contains(carc)) {
            throw new IllegalArgumentException("CARC " + carc + " needs at least one RARC (X12 usage note), e.g. "
                    + (carc.equals("16") ? "MA130 or the RARC naming the field" : "N130"));
        }
        return out;
    }

    /** {@code CO-236}: the key the reports count denials by. */
    public String code() {
        return groupCode + "-" + carc;
    }

    /** {@code CO-96 N362}, as the doc pages and fixture messages show it. */
    @Override
    public String toString() {
        return rarc.isEmpty() ? code() : code() + " " + String.join(" ", rarc);
    }
}
