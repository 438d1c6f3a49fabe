package org.claimauditor.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** compliance-report.pdf, read back with PDFBox: pages, the first page's headlines, every section and chart. */
class CompliancePdfTest {

    @TempDir
    Path dir;

    @Test
    void pdfHasTheHtmlReportsSectionsOnLandscapePages() throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.of(ReportFormat.PDF), List.of()))) {
            assertThat(ReportBatch.write(run)).extracting(p -> p.getFileName().toString())
                    .containsExactly("compliance-report.pdf");
        }
        Path pdf = dir.resolve("compliance-report.pdf");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(4, 20);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(doc);
            // The first page answers the first questions: the costliest rule and claim.
            assertThat(first).contains("Compliance report", "Headlines", "Rule CLAIM-REQUIRED-FIELD: 600.00 at risk",
                    "Claim C4 (provider " + ReportBatch.B + "): 300.00 at risk");
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("Fix first", "Providers who deviate from their peers", "Money at risk by rule",
                    "claims with the most money at risk", "By procedure code", "Findings by month of service",
                    "Reference data", ReportBatch.RULE_SET);
            // Chart labels are drawn as text too: the SVG charts made it into the PDF.
            assertThat(all).contains("CLAIM_DATA", "2026-02");
        }
    }
}
