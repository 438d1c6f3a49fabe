package org.claimauditor.report;

import org.claimauditor.claim.ClaimInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML compliance report parsed with jsoup: every section, the three charts, offline and escaped. */
class ComplianceHtmlTest {

    @TempDir
    Path dir;

    Document html;

    @BeforeEach
    void writeReport() throws IOException {
        Path input = Files.writeString(dir.resolve("batch.jsonl"), "hello\n");
        ReportRun.Options options = ReportRun.Options.of(EnumSet.of(ReportFormat.HTML), List.of(input)).withTopN(2);
        try (ReportRun run = ReportRun.open(dir.resolve("out"), options)) {
            ReportBatch.write(run);
        }
        html = Jsoup.parse(dir.resolve("out/compliance-report.html").toFile(), "UTF-8");
    }

    @Test
    void hasEverySection() {
        assertThat(html.select("section").eachAttr("id")).containsExactly("summary", "fix-first", "deviations",
                "by-rule", "top-claims", "by-code", "by-provider", "by-payer", "trend", "by-category", "by-carc",
                "modifier-59x", "em-levels", "run");
        assertThat(html.title()).isEqualTo("Compliance report");
        Element summary = html.getElementById("summary");
        assertThat(cell(summary, "Claims read")).isEqualTo("7");
        assertThat(cell(summary, "REJECT")).isEqualTo("3");
        assertThat(cell(summary, "Clean-claim rate (PASS / claims read)")).isEqualTo("28.57 %");
        assertThat(cell(summary, "Amount at risk (claims, no charge counted twice)")).isEqualTo("740.00");
        assertThat(cell(html.getElementById("by-rule"), "CLAIM-REQUIRED-FIELD")).isEqualTo("CLAIM_DATA");
        assertThat(cell(html.getElementById("by-carc"), "CO-96")).isEqualTo("2"); // the two MUE denials
        assertThat(html.getElementById("by-payer").select("tbody tr")).hasSize(2);
        assertThat(html.getElementById("by-provider").select("tbody th").eachText())
                .containsExactly(ReportBatch.A, ReportBatch.B, "(others)");
        assertThat(html.getElementById("modifier-59x").text()).contains("4 of 12 lines (33.33 %)");
        Element em = html.getElementById("em-levels");
        assertThat(em.select(".signal").text()).isEqualTo("Signal, not a finding");
        assertThat(em.select("tbody tr").first().text()).startsWith("All providers (run) 2 0.00 % 50.00 %");
        Element run = html.getElementById("run");
        assertThat(run.text()).contains(ReportBatch.RULE_SET)
                .contains("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(run.select("ul.reference-data li").eachText()).isEqualTo(ReportBatch.ALL_REFERENCE);
    }

    @Test
    void everySectionButTheRunIsLedByAChart() {
        for (Element section : html.select("section")) {
            Element lead = section.child(0);
            assertThat(lead.hasClass("lead")).as(section.id()).isTrue(); // heading and chart kept on one page
            assertThat(lead.child(0).tagName()).isEqualTo("h2");
            if (!section.id().equals("run")) {
                assertThat(lead.child(1).tagName()).as(section.id()).isEqualTo("svg");
            }
        }
        assertThat(html.getElementById("chart-rule").select("rect > title").eachText()).startsWith(
                "CLAIM-REQUIRED-FIELD: 600.00", "NCCI-MUE-LINE: 210.00");
        // Before every section: who deviates (nobody here: three providers are below the minimum volume), the
        // costliest rules, the costliest claims.
        assertThat(html.body().child(2).id()).isEqualTo("headlines");
        assertThat(html.select("#headlines ol.headlines li").eachText()).startsWith(
                "No provider codes significantly above its peers (0 tests).",
                "Rule CLAIM-REQUIRED-FIELD: 600.00 at risk on 1 claim(s).");
    }

    @Test
    void drawsSvgCharts() {
        Elements svgs = html.select("svg");
        assertThat(svgs.eachAttr("id")).contains("chart-category", "chart-provider", "chart-trend");
        Element category = html.getElementById("chart-category");
        assertThat(category.select("rect")).hasSize(8); // one bar per category, zeros included
        assertThat(category.select("rect > title").eachText()).contains("PTP: 2", "CLAIM_DATA: 3", "DEMOGRAPHIC: 0");
        Element provider = html.getElementById("chart-provider");
        assertThat(provider.select("rect > title").eachText())
                .containsExactly(ReportBatch.A + ": 360.00", ReportBatch.B + ": 300.00");
        Element trend = html.getElementById("chart-trend");
        assertThat(trend.select("rect > title").eachText()).containsExactly("2026-01: 3", "2026-02: 4", "2026-03: 2");
        // The longest bar spans the plot; others are in proportion.
        List<Double> widths = category.select("rect").stream().map(r -> Double.parseDouble(r.attr("width"))).toList();
        // 760 wide less 110 for the numbers and 16 + 7 px per character of the longest label, CODE_VALIDITY: 543
        assertThat(widths.get(7)).isEqualTo(543.0); // CLAIM_DATA, 3 findings
        assertThat(widths.get(0)).isEqualTo(362.0); // PTP, 2 findings
    }

    @Test
    void worksOfflineWithNoScriptOrExternalResource() throws IOException {
        assertThat(html.select("script, link, img, iframe, object")).isEmpty();
        assertThat(html.select("[src], [href]")).isEmpty();
        assertThat(html.select("style")).hasSize(1);
        // The top-claims table shows the submitted claim id ReportBatch.FORMULA_ID, a link as escaped text; leave it out.
        String raw = Files.readString(dir.resolve("out/compliance-report.html"), StandardCharsets.UTF_8)
                .replace(Html.escape(ReportBatch.FORMULA_ID), "");
        assertThat(raw).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
    }

    @Test
    void escapesTextFromClaims() throws IOException {
        Path out = dir.resolve("escaped");
        try (ReportRun run = ReportRun.open(out, ReportRun.Options.of(EnumSet.of(ReportFormat.HTML), List.of()))) {
            var claim = ReportBatch.claim("X1", "<b>Payer & Co</b>", ReportBatch.A, null, "P",
                    ReportBatch.line(1, "2026-05-01", "99213", List.of(), "10.00", null));
            ReportBatch.Entry e = ReportBatch.entry(1, claim);
            run.accept(ClaimInput.ok(0, "x", claim), e.result());
            run.finish();
        }
        Document doc = Jsoup.parse(out.resolve("compliance-report.html").toFile(), "UTF-8");
        assertThat(doc.select("b")).isEmpty();
        assertThat(doc.getElementById("by-payer").select("tbody th").text()).isEqualTo("<b>Payer & Co</b>");
    }

    private static String cell(Element section, String rowHeader) {
        return section.select("tbody tr").stream()
                .filter(tr -> tr.child(0).text().equals(rowHeader))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + rowHeader))
                .child(1).text();
    }
}
