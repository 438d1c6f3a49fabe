package org.claimauditor.web.batch;

import org.claimauditor.engine.Category;
import org.claimauditor.engine.RuleInfo;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.Severity;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.web.claim.ClaimIndex;
import org.claimauditor.web.claim.IndexedClaim;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Batch audits: upload, progress, results with filters, one claim, downloads and the compliance report's charts. */
@Controller
@RequestMapping("/batches")
class BatchController {

    /** Rows per results page; the index is streamed, so a big run costs a page of rows, not the run. */
    static final int PAGE = 100;

    private final BatchRuns runs;
    private final RuleService rules;

    BatchController(BatchRuns runs, RuleService rules) {
        this.runs = runs;
        this.rules = rules;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("runs", runs.all());
        return "batch/list";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Principal user, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "Choose a claim file to audit (.json, .jsonl, .837, .x12, .csv, FHIR .json).");
            return list(model);
        }
        BatchRun run = runs.start(file, user.getName());
        return "redirect:/batches/" + run.id();
    }

    @GetMapping("/{id}")
    String run(@PathVariable String id, @ModelAttribute("filter") ResultFilter filter,
               @RequestParam(name = "from", defaultValue = "0") int from, Model model) throws IOException {
        BatchRun run = found(id);
        model.addAttribute("run", run);
        if (!run.done()) {
            return "batch/run";
        }
        List<ResultRow> rows = new ArrayList<>();
        long matched = 0;
        try (Stream<IndexedClaim> claims = ClaimIndex.read(run.index())) {
            for (IndexedClaim c : (Iterable<IndexedClaim>) claims::iterator) {
                if (filter.matches(c)) {
                    if (matched >= from && rows.size() < PAGE) {
                        rows.add(ResultRow.of(c, filter.findings(c)));
                    }
                    matched++;
                }
            }
        }
        model.addAttribute("summary", run.summary());
        model.addAttribute("rows", rows);
        model.addAttribute("matched", matched);
        model.addAttribute("from", from);
        model.addAttribute("page", PAGE);
        model.addAttribute("charts", ComplianceCharts.of(run.out()));
        model.addAttribute("ruleIds", rules.current().catalog().stream().map(RuleInfo::id).sorted().toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", AuditResult.Status.values());
        return "batch/run";
    }

    @GetMapping("/{id}/claims/{index}")
    String claim(@PathVariable String id, @PathVariable int index, Model model) throws IOException {
        BatchRun run = found(id);
        if (!run.done()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has no results yet");
        }
        Optional<IndexedClaim> claim;
        try (Stream<IndexedClaim> claims = ClaimIndex.read(run.index())) {
            claim = claims.filter(c -> c.index() == index).findFirst();
        }
        model.addAttribute("run", run);
        model.addAttribute("view", claim.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "run " + id + " has no claim #" + index)).lines());
        return "batch/claim";
    }

    @GetMapping("/{id}/files/{name}")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String name) {
        Path file = found(id).download(name);
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id + " has no file " + name);
        }
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    private BatchRun found(String id) {
        BatchRun run = runs.get(id);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no batch run " + id);
        }
        return run;
    }
}
