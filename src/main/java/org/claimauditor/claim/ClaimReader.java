package org.claimauditor.claim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads claims from a JSON object, a JSON array of objects, or JSON Lines. Every input entry yields one
 * {@link ClaimInput}: a claim that cannot be read becomes an error entry naming its origin and the JSON
 * path of the problem, so a batch of N claims always gives N results.
 */
public final class ClaimReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // keep charges exact (45.00 stays 45.00, not the double 45.0)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** A JSON Lines entry must be exactly one value: "{...} junk" is an error, not a silently cut line. */
    private static final com.fasterxml.jackson.databind.ObjectReader LINE_READER =
            MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ClaimReader() { }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** All {@code .json} / {@code .jsonl} files named or found (recursively, sorted) under the given paths. */
    public static List<Path> expandInputs(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                            .sorted()
                            .forEach(files::add);
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

    /** Reads every claim of the files in order; indexes continue across files. */
    public static List<ClaimInput> readFiles(List<Path> files) {
        List<ClaimInput> out = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                out.add(ClaimInput.failed(out.size(), f.toString(), null, f + ": cannot read file: " + e.getMessage()));
                continue;
            }
            out.addAll(read(text, f.toString(), f.toString().endsWith(".jsonl"), out.size()));
        }
        return out;
    }

    /**
     * Reads a document that holds one claim, an array of claims, or claims one per line.
     * {@code jsonLines} forces line-by-line reading (so a malformed line does not hide the ones after it).
     */
    public static List<ClaimInput> read(String text, String name, boolean jsonLines, int firstIndex) {
        String trimmed = text.stripLeading();
        if (jsonLines || (!trimmed.startsWith("[") && looksLikeJsonLines(trimmed))) {
            return readLines(text, name, firstIndex);
        }
        return readDocument(text, name, firstIndex);
    }

    /** Reads a single claim (REST pre-screen); the error, if any, names the JSON path. */
    public static ClaimInput readOne(String text, String name) {
        List<ClaimInput> all = readDocument(text, name, 0);
        if (all.size() == 1) {
            return all.get(0);
        }
        return ClaimInput.failed(0, name, null, name + ": expected exactly one claim object, found " + all.size());
    }

    private static boolean looksLikeJsonLines(String trimmed) {
        // More than one non-blank line, each starting with '{': JSON Lines even without the .jsonl name.
        long objectLines = trimmed.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3)
                .filter(l -> l.startsWith("{") && l.endsWith("}")).count();
        long nonBlank = trimmed.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).count();
        return nonBlank > 1 && objectLines == nonBlank;
    }

    private static List<ClaimInput> readLines(String text, String name, int firstIndex) {
        List<ClaimInput> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String origin = name + ":" + (i + 1);
            int index = firstIndex + out.size();
            try {
                JsonNode node = LINE_READER.readTree(lines[i]);
                out.add(fromNode(node, index, origin));
            } catch (JsonProcessingException e) {
                out.add(ClaimInput.failed(index, origin, null, origin + ": malformed JSON: " + e.getOriginalMessage()));
            }
        }
        return out;
    }

    private static List<ClaimInput> readDocument(String text, String name, int firstIndex) {
        List<ClaimInput> out = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return out;
            }
            if (first == JsonToken.START_ARRAY) {
                int element = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new JsonParseException(parser, "unexpected end of input inside the array");
                    }
                    String origin = name + "[" + element++ + "]";
                    JsonNode node = MAPPER.readTree(parser);
                    out.add(fromNode(node, firstIndex + out.size(), origin));
                }
            } else {
                int element = 0;
                do {
                    String origin = element == 0 ? name : name + "#" + element;
                    element++;
                    JsonNode node = MAPPER.readTree(parser);
                    out.add(fromNode(node, firstIndex + out.size(), origin));
                } while (parser.nextToken() != null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? name : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            out.add(ClaimInput.failed(firstIndex + out.size(), where, null,
                    where + ": malformed JSON, the rest of this input could not be read: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static ClaimInput fromNode(JsonNode node, int index, String origin) {
        String claimId = node != null && node.path("claimId").isTextual() ? node.path("claimId").asText() : null;
        if (node == null || !node.isObject()) {
            return ClaimInput.failed(index, origin, claimId, origin + ": $: expected a claim object");
        }
        try {
            Claim claim = MAPPER.treeToValue(node, Claim.class);
            return ClaimInput.ok(index, origin, claim);
        } catch (JsonMappingException e) {
            return ClaimInput.failed(index, origin, claimId, origin + ": " + describe(e));
        } catch (JsonProcessingException e) {
            return ClaimInput.failed(index, origin, claimId, origin + ": " + e.getOriginalMessage());
        }
    }

    /** "$.lines[0].units: ..." — the JSON path of the problem and what was wrong, in plain words. */
    public static String describe(JsonMappingException e) {
        String path = jsonPath(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            return path + ": unknown field '" + u.getPropertyName() + "' (known: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String expected = target.isEnum()
                    ? "one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    : expectedName(target);
            return path + ": invalid value '" + f.getValue() + "', expected " + expected;
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return path + ": " + (cut > 0 ? message.substring(0, cut) : message);
    }

    private static String expectedName(Class<?> target) {
        if (target == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target == java.math.BigDecimal.class) {
            return "a number";
        }
        return target.getSimpleName();
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
