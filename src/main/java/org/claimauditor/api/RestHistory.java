package org.claimauditor.api;

import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.history.HistoryQueries;
import org.claimauditor.history.HistorySink;
import org.claimauditor.history.InputFile;
import org.claimauditor.history.ReferenceItem;
import org.claimauditor.history.RunHeader;
import org.claimauditor.pipeline.RunReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The REST host's side of the audit history: a sink per recorded request, and the retention purge. */
public final class RestHistory {

    private static final Logger LOG = LoggerFactory.getLogger(RestHistory.class);

    private final DataSource ds;
    private final HistoryProperties props;
    private final Clock clock;

    RestHistory(DataSource ds, HistoryProperties props, Clock clock) {
        this.ds = ds;
        this.props = props;
        this.clock = clock;
    }

    public HistoryQueries queries() {
        return new HistoryQueries(ds);
    }

    boolean recordsBatches() {
        return props.enabled();
    }

    boolean recordsPreScreens() {
        return props.enabled() && props.recordPreScreen();
    }

    /** A sink recording one request's audit; its input is the request body, hashed as it was read. */
    HistorySink sink(RuleSet rules, Reference ref, LocalDate auditDate, Instant startedAt, Principal user,
                     InputFile body) throws IOException {
        RunReference run = RunReference.of(rules, ref);
        return new HistorySink(ds, RunHeader.start(RunHeader.Origin.REST, user == null ? null : user.getName(),
                startedAt, auditDate, rules.version(), ReferenceItem.of(run, rules)), run,
                CompletableFuture.completedFuture(List.of(body)), clock);
    }

    /** Retention: at start, then once a day. Logs counts only, never claim data. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.DAYS)
    public void purge() {
        if (props.retentionDays() > 0) {
            int purged = queries().purgeStartedBefore(clock.instant().minus(Duration.ofDays(props.retentionDays())));
            LOG.info("audit history: deleted {} run(s) older than {} days", purged, props.retentionDays());
        }
    }
}
