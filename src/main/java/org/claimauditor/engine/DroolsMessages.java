package org.claimauditor.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's messages in the words of the person who wrote the rule: {@code Unknown field maxUnitz on class
 * org.claimauditor.claim.Plausibility} becomes {@code Plausibility has no property 'maxUnitz' (did you mean
 * 'maxUnits'?)}; a Java error in the code generated from a rule action is placed on the DRL text it came from.
 */
final class DroolsMessages {

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");
    private static final Pattern MISSING_METHOD = Pattern.compile("Method (\\w+) on class ([\\w.$]+) with arguments \\[(.*?)] is missing");
    private static final Pattern NO_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern LEFT_PART = Pattern.compile("Unable to (?:parse left part of expression|Analyse Expression):? (.*?):?$");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+)");
    private static final Pattern UNRESOLVED = Pattern.compile("^(\\$?\\w+) cannot be resolved(?: to a (variable|type))?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.*]+)\\s*;?");
    private static final Pattern DECLARED = Pattern.compile("(\\$\\w+)\\s*:(?!:)|(?m)^\\s*global\\s+[\\w.]+\\s+(\\w+)");

    private DroolsMessages() { }

    /** An error in a condition, already placed at file:line:column. */
    static BuildError condition(String file, int line, int column, String text, SourceText src) {
        Matcher m;
        if ((m = UNKNOWN_FIELD.matcher(text)).find()) {
            Class<?> type = load(m.group(2));
            String simple = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
            return at(file, line, column, src, m.group(1), simple + " has no property '" + m.group(1) + "'"
                    + (type == null ? "" : Suggestions.didYouMean(m.group(1), JavaTypes.properties(type).keySet())));
        }
        if ((m = MISSING_METHOD.matcher(text)).find()) {
            Class<?> type = load(m.group(2));
            String simple = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
            return at(file, line, column, src, m.group(1), simple + " has no method '" + m.group(1) + "'"
                    + (type == null ? "" : Suggestions.didYouMean(m.group(1), JavaTypes.methods(type).keySet())));
        }
        if ((m = NO_CLASS.matcher(text)).find()) {
            return new BuildError(file, line, column, "unknown fact type '" + m.group(1) + "'; import it or check its spelling");
        }
        if ((m = LEFT_PART.matcher(text)).find()) {
            return new BuildError(file, line, column, "this condition cannot be compiled: " + m.group(1).strip()
                    + " (check each name against the fact's properties)");
        }
        return new BuildError(file, line, column, text.lines().findFirst().orElse(text));
    }

    /**
     * A Java error in code the executable model generated from a rule action: placed on the DRL text that holds the
     * offending name, since the generated file means nothing to the rule's author, with the nearest existing name.
     */
    static BuildError action(String message, Map<String, SourceText> sources, String fallbackFile) {
        String first = message.lines().findFirst().orElse(message);
        Matcher method = UNDEFINED_METHOD.matcher(first);
        if (method.find()) {
            String name = method.group(1);
            for (SourceText src : sources.values()) {
                Matcher use = Pattern.compile("\\.\\s*" + Pattern.quote(name) + "\\s*\\(").matcher(src.text());
                if (use.find()) {
                    int at = src.text().indexOf(name, use.start());
                    Class<?> type = types(src).resolve(method.group(3));
                    String hint = type == null ? "" : Suggestions.didYouMean(name, JavaTypes.methods(type).keySet());
                    return new BuildError(src.file(), src.lineOf(at), src.columnOf(at), "in a rule action: " + method.group(3)
                            + " has no method '" + name + "' taking (" + method.group(2) + ")" + hint);
                }
            }
        }
        Matcher unresolved = UNRESOLVED.matcher(first);
        if (unresolved.find()) {
            String name = unresolved.group(1);
            for (SourceText src : sources.values()) {
                Matcher use = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "\\b").matcher(src.text());
                if (use.find()) {
                    boolean type = "type".equals(unresolved.group(2));
                    Collection<String> candidates = type ? types(src).importedNames() : declared(src);
                    return new BuildError(src.file(), src.lineOf(use.start()), src.columnOf(use.start()), "in a rule action: unknown "
                            + (type ? "type" : "name") + " '" + name + "'" + Suggestions.didYouMean(name, candidates));
                }
            }
        }
        for (SourceText src : sources.values()) { // any other Java error: the first DRL text naming what it quotes
            Matcher quoted = Pattern.compile("\\b(\\w{3,})\\b").matcher(first);
            while (quoted.find()) {
                int at = src.text().indexOf("." + quoted.group(1) + "(");
                if (at >= 0) {
                    return new BuildError(src.file(), src.lineOf(at + 1), src.columnOf(at + 1), "in a rule action: " + first);
                }
            }
        }
        return new BuildError(fallbackFile, 0, 0, "in a rule action: " + first);
    }

    private static JavaTypes types(SourceText src) {
        Matcher m = IMPORT.matcher(src.text());
        List<String> imports = new java.util.ArrayList<>();
        while (m.find()) {
            imports.add(m.group(1));
        }
        return new JavaTypes(null, imports);
    }

    /** Variables and globals the file declares: candidates for a mistyped name in an action. */
    private static Set<String> declared(SourceText src) {
        Set<String> out = new TreeSet<>();
        Matcher m = DECLARED.matcher(src.text());
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** Moves the position onto {@code name} when it appears on the reported line (or nearby after it). */
    private static BuildError at(String file, int line, int column, SourceText src, String name, String message) {
        if (src != null) {
            int from = line > 0 ? DrlParseMessages.offsetOf(src.text(), line, Math.max(column, 1)) : 0;
            Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(src.text());
            if (m.find(from) || m.find(0)) {
                return new BuildError(file, src.lineOf(m.start()), src.columnOf(m.start()), message);
            }
        }
        return new BuildError(file, line, column, message);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DroolsMessages.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
