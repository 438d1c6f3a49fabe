package org.claimauditor.engine;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a rule session threw into the one line an ERROR result carries: the limit that was hit, or which
 * rule failed (known from an action's {@link ConsequenceException}, or from the rule names Drools puts in a failed
 * condition's message) with the root cause and where it was thrown, e.g.
 * {@code rule NCCI-PTP-PAIR failed: NullPointerException at Conditions.holdFor(Conditions.java:29)}.
 * No claim data goes into the line beyond what the exception message itself says.
 */
final class SessionFailure {

    /** Drools names the rules sharing a failed condition as {@code [Rule "name" in pkg/FILE.drl]}. */
    private static final Pattern CONDITION_RULE = Pattern.compile("\\[Rule \"([^\"]+)\" in ([^\\]]+)]");
    private static final Pattern CONSTRAINT = Pattern.compile("^Error evaluating constraint '(.*?)' in \\[Rule");
    private static final int MAX_LENGTH = 400;
    /** Classes the executable model generates for a rule's conditions and action. */
    private static final Pattern GENERATED = Pattern.compile("Lambda[A-Za-z]+[0-9A-F]{32}");

    private SessionFailure() { }

    static String describe(Throwable thrown, RuleSet rules) {
        Set<String> ruleIds = new LinkedHashSet<>();
        String constraint = null;
        Throwable root = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SessionGuard.Exceeded) {
                return t.getMessage();
            }
            if (t instanceof ConsequenceException ce && ce.getMatch() != null) {
                ruleIds.add(idOf(ce.getMatch().getRule(), rules));
            }
            if (t.getMessage() != null && t.getMessage().startsWith("Error evaluating constraint")) {
                Matcher c = CONSTRAINT.matcher(t.getMessage());
                constraint = c.find() ? c.group(1) : null;
                Matcher m = CONDITION_RULE.matcher(t.getMessage());
                while (m.find()) {
                    ruleIds.add(idOf(m.group(1), m.group(2), rules));
                }
            }
            root = t;
        }
        String cause = root.getClass().getSimpleName() + message(root) + where(root);
        String head = ruleIds.isEmpty() ? "rule evaluation failed"
                : (ruleIds.size() == 1 ? "rule " : "rules ") + String.join(", ", ruleIds) + " failed";
        if (constraint != null) {
            head += " in condition '" + constraint + "'";
        }
        return oneLine(head + ": " + cause);
    }

    private static String idOf(Rule rule, RuleSet rules) {
        RuleInfo info = rules.rulesByKey().get(RuleSet.key(rule.getPackageName(), rule.getName()));
        return info != null ? info.id() : rule.getPackageName() + "." + rule.getName();
    }

    private static String idOf(String name, String file, RuleSet rules) {
        for (RuleInfo r : rules.catalog()) {
            if (r.drlName().equals(name) && r.file() != null && r.file().replace('\\', '/').endsWith(file)) {
                return r.id();
            }
        }
        return "\"" + name + "\" (" + file + ")";
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m.strip() + ")";
    }

    /** The first frame outside the JDK: where our code or the rule's generated code met the problem. */
    private static String where(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        if (stack.length == 0) {
            return "";
        }
        StackTraceElement at = java.util.Arrays.stream(stack)
                .filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")
                        && !f.getClassName().startsWith("sun."))
                .findFirst().orElse(stack[0]);
        String cls = at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1);
        if (GENERATED.matcher(cls).matches()) { // the DRL's own code: its generated class name means nothing to a reader
            return cls.startsWith("LambdaConsequence") ? " in the rule's action" : " in the rule's condition";
        }
        return " at " + cls + "." + at.getMethodName() + "(" + at.getFileName() + ":" + at.getLineNumber() + ")";
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
