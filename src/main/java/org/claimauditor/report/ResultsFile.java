package org.claimauditor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.claimauditor.engine.AuditResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes {@code audit-results.json}: written to a temporary file and moved into place, so a crash never leaves half a file. */
public final class ResultsFile {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ResultsFile() { }

    public static Path write(Path outDir, List<AuditResult> results) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve("audit-results.json");
        Path tmp = Files.createTempFile(outDir, ".audit-results", ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             JsonGenerator gen = JSON.getFactory().createGenerator(os)) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
            for (AuditResult r : results) {
                JSON.writeValue(gen, r);
            }
            gen.writeEndArray();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
