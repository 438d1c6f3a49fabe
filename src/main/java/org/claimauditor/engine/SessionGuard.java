package org.claimauditor.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;

import java.time.Duration;

/**
 * Enforces {@link Limits#ruleTime()} and {@link Limits#maxRuleFirings()} on one rule session: Drools calls it for
 * every match the network creates and every match fired, and it aborts the session by throwing {@link Exceeded},
 * which unwinds out of {@code execute}. Matches are created while the network is evaluated, so a rule that builds
 * a huge cross product is stopped in the middle of it, not only between firings.
 */
final class SessionGuard extends DefaultAgendaEventListener {

    /** A limit hit; the message names the limit and the setting that raises it. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false); // no stack trace: this is an answer, not a bug
        }
    }

    private final long deadline;
    private final Duration ruleTime;
    private final long maxFirings;
    private long firings;

    SessionGuard(Limits limits) {
        this.ruleTime = limits.ruleTime();
        this.deadline = System.nanoTime() + ruleTime.toNanos();
        this.maxFirings = limits.maxRuleFirings();
    }

    @Override
    public void matchCreated(MatchCreatedEvent event) {
        checkTime();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (++firings > maxFirings) {
            throw new Exceeded(String.format("rule evaluation exceeded %,d rule firings (auditor.limits.max-rule-firings)",
                    maxFirings));
        }
        checkTime();
    }

    private void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new Exceeded("rule evaluation exceeded the " + text(ruleTime) + " limit (auditor.limits.rule-time)");
        }
    }

    /** "10 s", "1.5 s" or "200 ms". */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
