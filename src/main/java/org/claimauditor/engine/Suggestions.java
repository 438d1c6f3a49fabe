package org.claimauditor.engine;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a mistyped command, property, key or value: the nearest candidate by edit distance,
 * offered only when it is close enough to be the likely intent (1 edit for words of up to 3 letters, else 2, or a third of the word up to 3).
 */
public final class Suggestions {

    private Suggestions() { }

    /** The candidate nearest to {@code typed} (case ignored), if one is close enough. */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = t.length() <= 3 ? 1 : Math.min(3, Math.max(2, t.length() / 3));
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance.apply(t, c.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance && !c.equals(typed)) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "" — ready to append to a message. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
