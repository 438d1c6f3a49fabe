package org.claimauditor.report;

import org.claimauditor.report.ComplianceReport.BypassRow;
import org.claimauditor.report.ComplianceReport.CarcRow;
import org.claimauditor.report.ComplianceReport.CategoryRow;
import org.claimauditor.report.ComplianceReport.EmFamily;
import org.claimauditor.report.ComplianceReport.EmProviderRow;
import org.claimauditor.report.ComplianceReport.InputFile;
import org.claimauditor.report.ComplianceReport.MonthRow;
import org.claimauditor.report.ComplianceReport.PayerRow;
import org.claimauditor.report.ComplianceReport.ProviderRow;
import org.claimauditor.report.ComplianceReport.RuleRow;
import org.claimauditor.report.ComplianceReport.RunInfo;
import org.claimauditor.report.SvgChart.Bar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code compliance-report.html}: one self-contained page (inline CSS and SVG, no script, no network) with the
 * same content as the JSON. Section ids are stable so a test or a link can find them.
 */
final class ComplianceHtml {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}
            thead th{background:#f0f3f7}tbody th{text-align:left;font-weight:normal}
            td.text{text-align:left}code{font-size:12px}svg text{font-size:12px;fill:#222}
            .signal{display:inline-block;background:#fff4d6;border:1px solid #e0b84c;padding:2px 8px;font-weight:bold}
            .muted{color:#666}.up{color:#a33}.down{color:#2a6a2a}
            @media print{section{break-inside:avoid}}
            """;

    private ComplianceHtml() { }

    static String render(ComplianceReport r) {
        Html h = new Html();
        RunInfo run = r.run();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Compliance report</title>\n<style>")
                .raw(STYLE).raw("</style></head><body>\n");
        h.tag("h1", "Compliance report");
        h.raw("<p class=\"muted\">").text("Run " + run.startedAt() + " to " + run.finishedAt() + ", rule set "
                + run.ruleSetVersion() + (run.auditDate() != null ? ", audit date " + run.auditDate() : "")).raw("</p>\n");
        summary(h, r);
        categories(h, r);
        rules(h, r);
        carcs(h, r);
        payers(h, r);
        providers(h, r);
        trend(h, r);
        bypass(h, r);
        emLevels(h, r);
        runInfo(h, run);
        return h.raw("</body></html>\n").toString();
    }

    private static void summary(Html h, ComplianceReport r) {
        var c = r.claims();
        var f = r.findings();
        h.openSection("summary", "Summary").tableHead("summary", List.of("", "value"));
        h.row(List.of("Claims read", Html.integer(c.read())));
        h.row(List.of("PASS", Html.integer(c.pass())));
        h.row(List.of("REVIEW", Html.integer(c.review())));
        h.row(List.of("REJECT", Html.integer(c.reject())));
        h.row(List.of("ERROR (unreadable)", Html.integer(c.error())));
        h.row(List.of("Clean-claim rate (PASS / claims read)", Html.percent(c.cleanClaimRate())));
        h.row(List.of("Service lines", Html.integer(c.lines())));
        h.row(List.of("Total charge", Html.money(c.totalCharge())));
        h.row(List.of("Amount at risk (claims, no charge counted twice)", Html.money(c.amountAtRisk())));
        h.row(List.of("Findings (ERROR / WARNING / INFO)", Html.integer(f.total()) + " (" + Html.integer(f.error())
                + " / " + Html.integer(f.warning()) + " / " + Html.integer(f.info()) + ")"));
        h.row(List.of("Amount at risk (sum over findings)", Html.money(f.amountAtRisk())));
        h.tableEnd().closeSection();
    }

    private static void categories(Html h, ComplianceReport r) {
        h.openSection("by-category", "Findings by category");
        List<Bar> bars = r.byCategory().stream()
                .map(c -> new Bar(c.category().name(), c.findings(), Html.integer(c.findings()))).toList();
        h.raw(SvgChart.bars("chart-category", "Findings by category", bars));
        h.tableHead("by-category", List.of("category", "findings", "ERROR", "WARNING", "INFO", "claims", "amount at risk"));
        for (CategoryRow c : r.byCategory()) {
            h.row(List.of(c.category().name(), Html.integer(c.findings()), Html.integer(c.errors()),
                    Html.integer(c.warnings()), Html.integer(c.infos()), Html.integer(c.claims()), Html.money(c.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void rules(Html h, ComplianceReport r) {
        h.openSection("by-rule", "Findings by rule")
                .tableHead("by-rule", List.of("rule", "category", "severity", "findings", "claims", "amount at risk"));
        for (RuleRow x : r.byRule()) {
            h.row(List.of(x.ruleId(), String.valueOf(x.category()), String.valueOf(x.severity()), Html.integer(x.findings()),
                    Html.integer(x.claims()), Html.money(x.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void carcs(Html h, ComplianceReport r) {
        h.openSection("by-carc", "Denials by remittance code (group code and CARC)")
                .tableHead("by-carc", List.of("code", "findings", "ERROR", "WARNING", "claims", "amount at risk", "rules"));
        for (CarcRow x : r.byCarc()) {
            h.row(List.of(x.adjustment(), Html.integer(x.findings()), Html.integer(x.errors()), Html.integer(x.warnings()),
                    Html.integer(x.claims()), Html.money(x.amountAtRisk()), String.join(", ", x.rules())));
        }
        h.tableEnd().closeSection();
    }

    private static void payers(Html h, ComplianceReport r) {
        var p = r.byPayer();
        h.openSection("by-payer", "By payer (top " + p.rows().size() + " of " + p.count() + ")")
                .tableHead("by-payer", List.of("payer", "claims", "rejected", "findings", "amount at risk"));
        List<PayerRow> rows = new ArrayList<>(p.rows());
        if (p.others() != null) {
            rows.add(p.others());
        }
        for (PayerRow x : rows) {
            h.row(List.of(x.payerId(), Html.integer(x.claims()), Html.integer(x.rejected()), Html.integer(x.findings()),
                    Html.money(x.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void providers(Html h, ComplianceReport r) {
        var p = r.byProvider();
        h.openSection("by-provider", "By rendering provider (top " + p.rows().size() + " of " + p.count() + ")");
        List<Bar> bars = p.rows().stream()
                .map(x -> new Bar(x.npi(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList();
        h.raw(SvgChart.bars("chart-provider", "Amount at risk by provider, top " + p.rows().size(), bars));
        h.tableHead("by-provider", List.of("NPI", "claims", "lines", "findings", "amount at risk"));
        List<ProviderRow> rows = new ArrayList<>(p.rows());
        if (p.others() != null) {
            rows.add(p.others());
        }
        for (ProviderRow x : rows) {
            h.row(List.of(x.npi(), Html.integer(x.claims()), Html.integer(x.lines()), Html.integer(x.findings()),
                    Html.money(x.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void trend(Html h, ComplianceReport r) {
        h.openSection("trend", "Findings by month of service");
        List<Bar> bars = r.byServiceMonth().stream()
                .map(m -> new Bar(m.month(), m.findings(), Html.integer(m.findings()))).toList();
        h.raw(SvgChart.columns("chart-trend", "Findings by month of service", bars));
        h.tableHead("trend", List.of("month", "findings", "amount at risk"));
        for (MonthRow m : r.byServiceMonth()) {
            h.row(List.of(m.month(), Html.integer(m.findings()), Html.money(m.amountAtRisk())));
        }
        h.tableEnd();
        if (r.findings().withoutServiceDate() > 0) {
            h.raw("<p class=\"muted\">").text(Html.integer(r.findings().withoutServiceDate())
                    + " finding(s) on claims without a date of service are not charted.").raw("</p>\n");
        }
        h.closeSection();
    }

    private static void bypass(Html h, ComplianceReport r) {
        var b = r.modifierBypass();
        h.openSection("modifier-59x", "Modifier " + String.join("/", b.modifiers()) + " usage by rendering provider");
        h.raw("<p>").text("Run average: " + Html.integer(b.linesWithModifier()) + " of " + Html.integer(b.lines())
                + " lines (" + Html.percent(b.rate()) + "). Providers ranked by lines above what the run average "
                + "predicts for their volume (top " + b.providers().size() + " of " + b.providerCount() + ").").raw("</p>\n");
        h.tableHead("modifier-59x", List.of("NPI", "lines", "lines with modifier", "rate", "expected at run rate",
                "excess", "rate / run rate"));
        for (BypassRow x : b.providers()) {
            h.row(List.of(x.npi(), Html.integer(x.lines()), Html.integer(x.linesWithModifier()), Html.percent(x.rate()),
                    x.expectedAtRunRate().toPlainString(), x.excess().toPlainString(),
                    x.ratioToRun() == null ? "\u2013" : x.ratioToRun().toPlainString() + "\u00d7"));
        }
        h.tableEnd().closeSection();
    }

    private static void emLevels(Html h, ComplianceReport r) {
        var e = r.emLevels();
        h.openSection("em-levels", "E/M level distribution by rendering provider");
        h.raw("<p><span class=\"signal\">Signal, not a finding</span> ").text(e.note()).raw("</p>\n");
        List<String> headers = new ArrayList<>(List.of("provider", "new visits"));
        headers.addAll(ComplianceTally.EM_NEW);
        headers.addAll(List.of("mean", "established visits"));
        headers.addAll(ComplianceTally.EM_ESTABLISHED);
        headers.add("mean");
        h.tableHead("em-levels", headers);
        h.rowHtml(emCells("All providers (run)", e.run().newPatient(), e.run().established(), null, null));
        for (EmProviderRow p : e.providers()) {
            h.rowHtml(emCells(p.npi(), p.newPatient(), p.established(), e.run().newPatient(), e.run().established()));
        }
        h.tableEnd();
        h.raw("<p class=\"muted\">").text("Shares within each family; in brackets the difference from the run in "
                + "percentage points. Top " + e.providers().size() + " of " + e.providerCount()
                + " providers by E/M visits.").raw("</p>\n");
        h.closeSection();
    }

    private static List<String> emCells(String who, EmFamily newPatient, EmFamily established, EmFamily runNew,
                                        EmFamily runEstablished) {
        List<String> cells = new ArrayList<>();
        cells.add(Html.escape(who));
        family(cells, newPatient, runNew);
        family(cells, established, runEstablished);
        return cells;
    }

    private static void family(List<String> cells, EmFamily f, EmFamily run) {
        cells.add(Html.integer(f.visits()));
        for (Map.Entry<String, BigDecimal> share : f.shares().entrySet()) {
            String cell = Html.escape(Html.percent(share.getValue()));
            BigDecimal base = run == null ? null : run.shares().get(share.getKey());
            if (share.getValue() != null && base != null) {
                BigDecimal pts = share.getValue().subtract(base).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
                String css = pts.signum() > 0 ? "up" : pts.signum() < 0 ? "down" : "muted";
                cell += " <span class=\"" + css + "\">(" + (pts.signum() > 0 ? "+" : "") + pts.toPlainString() + ")</span>";
            }
            cells.add(cell);
        }
        cells.add(f.meanLevel() == null ? "\u2013" : f.meanLevel().toPlainString());
    }

    private static void runInfo(Html h, RunInfo run) {
        h.openSection("run", "Run: rules, reference data, inputs, time");
        h.tableHead("run", List.of("", "value"));
        h.row(List.of("Started", String.valueOf(run.startedAt())));
        h.row(List.of("Finished", String.valueOf(run.finishedAt())));
        h.row(List.of("Duration", String.format(java.util.Locale.ROOT, "%.3f s", run.durationMillis() / 1000.0)));
        h.row(List.of("Audit date (--today)", run.auditDate() == null ? "" : run.auditDate().toString()));
        h.row(List.of("Rule set version", String.valueOf(run.ruleSetVersion())));
        h.tableEnd();
        h.tag("h3", "Reference data");
        h.raw("<ul class=\"reference-data\">\n");
        run.referenceData().forEach(line -> h.raw("<li>").text(line).raw("</li>\n"));
        h.raw("</ul>\n");
        h.tag("h3", "Inputs");
        h.tableHead("inputs", List.of("file", "role", "bytes", "SHA-256"));
        for (InputFile f : run.inputs()) {
            h.rowHtml(List.of(Html.escape(f.path()), Html.escape(f.role()), Html.integer(f.bytes()),
                    "<code>" + f.sha256() + "</code>"));
        }
        h.tableEnd().closeSection();
    }
}
