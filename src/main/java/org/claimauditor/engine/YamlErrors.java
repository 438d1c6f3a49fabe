package org.claimauditor.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
     * Reads a YAML file strictly into {@code type}; on any problem adds it to {@code errors} as file:line:column
     * and returns null.
     */
    public static <T> T read(com.fasterxml.jackson.databind.ObjectMapper yaml, SourceText f, Class<T> type, List<BuildError> errors) {
        try {
            return yaml.readValue(f.text(), type);
        } catch (JsonProcessingException e) {
            errors.add(of(f, e));
        }
        return null;
    }

    /** Like {@link #read}, for an optional file: null both when it is absent (f is null, no error) and when it is broken. */
    public static <T> T readIfPresent(SourceText f, Class<T> type, List<BuildError> errors) {
        return f != null ? read(STRICT, f, type, errors) : null;
    }

    public static BuildError of(SourceText f, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return locateKey(f, u.getPropertyName(), u.getLocation(), "unknown key '" + u.getPropertyName() + "'");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException bad) {
            String expected = bad.getTargetType() == java.time.LocalDate.class ? "a date YYYY-MM-DD"
                    : bad.getTargetType().getSimpleName();
            return at(f, bad.getLocation(), "invalid value '" + bad.getValue() + "', expected " + expected);
        }
        return at(f, e.getLocation(), e.getOriginalMessage());
    }

    /**
     * The YAML parser reports an unknown key at the token after it; point at the key itself: the last line at
     * or before the reported one where {@code key:} starts a mapping entry.
     */
    public static BuildError locateKey(SourceText f, String key, JsonLocation loc, String message) {
        int near = loc == null ? Integer.MAX_VALUE : loc.getLineNr();
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
