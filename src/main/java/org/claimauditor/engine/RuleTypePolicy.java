package org.claimauditor.engine;

import java.util.Set;

/**
 * The types a rule file may name: the facts and helpers of this project, java.lang basics, java.util, java.time and
 * java.math. Everything else (System, Runtime, ProcessBuilder, Thread, Class and reflection, files, network, the
 * Drools runtime) is refused, so a rule file can compute findings and nothing more. An allowlist, not a denylist:
 * a type nobody thought of is refused until someone adds it here on purpose.
 */
final class RuleTypePolicy {

    /** Short form for messages. */
    static final String ALLOWED = "rule facts and helpers (org.claimauditor.engine.fact.*, FindingSink, CodeChecks, "
            + "NcciEdits, PolicyEntry, …), java.lang basics (String, Integer, Long, Math, Boolean, Character, "
            + "StringBuilder, …), java.util, java.time, java.math";

    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "CharSequence", "StringBuilder", "Character", "Boolean", "Byte", "Short", "Integer",
            "Long", "Float", "Double", "Number", "Math", "StrictMath", "Comparable", "Iterable", "Enum", "Record",
            "Void", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs",
            "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
            "ArithmeticException", "NullPointerException", "NumberFormatException", "IndexOutOfBoundsException",
            "UnsupportedOperationException");

    /** Packages allowed whole (not their sub-packages unless listed). */
    private static final Set<String> PACKAGES = Set.of(
            "java.util", "java.util.function", "java.util.stream", "java.util.regex",
            "java.time", "java.time.format", "java.time.temporal", "java.time.chrono",
            "java.math",
            "org.claimauditor.engine.fact");

    /** In an allowed package but able to load classes by name, start threads or open files by name. */
    private static final Set<String> REFUSED_IN_PACKAGES = Set.of(
            "java.util.ServiceLoader", "java.util.ResourceBundle", "java.util.PropertyResourceBundle",
            "java.util.ListResourceBundle", "java.util.Formatter", "java.util.Timer", "java.util.TimerTask");

    /** The project's classes rules use: facts, the finding sink and the read-only helpers set as globals. */
    private static final Set<String> PROJECT = Set.of(
            "org.claimauditor.engine.FindingSink", "org.claimauditor.engine.Severity",
            "org.claimauditor.engine.Category",
            "org.claimauditor.ncci.NcciEdits", "org.claimauditor.ncci.NcciText", "org.claimauditor.ncci.MueLimit",
            "org.claimauditor.ncci.PtpEdit", "org.claimauditor.ncci.AddOnEdit",
            "org.claimauditor.codes.CodeChecks", "org.claimauditor.codes.DemographicEdits$Edit",
            "org.claimauditor.codes.HcpcsStatus", "org.claimauditor.codes.IcdStatus",
            "org.claimauditor.codes.CodeRange", "org.claimauditor.codes.DxRange",
            "org.claimauditor.policy.PolicyEntry", "org.claimauditor.policy.Conditions",
            "org.claimauditor.policy.Enforcement", "org.claimauditor.claim.Codes",
            "org.claimauditor.claim.Plausibility");

    /** Packages whose wildcard import is fine: each name used from them is still checked on its own. */
    static boolean importablePackage(String pkg) {
        return PACKAGES.contains(pkg) || PROJECT.stream().anyMatch(c -> c.startsWith(pkg + ".")
                && c.indexOf('.', pkg.length() + 1) < 0);
    }

    /** Whether a class (binary name, e.g. java.util.Map$Entry) may be used by a rule. */
    static boolean allowed(String binaryName) {
        String name = binaryName.replace('/', '.');
        int dollar = name.indexOf('$');
        String top = dollar < 0 ? name : name.substring(0, dollar);
        if (PROJECT.contains(name) || PROJECT.contains(top)) {
            return true;
        }
        if (REFUSED_IN_PACKAGES.contains(top)) {
            return false;
        }
        int dot = top.lastIndexOf('.');
        String pkg = dot < 0 ? "" : top.substring(0, dot);
        if (pkg.equals("java.lang")) {
            return JAVA_LANG.contains(top.substring(dot + 1));
        }
        return PACKAGES.contains(pkg);
    }

    /**
     * Member names refused whatever the receiver: reflection and class loading, and the ways out of a rule into
     * the engine (kcontext.getKieRuntime() can insert or delete facts, replace globals and halt the session).
     */
    static final Set<String> REFUSED_MEMBERS = Set.of(
            "class", "getClass", "forName", "getClassLoader", "classLoader", "getSystemClassLoader", "loadClass",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields",
            "getDeclaredConstructor", "getDeclaredConstructors", "declaredMethods", "declaredFields",
            "getMethod", "getMethods", "getField", "getFields", "getConstructor", "getConstructors",
            "newInstance", "setAccessible", "invoke", "invokeExact", "lookup",
            "getKieRuntime", "kieRuntime", "getKieBase", "kieBase");

    private RuleTypePolicy() { }
}
