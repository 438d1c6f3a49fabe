package org.claimauditor.web.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charts of a run's compliance report, taken from the {@code compliance-report.html} the report writer made
 * (inline SVG drawn by {@code report.SvgChart}, every text escaped there), so the page shows the very charts of the
 * downloadable report without a chart library.
 */
final class ComplianceCharts {

    static final String REPORT = "compliance-report.html";

    private static final Pattern CHART = Pattern.compile("<svg id=\"chart-[a-z-]+\"[^>]*aria-label=\"([^\"]*)\".*?</svg>",
            Pattern.DOTALL);

    /** One chart: its title (HTML-escaped by the report writer, as is the SVG) and its markup. */
    record Chart(String escapedTitle, String svg) { }

    private ComplianceCharts() { }

    static List<Chart> of(Path outDir) throws IOException {
        Path report = outDir.resolve(REPORT);
        if (!Files.isRegularFile(report)) {
            return List.of();
        }
        Matcher m = CHART.matcher(Files.readString(report, StandardCharsets.UTF_8));
        return m.results().map(r -> new Chart(r.group(1), r.group())).toList();
    }
}
