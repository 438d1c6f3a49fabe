package org.claimauditor.engine;

import org.kie.api.definition.rule.Rule;

import java.util.Map;

/**
 * The one place rule metadata is read. The executable model keeps the literal source text of a
 * metadata value, so {@code @id("X")} comes back as {@code "X"} with its quotes; the classic
 * compiler returns {@code X}. Both read the same here.
 */
public final class RuleMeta {

    private RuleMeta() { }

    public static String text(Rule rule, String key) {
        return text(rule.getMetaData(), key);
    }

    public static String text(Map<String, Object> metaData, String key) {
        Object value = metaData.get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\\"", "\"");
    }
}
