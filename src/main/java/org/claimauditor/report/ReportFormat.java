package org.claimauditor.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The report file formats {@code audit --format} chooses from. */
public enum ReportFormat {
    JSON, CSV, HTML,
    /** The compliance report only, rendered from its HTML ({@code compliance-report.pdf}). */
    PDF;

    /** Parses {@code "json,csv,html"} (any case, any order); an unknown or empty list is a usage error. */
    public static Set<ReportFormat> parse(String list) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                formats.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown report format '" + name + "'; choose from json, csv, html, pdf");
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("--format needs at least one of json, csv, html, pdf");
        }
        return formats;
    }
}
