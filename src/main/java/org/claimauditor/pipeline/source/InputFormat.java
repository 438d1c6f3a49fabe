package org.claimauditor.pipeline.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The claim formats {@code audit} reads, told apart per file: {@code .csv} is a CSV extract; {@code .fhir.json} is
 * FHIR; any other {@code .json} file is FHIR when its top-level object has a {@code resourceType} field (FHIR
 * resources always do, the auditor's own claims never may); everything else is the auditor's JSON or JSON Lines,
 * which stays the default for a file named on the command line whatever its extension.
 */
public enum InputFormat {
    JSON, FHIR, CSV, X12;

    private static final List<String> X12_EXTENSIONS = List.of(".x12", ".837", ".edi");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** The format of one file (looks into a {@code .json} file's first object, never further). */
    public static InputFormat of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (X12_EXTENSIONS.stream().anyMatch(n::endsWith) || n.endsWith(".txt")) {
            return X12;
        }
        if (n.endsWith(".fhir.json")) {
            return FHIR;
        }
        if (n.endsWith(".json") && hasResourceType(file)) {
            return FHIR;
        }
        if (!n.endsWith(".json") && !n.endsWith(".jsonl") && X12SegmentReader.startsWithIsa(file)) {
            return X12; // an 837 under any other name is told by its ISA
        }
        return JSON;
    }

    /**
     * Files a folder contributes: {@code .json}, {@code .jsonl}, {@code .csv}, {@code .x12}, {@code .837},
     * {@code .edi} in any case, and {@code .txt} files that begin with {@code ISA} (other text files are left alone).
     */
    static boolean isClaimFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".csv")
                || X12_EXTENSIONS.stream().anyMatch(n::endsWith)
                || (n.endsWith(".txt") && X12SegmentReader.startsWithIsa(file));
    }

    /**
     * Every claim file named or found (recursively, in name order) under {@code inputs}; a named file is taken
     * whatever its extension, other files in a folder are left alone.
     */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(InputFormat::isClaimFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("input not found: " + p);
            }
        }
        return files;
    }

    /**
     * Whether the first top-level value is an object with a {@code resourceType} field (FHIR JSON does not fix its
     * position). Broken or unreadable JSON is not FHIR: the JSON reader then reports it with line and column.
     */
    static boolean hasResourceType(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON_FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                if ("resourceType".equals(p.currentName())) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
