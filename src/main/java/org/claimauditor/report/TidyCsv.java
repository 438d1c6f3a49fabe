package org.claimauditor.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code compliance-report.csv}: every value of the compliance JSON as one {@code section,key,metric,value}
 * record ("long" form), so a spreadsheet pivot rebuilds any table and no JSON field is left out. Rows of an
 * array are keyed by their first field (category, rule id, payer, NPI, month, input path).
 */
final class TidyCsv {

    static final java.util.List<String> HEADER = java.util.List.of("section", "key", "metric", "value");

    private final CsvWriter csv;

    private TidyCsv(CsvWriter csv) {
        this.csv = csv;
    }

    static void write(JsonNode report, CsvWriter csv) throws IOException {
        csv.row(HEADER);
        TidyCsv t = new TidyCsv(csv);
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            t.walk(e.getKey(), "", "", e.getValue());
        }
        csv.flush();
    }

    private void walk(String section, String key, String metric, JsonNode node) throws IOException {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(section, key, join(metric, e.getKey()), e.getValue());
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            String rows = join(section, metric);
            for (JsonNode row : node) {
                Iterator<Map.Entry<String, JsonNode>> it = row.fields();
                String rowKey = it.hasNext() ? it.next().getValue().asText() : "";
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    walk(rows, rowKey, e.getKey(), e.getValue());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(section, key, metric + "[" + i + "]", node.get(i));
            }
        } else {
            Object value = node.isNull() ? null : node.isNumber() ? node.decimalValue() : node.asText();
            csv.row(Arrays.asList(section, key, metric, value));
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
    }
}
