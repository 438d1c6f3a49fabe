package org.claimauditor.api;

import org.claimauditor.history.HistoryQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The audit history over REST: the same queries as {@code claim-auditor history}. */
@RestController
@RequestMapping("/api/v1/history")
class HistoryController {

    /** The most rows one answer lists (totals always cover every match). */
    static final int MAX_LIMIT = 10_000;

    private final RestHistory history;
    private final java.time.Clock clock;

    HistoryController(RestHistory history, java.time.Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/runs")
    List<HistoryQueries.RunSummary> runs(@RequestParam(defaultValue = "50") int limit) {
        return history.queries().runs(limit(limit));
    }

    @GetMapping("/runs/{runId}")
    HistoryQueries.RunDetail run(@PathVariable String runId) {
        HistoryQueries.RunDetail d = history.queries().run(runId);
        if (d == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no complete run " + runId);
        }
        return d;
    }

    @GetMapping("/claims/{claimId}")
    List<HistoryQueries.ClaimRun> claim(@PathVariable String claimId, @RequestParam(defaultValue = "100") int limit) {
        return history.queries().claim(claimId, limit(limit));
    }

    @GetMapping("/findings")
    HistoryQueries.FindingReport findings(@RequestParam(required = false) String provider,
                                          @RequestParam(required = false) String rule,
                                          @RequestParam(required = false) String payer,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "50") int limit) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from " + from + " is after to " + to);
        }
        return history.queries().findings(new HistoryQueries.FindingQuery(provider, rule, payer, from, to, limit(limit)));
    }

    @GetMapping("/diff")
    HistoryQueries.RunDiff diff(@RequestParam String before, @RequestParam String after,
                                @RequestParam(defaultValue = "100") int limit) {
        HistoryQueries.RunDiff d = history.queries().diff(before, after, limit(limit));
        if (d == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, before + " or " + after + " is not a complete run");
        }
        return d;
    }

    /** Deletes the runs started more than {@code olderThanDays} days ago (ADMIN only, as every unlisted endpoint). */
    @DeleteMapping("/runs")
    Map<String, Integer> purge(@RequestParam int olderThanDays) {
        if (olderThanDays < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "olderThanDays must be at least 1");
        }
        return Map.of("deleted", history.queries().purgeStartedBefore(clock.instant().minus(Duration.ofDays(olderThanDays))));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
