package org.claimauditor.api;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.Reference;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Pre-screen one claim, or audit a batch (JSON array or JSON Lines). */
@RestController
@RequestMapping("/api/v1")
class AuditController {

    private final RuleService rules;
    private final Reference ref;
    private final Clock clock;

    AuditController(RuleService rules, Reference ref, Clock clock) {
        this.rules = rules;
        this.ref = ref;
        this.clock = clock;
    }

    @PostMapping(path = "/claims/audit", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AuditResult auditOne(@RequestBody String body) {
        ClaimInput input = ClaimReader.readOne(body, "request");
        if (!input.readable()) {
            throw new UnreadableClaimException(input.error());
        }
        return AuditEngine.auditOne(rules.current(), ref, input, LocalDate.now(clock));
    }

    /** A malformed claim in the batch yields an ERROR result for that claim, never a failed batch. */
    @PostMapping(path = "/audits",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE, "application/jsonl",
                    MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditResult> auditBatch(@RequestBody String body,
                                 @RequestHeader(value = "Content-Type", required = false) String contentType) {
        boolean jsonLines = contentType != null && (contentType.contains("ndjson") || contentType.contains("jsonl"));
        List<ClaimInput> inputs = ClaimReader.read(body, "request", jsonLines, 0);
        return AuditEngine.audit(rules.current(), ref, inputs, LocalDate.now(clock));
    }
}
