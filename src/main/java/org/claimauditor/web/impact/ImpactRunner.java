package org.claimauditor.web.impact;

import org.claimauditor.api.AuditorProperties;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.web.WebProperties;
import org.claimauditor.web.batch.BatchRun;
import org.claimauditor.web.claim.ClaimIndex;
import org.claimauditor.web.claim.IndexedClaim;
import org.claimauditor.web.claim.StreamedAudit;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rule-change impact: audits a finished batch's input once with the rules in service and once with a candidate rules
 * folder, both through the streaming pipeline into temporary claim indexes, then walks the two indexes side by side
 * (both are in input order) claim by claim. Memory holds one claim of each, not the batch.
 */
@Component
public class ImpactRunner {

    /** Payer policies of a candidate, when it has its own; else those of the host. */
    static final String CANDIDATE_POLICIES = "payer-policies";

    private final RuleService rules;
    private final Reference ref;
    private final Limits limits;
    private final Clock clock;
    private final AuditorProperties auditor;
    private final WebProperties web;

    ImpactRunner(RuleService rules, Reference ref, Limits limits, Clock clock, AuditorProperties auditor,
                 WebProperties web) {
        this.rules = rules;
        this.ref = ref;
        this.limits = limits;
        this.clock = clock;
        this.auditor = auditor;
        this.web = web;
    }

    /** The folders under {@code auditor.web.candidate-rules-root} a candidate may be built from, by name. */
    public List<String> candidates() throws IOException {
        Path root = web.candidateRulesRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** The candidate folder of that name, only if it is one of {@link #candidates()}. */
    Path candidate(String name) throws IOException {
        if (name == null || !candidates().contains(name)) {
            throw new IllegalArgumentException("no candidate rules folder '" + name + "' under "
                    + web.candidateRulesRoot() + " (auditor.web.candidate-rules-root)");
        }
        return web.candidateRulesRoot().resolve(name);
    }

    /** Builds the candidate (a {@code RuleBuildException} lists its errors as file:line:col) and compares. */
    ImpactReport compare(BatchRun batch, String candidateName) throws IOException {
        Path dir = candidate(candidateName);
        Path policies = Files.isDirectory(dir.resolve(CANDIDATE_POLICIES)) ? dir.resolve(CANDIDATE_POLICIES)
                : auditor.payerPoliciesDir();
        RuleSet candidate = new RuleSetLoader(dir, policies, auditor.defaultPayer()).load();
        RuleSet service = rules.current();
        LocalDate today = LocalDate.now(clock);
        Path work = Files.createTempDirectory(Files.createDirectories(web.runsDir()), ".impact-");
        try {
            Path a = Files.createDirectory(work.resolve("service"));
            Path b = Files.createDirectory(work.resolve("candidate"));
            new StreamedAudit().run(service, ref, limits, today, batch.inputFiles(), a, false);
            new StreamedAudit().run(candidate, ref, limits, today, batch.inputFiles(), b, false);
            return diff(service.version(), candidate.version(), a.resolve(ClaimIndex.FILE), b.resolve(ClaimIndex.FILE));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    static ImpactReport diff(String serviceVersion, String candidateVersion, Path before, Path after) throws IOException {
        ImpactReport report = new ImpactReport(serviceVersion, candidateVersion);
        try (Stream<IndexedClaim> left = ClaimIndex.read(before); Stream<IndexedClaim> right = ClaimIndex.read(after)) {
            Iterator<IndexedClaim> r = right.iterator();
            for (Iterator<IndexedClaim> l = left.iterator(); l.hasNext(); ) {
                IndexedClaim x = l.next();
                IndexedClaim y = r.next(); // the same input, so the same claims in the same order
                report.claim(x.index(), x.result().claimId(), x.result().status().name(), y.result().status().name(),
                        ClaimDiff.of(x.index(), x.result().claimId(), x.result().findings(), y.result().findings()));
            }
        }
        return report;
    }
}
