package org.claimauditor.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads rule data and payer policy YAML from a {@link RuleSnapshot}; turns a read error into file:line:column for the people who edit rule data and payer policies. */
public final class YamlErrors {

    /** YAML that rejects unknown keys, so a typo in a rule data file is an error rather than a silent default. */
    public static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlErrors() { }

    /**
     * Reads a YAML file strictly into {@code type}; every unknown key and every value of the wrong kind in the file is
     * added to {@code errors} as file:line:column (one pass, not one per run). Returns null when there was any.
     */
    public static <T> T read(com.fasterxml.jackson.databind.ObjectMapper yaml, SourceText f, Class<T> type, List<BuildError> errors) {
        int before = errors.size();
        T value = readAll(yaml, f, type, errors);
        return errors.size() == before ? value : null;
    }

    /**
     * Like {@link #read}, but returns what could be read despite unknown keys and bad values (those left null), so
     * the caller's own checks can report the file's other mistakes in the same run; null only when the YAML itself
     * cannot be parsed.
     */
    public static <T> T readAll(com.fasterxml.jackson.databind.ObjectMapper yaml, SourceText f, Class<T> type, List<BuildError> errors) {
        return readAll(yaml, f, type, errors, new java.util.HashSet<>());
    }

    /**
     * {@link #readAll}, also telling which keys the unknown ones were probably meant to be ({@code sorce} →
     * {@code source}), so the caller does not report the same typo again as a missing key.
     */
    public static <T> T readAll(com.fasterxml.jackson.databind.ObjectMapper yaml, SourceText f, Class<T> type, List<BuildError> errors,
                                java.util.Set<String> meantKeys) {
        try {
            return yaml.readerFor(type).withHandler(new Collect(f, errors, meantKeys)).readValue(f.text());
        } catch (JsonProcessingException e) {
            errors.add(of(f, e));
        }
        return null;
    }

    /** Lets the reader go on past a problem after noting it, so one file's mistakes are all reported together. */
    private static final class Collect extends DeserializationProblemHandler {
        private final SourceText f;
        private final List<BuildError> errors;
        private final java.util.Set<String> meantKeys;

        Collect(SourceText f, List<BuildError> errors, java.util.Set<String> meantKeys) {
            this.f = f;
            this.errors = errors;
            this.meantKeys = meantKeys;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String name) throws IOException {
            List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList();
            java.util.Optional<String> meant = Suggestions.nearest(name, known);
            meant.ifPresent(meantKeys::add);
            String hint = meant.map(k -> " (did you mean '" + k + "'?)").orElse("");
            errors.add(locateKey(f, name, p.currentTokenLocation(), "unknown key '" + name + "'"
                    + (hint.isEmpty() ? "; valid keys here: " + String.join(", ", known) : hint)));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> target, String value, String failureMsg) {
            errors.add(at(f, ctxt.getParser().currentTokenLocation(), "invalid value '" + value + "', expected " + expected(target)));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> target, Number value, String failureMsg) {
            errors.add(at(f, ctxt.getParser().currentTokenLocation(), "invalid value '" + value + "', expected " + expected(target)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType target, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            String found = t == JsonToken.START_ARRAY ? "a list" : t == JsonToken.START_OBJECT ? "a mapping (key: value)"
                    : "'" + p.getText() + "'";
            p.skipChildren();
            errors.add(at(f, at, "expected " + expected(target.getRawClass()) + ", found " + found));
            return null;
        }
    }

    private static String expected(Class<?> target) {
        if (target == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class || target == java.math.BigDecimal.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (target == String.class) {
            return "a text value";
        }
        if (target.isRecord()) {
            return "a mapping (key: value)";
        }
        return target.getSimpleName();
    }

    /** Like {@link #read}, for an optional file: null both when it is absent (f is null, no error) and when it is broken. */
    public static <T> T readIfPresent(SourceText f, Class<T> type, List<BuildError> errors) {
        return f != null ? read(STRICT, f, type, errors) : null;
    }

    public static BuildError of(SourceText f, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return locateKey(f, u.getPropertyName(), u.getLocation(), "unknown key '" + u.getPropertyName() + "'"
                    + Suggestions.didYouMean(u.getPropertyName(), u.getKnownPropertyIds().stream().map(String::valueOf).toList()));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException bad) {
            return at(f, bad.getLocation(), "invalid value '" + bad.getValue() + "', expected " + expected(bad.getTargetType()));
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            return new BuildError(f.file(), y.getProblemMark().getLine() + 1, y.getProblemMark().getColumn() + 1, syntax(y));
        }
        return at(f, e.getLocation(), e.getOriginalMessage().lines().findFirst().orElse("cannot be read"));
    }

    /** SnakeYAML's parser messages, as what to fix. */
    static String syntax(MarkedYAMLException y) {
        String problem = y.getProblem() == null ? "" : y.getProblem();
        String context = y.getContext() == null ? "" : y.getContext();
        if (problem.contains("mapping values are not allowed")) {
            return "a ':' inside a value: put the value in quotes, or add a space after the key's ':' (YAML syntax)";
        }
        if (problem.contains("could not find expected ':'")) {
            return "a line without 'key: value' inside a mapping: add the ':' or fix the indentation (YAML syntax)";
        }
        if (problem.contains("cannot start any token") && problem.contains("\\t")) {
            return "a tab character: YAML indents with spaces only";
        }
        if (context.contains("quoted scalar") || problem.contains("end of stream") && context.contains("scalar")) {
            return "a quoted value is not closed: add the closing quote (YAML syntax)";
        }
        if (problem.contains("did not find expected key") || problem.contains("expected <block end>")) {
            return "this line's indentation does not line up with the keys or list items above it (YAML syntax)";
        }
        if (problem.contains("did not find expected '-' indicator")) {
            return "a list item does not line up with the items above it: indent every '- ' alike (YAML syntax)";
        }
        if (problem.contains("found duplicate key")) {
            return problem.replace("found duplicate key", "a key appears twice in the same mapping:");
        }
        return (context.isEmpty() ? "" : context + ": ") + problem + " (YAML syntax)";
    }

    /**
     * The YAML parser reports an unknown key at the token after it; point at the key itself: the last line at
     * or before the reported one where {@code key:} starts a mapping entry.
     */
    public static BuildError locateKey(SourceText f, String key, JsonLocation loc, String message) {
        int near = loc == null || loc.getLineNr() <= 0 ? Integer.MAX_VALUE : loc.getLineNr();
        List<String> lines = f.lines();
        Pattern p = Pattern.compile("^([\\s-]*)" + Pattern.quote(key) + "\\s*:");
        for (int i = Math.min(near, lines.size()) - 1; i >= 0; i--) {
            Matcher m = p.matcher(lines.get(i));
            if (m.find()) {
                return new BuildError(f.file(), i + 1, m.group(1).length() + 1, message);
            }
        }
        return at(f, loc, message);
    }

    /** An error about an entry that has no parser position: placed at the first line mentioning {@code text}. */
    public static BuildError near(SourceText f, String text, String message) {
        List<String> lines = f.lines();
        for (int i = 0; text != null && i < lines.size(); i++) {
            int col = lines.get(i).indexOf(text);
            if (col >= 0) {
                return new BuildError(f.file(), i + 1, col + 1, message);
            }
        }
        return new BuildError(f.file(), 0, 0, message);
    }

    public static BuildError at(SourceText f, JsonLocation loc, String message) {
        return new BuildError(f.file(), loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), message);
    }
}
