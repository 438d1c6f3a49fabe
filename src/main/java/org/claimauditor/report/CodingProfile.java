package org.claimauditor.report;

import org.claimauditor.claim.Claim.ServiceLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rendering provider's coding counts, the input of the deviation tests ({@link DeviationTests}): E/M visits by
 * code, E/M lines with modifier 25, other lines with 59/X{EPSU}, and the specialty its claims give. A fixed number
 * of counters per provider, so memory grows with providers, never with claims.
 */
final class CodingProfile {

    /** An E/M code family; the level is the code's last digit. */
    record Family(String measure, String label, List<String> codes, int offset) { }

    static final List<Family> FAMILIES;
    static final Map<String, Integer> EM_INDEX = new HashMap<>();

    static {
        List<Family> f = new ArrayList<>();
        int offset = 0;
        for (Object[] def : new Object[][]{
                {"em-new", "E/M new patient (office)", List.of("99202", "99203", "99204", "99205")},
                {"em-established", "E/M established patient (office)", List.of("99211", "99212", "99213", "99214", "99215")},
                {"em-emergency", "E/M emergency department", List.of("99281", "99282", "99283", "99284", "99285")},
                {"em-hospital-initial", "E/M initial hospital care", List.of("99221", "99222", "99223")},
                {"em-hospital-subsequent", "E/M subsequent hospital care", List.of("99231", "99232", "99233")}}) {
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) def[2];
            f.add(new Family((String) def[0], (String) def[1], codes, offset));
            for (String c : codes) {
                EM_INDEX.put(c, offset++);
            }
        }
        FAMILIES = List.copyOf(f);
    }

    static final List<String> BYPASS_MODIFIERS = List.of("59", "XE", "XS", "XP", "XU");

    final long[] em = new long[EM_INDEX.size()];
    long emLines;
    long emWith25;
    long otherLines;
    long otherWithBypass;
    /** The first taxonomy any of the provider's claims gives (a provider bills under one specialty here). */
    String taxonomy;

    /** Counts one line; {@code taxonomy} is its claim's billing provider specialty, or null. */
    void add(ServiceLine line, String taxonomy) {
        if (this.taxonomy == null && taxonomy != null) {
            this.taxonomy = taxonomy;
        }
        String code = ClaimView.codeOf(line);
        Integer slot = EM_INDEX.get(code);
        if (slot != null) {
            em[slot]++;
            emLines++;
            if (has(line, List.of("25"))) {
                emWith25++;
            }
        } else {
            otherLines++;
            if (has(line, BYPASS_MODIFIERS)) {
                otherWithBypass++;
            }
        }
    }

    static boolean has(ServiceLine line, List<String> modifiers) {
        for (String m : line.modifiers()) {
            if (m != null && modifiers.contains(m.strip().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
