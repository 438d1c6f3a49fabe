package org.claimauditor.web.prescreen;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleService;
import org.claimauditor.web.claim.ClaimLines;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/** Pre-screen one claim before it is billed: the same audit as {@code POST /api/v1/claims/audit}, shown per line. */
@Controller
@RequestMapping("/prescreen")
class PrescreenController {

    private final RuleService rules;
    private final Reference ref;
    private final Clock clock;
    private final Limits limits;

    PrescreenController(RuleService rules, Reference ref, Clock clock, Limits limits) {
        this.rules = rules;
        this.ref = ref;
        this.clock = clock;
        this.limits = limits;
    }

    @GetMapping
    String form() {
        return "prescreen/form";
    }

    /** An uploaded file wins over pasted text; a claim that cannot be read is shown with the reader's message. */
    @PostMapping
    String audit(@RequestParam(name = "claim", required = false) String pasted,
                 @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        byte[] bytes = uploaded ? file.getBytes() : (pasted == null ? "" : pasted).getBytes(StandardCharsets.UTF_8);
        String origin = uploaded ? file.getOriginalFilename() : "pasted claim";
        ClaimInput input = OneClaim.read(bytes, origin, limits);
        model.addAttribute("pasted", uploaded ? "" : pasted);
        if (!input.readable()) {
            model.addAttribute("readError", input.error());
            return "prescreen/form";
        }
        AuditResult result = AuditEngine.auditOne(rules.current(), ref, input, LocalDate.now(clock), limits);
        model.addAttribute("view", ClaimLines.of(origin, input.claim(), result));
        return "prescreen/form";
    }
}
