package org.claimauditor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON settings of the reports: ISO dates, plain decimals, every field present (null when unknown). */
final class ReportJson {

    /** Row reports: compact rows, and no flush after each row (that would be one system call per row). */
    static final ObjectMapper ROWS = base().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();

    /** The compliance report: small, indented for people. */
    static final ObjectMapper REPORT = base().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 45.00 stays 45.00 in the CSV
            .build();

    private ReportJson() { }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
