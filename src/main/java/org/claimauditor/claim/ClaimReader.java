package org.claimauditor.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.claimauditor.engine.Limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads claims from a JSON object, a JSON array of objects, or a sequence of objects (JSON Lines, pretty-printed
 * or concatenated), in UTF-8 (with or without BOM) or UTF-16. Every input entry yields one {@link ClaimInput}:
 * a claim that cannot be read — malformed JSON, invalid bytes, a value out of range, a claim over the
 * {@link Limits} — becomes an error entry naming its file, line and column or JSON path, and its neighbours are
 * read normally, so a batch of N claims always gives N results.
 */
public final class ClaimReader {

    private static final ObjectMapper MAPPER = mapperWithStrictDates(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // keep charges exact (45.00 stays 45.00, not the double 45.0)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build());

    /** One value is exactly one value: "{...} junk" is an error, not a silently cut claim. */
    private static final ObjectReader VALUE_READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ClaimReader() { }

    /** The JSR-310 module would read a number as an epoch day (20000 = 2024-10-04): dates must be text. */
    private static ObjectMapper mapperWithStrictDates(ObjectMapper m) {
        m.coercionConfigFor(LocalDate.class).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectReader valueReader() {
        return VALUE_READER;
    }

    /**
     * The claims of one input, read lazily. {@code jsonLines} (a {@code .jsonl} file, an NDJSON request) reads a
     * leading '[' as one value rather than an array of claims, and names every claim by its line.
     */
    public static ClaimIterator open(InputStream in, String name, boolean jsonLines, int firstIndex, Limits limits) {
        return new ClaimIterator(in, name, jsonLines, firstIndex, limits);
    }

    /** Reads a whole input (a request body); see {@link #open}. */
    public static List<ClaimInput> read(InputStream in, String name, boolean jsonLines, int firstIndex, Limits limits) {
        List<ClaimInput> out = new ArrayList<>();
        try (ClaimIterator it = open(in, name, jsonLines, firstIndex, limits)) {
            it.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads a document held in memory (fixtures, tests) with the default limits. */
    public static List<ClaimInput> read(String text, String name, boolean jsonLines, int firstIndex) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, jsonLines, firstIndex,
                Limits.DEFAULTS);
    }

    /** Reads a single claim (REST pre-screen); the error, if any, names the position or JSON path. */
    public static ClaimInput readOne(InputStream in, String name, Limits limits) {
        List<ClaimInput> all = read(in, name, false, 0, limits);
        if (all.size() == 1) {
            return all.get(0);
        }
        return ClaimInput.failed(0, name, null, name + ": expected exactly one claim object, found " + all.size());
    }

    public static ClaimInput readOne(String text, String name) {
        return readOne(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, Limits.DEFAULTS);
    }

    static boolean isJsonLines(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /** Maps one value to a claim, or to an error naming the JSON path of the problem. */
    static ClaimInput fromNode(JsonNode node, int index, String origin, Limits limits) {
        String claimId = node != null && node.path("claimId").isTextual() ? node.path("claimId").asText() : null;
        if (node == null || !node.isObject()) {
            return ClaimInput.failed(index, origin, claimId, origin + ": $: expected a claim object");
        }
        String outOfBounds = ClaimBounds.check(node, limits);
        if (outOfBounds != null) {
            return ClaimInput.failed(index, origin, claimId, origin + ": " + outOfBounds);
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
