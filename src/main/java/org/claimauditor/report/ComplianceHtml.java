package org.claimauditor.report;

import org.claimauditor.report.ComplianceReport.BypassRow;
import org.claimauditor.report.ComplianceReport.CarcRow;
import org.claimauditor.report.ComplianceReport.CategoryRow;
import org.claimauditor.report.ComplianceReport.CodeRow;
import org.claimauditor.report.ComplianceReport.DeviationRow;
import org.claimauditor.report.ComplianceReport.FixFirstRow;
import org.claimauditor.report.ComplianceReport.Rates;
import org.claimauditor.report.ComplianceReport.TopClaim;
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
            .muted{color:#555}.up{color:#a33}.down{color:#2a6a2a}.flag{color:#a33;font-weight:bold}
            table.by-rule td:last-child,table.fix-first td:nth-child(3),table.top-claims td:nth-child(7){text-align:left}
            table.deviations td:nth-child(2),table.deviations td:nth-child(3){text-align:left}ol.headlines li{margin:2px 0}
            .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
            .lead{page-break-inside:avoid;break-inside:avoid}.small{display:inline-block;margin:0 12px 8px 0;vertical-align:top}
            @page{size:A4 landscape;margin:12mm}
            @media print{body{margin:0;max-width:none;font-size:11px}svg,table,tr,.chart{break-inside:avoid;page-break-inside:avoid}
            h2{break-after:avoid;page-break-after:avoid}a{color:inherit}}
            """;

    private ComplianceHtml() { }

    static String render(ComplianceReport r) {
        Html h = new Html();
        RunInfo run = r.run();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n<title>Compliance report</title>\n<style>")
                .raw(STYLE).raw("</style></head><body>\n");
        h.tag("h1", "Compliance report");
        h.raw("<p class=\"muted\">").text("Run " + run.startedAt() + " to " + run.finishedAt() + ", rule set "
                + run.ruleSetVersion() + (run.auditDate() != null ? ", audit date " + run.auditDate() : "")).raw("</p>\n");
        headlines(h, r);
        summary(h, r);
        fixFirst(h, r);
        deviations(h, r);
        rules(h, r);
        topClaims(h, r);
        codes(h, r);
        providers(h, r);
        payers(h, r);
        trend(h, r);
        categories(h, r);
        carcs(h, r);
        bypass(h, r);
        emLevels(h, r);
        runInfo(h, run);
        return h.raw("</body></html>\n").toString();
    }

    private static void summary(Html h, ComplianceReport r) {
        var c = r.claims();
        var f = r.findings();
        h.openSection("summary", "Summary");
        h.lead(SvgChart.bars("chart-status", "Claims by status", List.of(
                new Bar("PASS", c.pass(), Html.integer(c.pass())), new Bar("REVIEW", c.review(), Html.integer(c.review())),
                new Bar("REJECT", c.reject(), Html.integer(c.reject())), new Bar("ERROR", c.error(), Html.integer(c.error())))));
        h.tableHead("summary", List.of("", "value"));
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

    /** The answers to an auditor's first questions, on the first page: what costs most, who deviates. */
    private static void headlines(Html h, ComplianceReport r) {
        List<String> items = new ArrayList<>();
        deviators(items, r);
        r.byRule().stream().filter(x -> x.amountAtRisk().signum() > 0).limit(3).forEach(x -> items.add(
                "Rule " + Html.escape(x.ruleId()) + describe(x.description()) + ": " + Html.money(x.amountAtRisk())
                        + " at risk on " + Html.integer(x.claims()) + " claim(s)."));
        r.topClaims().stream().limit(3).forEach(c -> items.add("Claim " + Html.escape(c.claimId()) + " (provider "
                + Html.escape(c.providerNpi()) + "): " + Html.money(c.amountAtRisk()) + " at risk, "
                + Html.escape(String.join(", ", c.rules())) + "."));
        h.raw("<div id=\"headlines\">").tag("h2", "Headlines");
        h.raw("<ol class=\"headlines\">\n");
        items.forEach(i -> h.raw("<li>").raw(i).raw("</li>\n"));
        h.raw("</ol></div>\n");
    }

    private static void deviators(List<String> items, ComplianceReport r) {
        var d = r.deviations();
        if (!d.flaggedProviders().isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String npi : d.flaggedProviders().stream().limit(8).toList()) {
                List<String> measures = d.rows().stream().filter(x -> x.flagged() && x.npi().equals(npi))
                        .map(DeviationRow::measure).toList();
                named.add(Html.escape(npi) + (measures.isEmpty() ? "" : " (" + Html.escape(String.join(", ", measures)) + ")"));
            }
            items.add("<span class=\"flag\">" + Html.integer(d.flaggedProviders().size())
                    + " provider(s) code significantly above their peers</span>: " + String.join("; ", named)
                    + (d.flaggedProviders().size() > named.size() ? "; \u2026" : "") + ".");
        } else {
            items.add("No provider codes significantly above its peers (" + Html.integer(d.tests()) + " tests).");
        }
    }

    private static String describe(String description) {
        return description == null ? "" : " (" + Html.escape(description) + ")";
    }

    private static void fixFirst(Html h, ComplianceReport r) {
        h.openSection("fix-first", "Fix first: rule and provider pairs with the most money at risk");
        List<Bar> bars = r.fixFirst().stream().map(x -> new Bar(x.ruleId() + " / " + x.npi(),
                x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList();
        h.lead(SvgChart.bars("chart-fix-first", "Money at risk by rule and provider", bars));
        h.tableHead("fix-first", List.of("rule", "provider (NPI)", "what the rule checks", "findings", "claims",
                "amount at risk"));
        for (FixFirstRow x : r.fixFirst()) {
            h.rowHtml(List.of(Html.escape(x.ruleId()), Html.escape(x.npi()),
                    "<span class=\"desc\">" + Html.escape(x.description()) + "</span>", Html.integer(x.findings()),
                    Html.integer(x.claims()), Html.money(x.amountAtRisk())));
        }
        h.tableEnd();
        h.raw("<p class=\"muted\">").text("Sum of the findings' amounts of each pair; a line two rules deny counts "
                + "in both pairs.").raw("</p>\n");
        h.closeSection();
    }

    private static void deviations(Html h, ComplianceReport r) {
        var d = r.deviations();
        h.openSection("deviations", "Providers who deviate from their peers");
        List<Bar> bars = d.rows().stream().filter(x -> x.z().signum() > 0).limit(15)
                .map(x -> new Bar(x.npi() + " " + x.measure(), x.z().doubleValue(), "z " + x.z().toPlainString()
                        + (x.flagged() ? " *" : ""))).toList();
        h.lead(SvgChart.bars("chart-deviation", "Deviation from peers (z), most significant first", bars));
        h.raw("<p><span class=\"signal\">Signal, not a finding</span> ").text(d.method()).raw("</p>\n");
        h.raw("<p>").text(Html.integer(d.tests()) + " tests; " + Html.integer(d.flagged()) + " flagged (*) for "
                + Html.integer(d.flaggedProviders().size()) + " provider(s); the " + d.rows().size()
                + " most significant are listed.").raw("</p>\n");
        h.tableHead("deviations", List.of("provider", "measure", "peers", "volume", "value", "peer value", "z",
                "p", "chi-square p", "flag"));
        for (DeviationRow x : d.rows()) {
            h.rowHtml(List.of(Html.escape(x.npi()), Html.escape(x.measure()),
                    Html.escape(x.peerGroup() + " (" + x.peerProviders() + ")"), Html.integer(x.volume()),
                    value(x, x.value()), value(x, x.peerValue()), x.z().toPlainString(), pValue(x.pValue()),
                    x.chiSquareP() == null ? "" : pValue(x.chiSquareP()),
                    x.flagged() ? "<span class=\"flag\">*</span>" : ""));
        }
        h.tableEnd();
        List<DeviationRow> flagged = d.rows().stream().filter(DeviationRow::flagged).limit(8).toList();
        if (!flagged.isEmpty()) {
            h.tag("h3", "Flagged providers beside their peers");
            h.raw("<p class=\"legend\"><span style=\"background:" + SvgChart.COLOR + "\"></span>provider"
                    + "<span style=\"background:" + SvgChart.PEER_COLOR + "\"></span>peers</p>\n");
            int i = 0;
            for (DeviationRow x : flagged) {
                // A rate's "without" bar only mirrors "with": one pair of bars says it.
                List<String> keys = x.measure().startsWith("em-") ? new ArrayList<>(x.shares().keySet()) : List.of("with");
                List<double[]> values = new ArrayList<>();
                for (String k : keys) {
                    values.add(new double[]{share(x.shares().get(k)), share(x.peerShares().get(k))});
                }
                h.raw("<div class=\"small\">").raw(SvgChart.grouped("chart-deviation-" + (++i), x.npi() + " "
                        + x.measure() + " vs " + x.peerGroup() + " peers", keys, values)).raw("</div>");
            }
        }
        h.closeSection();
    }

    private static double share(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue();
    }

    private static String value(DeviationRow x, BigDecimal v) {
        return x.measure().startsWith("em-") ? v.toPlainString() : Html.percent(v);
    }

    private static String pValue(double p) {
        return p == 0 ? "&lt; 1e-300" : Html.escape(String.format(java.util.Locale.ROOT, "%.2g", p));
    }

    private static void topClaims(Html h, ComplianceReport r) {
        h.openSection("top-claims", "The " + r.topClaims().size() + " claims with the most money at risk");
        List<Bar> bars = r.topClaims().stream().limit(10).map(c -> new Bar(c.claimId(), c.amountAtRisk().doubleValue(),
                Html.money(c.amountAtRisk()))).toList();
        h.lead(SvgChart.bars("chart-top-claims", "Money at risk, top 10 claims", bars));
        h.tableHead("top-claims", List.of("claim", "provider (NPI)", "payer", "date of service", "status", "findings",
                "rules", "charge", "amount at risk"));
        for (TopClaim c : r.topClaims()) {
            h.row(List.of(c.claimId(), String.valueOf(c.providerNpi()), String.valueOf(c.payerId()),
                    c.serviceDate() == null ? "" : c.serviceDate().toString(), c.status(), Html.integer(c.findings()),
                    String.join(", ", c.rules()), Html.money(c.totalCharge()), Html.money(c.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void codes(Html h, ComplianceReport r) {
        var p = r.byProcedureCode();
        h.openSection("by-code", "By procedure code (top " + p.rows().size() + " of " + p.count() + ")");
        List<Bar> bars = p.rows().stream().limit(15)
                .map(x -> new Bar(x.procedureCode(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList();
        h.lead(SvgChart.bars("chart-code", "Money at risk by procedure code", bars));
        h.tableHead("by-code", List.of("code", "claims", "lines", "findings", "amount at risk", "findings / claim",
                "rejected", "at risk / claim"));
        List<CodeRow> rows = new ArrayList<>(p.rows());
        if (p.others() != null) {
            rows.add(p.others());
        }
        for (CodeRow x : rows) {
            List<String> cells = new ArrayList<>(List.of(x.procedureCode(), Html.integer(x.claims()),
                    Html.integer(x.lines()), Html.integer(x.findings()), Html.money(x.amountAtRisk())));
            cells.addAll(rates(x.rates()));
            h.row(cells);
        }
        h.tableEnd().closeSection();
    }

    private static List<String> rates(Rates r) {
        return List.of(r.findingsPerClaim() == null ? "\u2013" : r.findingsPerClaim().setScale(2,
                        java.math.RoundingMode.HALF_UP).toPlainString(), Html.percent(r.rejectedShare()),
                Html.money(r.amountAtRiskPerClaim()));
    }

    private static void categories(Html h, ComplianceReport r) {
        h.openSection("by-category", "Findings by category");
        List<Bar> bars = r.byCategory().stream()
                .map(c -> new Bar(c.category().name(), c.findings(), Html.integer(c.findings()))).toList();
        h.lead(SvgChart.bars("chart-category", "Findings by category", bars));
        h.tableHead("by-category", List.of("category", "findings", "ERROR", "WARNING", "INFO", "claims", "amount at risk"));
        for (CategoryRow c : r.byCategory()) {
            h.row(List.of(c.category().name(), Html.integer(c.findings()), Html.integer(c.errors()),
                    Html.integer(c.warnings()), Html.integer(c.infos()), Html.integer(c.claims()), Html.money(c.amountAtRisk())));
        }
        h.tableEnd().closeSection();
    }

    private static void rules(Html h, ComplianceReport r) {
        h.openSection("by-rule", "Money at risk by rule");
        List<Bar> bars = r.byRule().stream().filter(x -> x.amountAtRisk().signum() > 0).limit(15)
                .map(x -> new Bar(x.ruleId(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList();
        h.lead(SvgChart.bars("chart-rule", "Money at risk by rule", bars));
        h.tableHead("by-rule", List.of("rule", "category", "severity", "findings", "claims", "amount at risk",
                "findings / claim", "rejected", "at risk / claim", "what the rule checks"));
        for (RuleRow x : r.byRule()) {
            List<String> cells = new ArrayList<>(List.of(Html.escape(x.ruleId()), Html.escape(String.valueOf(x.category())),
                    Html.escape(String.valueOf(x.severity())), Html.integer(x.findings()), Html.integer(x.claims()),
                    Html.money(x.amountAtRisk())));
            rates(x.rates()).forEach(c -> cells.add(Html.escape(c)));
            cells.add("<span class=\"desc\">" + Html.escape(x.description()) + "</span>");
            h.rowHtml(cells);
        }
        h.tableEnd().closeSection();
    }

    private static void carcs(Html h, ComplianceReport r) {
        h.openSection("by-carc", "Denials by remittance code (group code and CARC)");
        h.lead(SvgChart.bars("chart-carc", "Money at risk by remittance code", r.byCarc().stream().limit(15)
                .map(x -> new Bar(x.adjustment(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList()));
        h.tableHead("by-carc", List.of("code", "findings", "ERROR", "WARNING", "claims", "amount at risk", "rules"));
        for (CarcRow x : r.byCarc()) {
            h.row(List.of(x.adjustment(), Html.integer(x.findings()), Html.integer(x.errors()), Html.integer(x.warnings()),
                    Html.integer(x.claims()), Html.money(x.amountAtRisk()), String.join(", ", x.rules())));
        }
        h.tableEnd().closeSection();
    }

    private static void payers(Html h, ComplianceReport r) {
        var p = r.byPayer();
        h.openSection("by-payer", "By payer (top " + p.rows().size() + " of " + p.count() + ")");
        h.lead(SvgChart.bars("chart-payer", "Money at risk by payer", p.rows().stream()
                .map(x -> new Bar(x.payerId(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList()));
        h.tableHead("by-payer", List.of("payer", "claims", "rejected", "findings", "amount at risk",
                        "findings / claim", "rejected share", "at risk / claim"));
        List<PayerRow> rows = new ArrayList<>(p.rows());
        if (p.others() != null) {
            rows.add(p.others());
        }
        for (PayerRow x : rows) {
            List<String> cells = new ArrayList<>(List.of(x.payerId(), Html.integer(x.claims()), Html.integer(x.rejected()),
                    Html.integer(x.findings()), Html.money(x.amountAtRisk())));
            cells.addAll(rates(x.rates()));
            h.row(cells);
        }
        h.tableEnd().closeSection();
    }

    private static void providers(Html h, ComplianceReport r) {
        var p = r.byProvider();
        h.openSection("by-provider", "By rendering provider (top " + p.rows().size() + " of " + p.count() + ")");
        List<Bar> bars = p.rows().stream()
                .map(x -> new Bar(x.npi(), x.amountAtRisk().doubleValue(), Html.money(x.amountAtRisk()))).toList();
        h.lead(SvgChart.bars("chart-provider", "Amount at risk by provider, top " + p.rows().size(), bars));
        h.tableHead("by-provider", List.of("NPI", "claims", "lines", "findings", "amount at risk", "findings / claim",
                "rejected", "at risk / claim"));
        List<ProviderRow> rows = new ArrayList<>(p.rows());
        if (p.others() != null) {
            rows.add(p.others());
        }
        for (ProviderRow x : rows) {
            List<String> cells = new ArrayList<>(List.of(x.npi(), Html.integer(x.claims()), Html.integer(x.lines()),
                    Html.integer(x.findings()), Html.money(x.amountAtRisk())));
            cells.addAll(rates(x.rates()));
            h.row(cells);
        }
        h.tableEnd().closeSection();
    }

    private static void trend(Html h, ComplianceReport r) {
        h.openSection("trend", "Findings by month of service");
        List<Bar> bars = r.byServiceMonth().stream()
                .map(m -> new Bar(m.month(), m.findings(), Html.integer(m.findings()))).toList();
        h.lead(SvgChart.columns("chart-trend", "Findings by month of service", bars));
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
        h.lead(SvgChart.bars("chart-59x", "Lines with the modifier above the run rate's prediction",
                b.providers().stream().limit(15).map(x -> new Bar(x.npi(), Math.max(0, x.excess().doubleValue()), x.excess().toPlainString()))
                .toList()));
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
        h.lead(SvgChart.bars("chart-em-run", "Established-patient office visits by level, whole run",
                e.run().established().counts().entrySet().stream().map(x -> new Bar(x.getKey(), x.getValue(),
                        Html.integer(x.getValue()) + " (" + Html.percent(e.run().established().shares().get(x.getKey()))
                                + ")")).toList()));
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
        h.openSection("run", "Run: rules, reference data, inputs, time").lead("");
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
