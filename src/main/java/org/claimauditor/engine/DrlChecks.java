package org.claimauditor.engine;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of one parsed DRL file that need no compiler, so they are reported for every file in the same run (the
 * executable model stops at the first kind of error it meets): rule metadata, and the names a condition uses — a
 * property the fact class lacks ({@code LineFact has no property 'unitz' (did you mean 'units'?)}), a method its
 * type lacks, a {@code $variable} no pattern binds, a fact type no import provides.
 */
final class DrlChecks {

    /** A rule's metadata, checked: what the catalog is built from. */
    record Meta(String id, Severity severity, Category category, String doc, String file, int line) { }

    private static final Set<String> WORDS = Set.of("this", "null", "true", "false", "contains", "excludes", "matches",
            "memberOf", "soundslike", "in", "not", "str", "instanceof", "new", "after", "before", "coincides", "during",
            "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts", "startedby");
    private static final Pattern BINDING = Pattern.compile("(\\$[\\w]+)\\s*:(?!:)");

    private final SourceText src;
    private final PackageDescr pkg;
    private final JavaTypes types;
    private final Map<String, Class<?>> globals = new HashMap<>();
    private final List<BuildError> errors;
    private final java.util.Collection<String> knownTypes;

    /** @param knownTypes type names used across the rule set, the candidates for "did you mean" on an unknown type */
    DrlChecks(SourceText src, PackageDescr pkg, java.util.Collection<String> knownTypes, List<BuildError> errors) {
        this.src = src;
        this.knownTypes = knownTypes;
        this.pkg = pkg;
        this.errors = errors;
        this.types = new JavaTypes(pkg.getName(), pkg.getImports().stream().map(ImportDescr::getTarget).toList());
        for (GlobalDescr g : pkg.getGlobals()) {
            globals.put(g.getIdentifier(), types.resolve(g.getType()));
        }
    }

    /** Metadata of every rule ({@code @id @severity @category @doc}), each problem located at its annotation. */
    Map<String, Meta> metadata() {
        Map<String, Meta> out = new LinkedHashMap<>();
        for (RuleDescr rule : pkg.getRules()) {
            Map<String, Object> values = new HashMap<>();
            for (AnnotationDescr a : rule.getAnnotations()) {
                values.put(a.getName(), a.getValue());
            }
            String id = RuleMeta.text(values, "id");
            String doc = RuleMeta.text(values, "doc");
            int before = errors.size();
            if (id == null || id.isBlank()) {
                errors.add(at(rule, "id", "rule '" + rule.getName() + "' has no @id(\"...\") (the id findings and fixtures name)"));
            }
            Severity severity = constant(Severity.class, rule, "severity", RuleMeta.text(values, "severity"));
            Category category = constant(Category.class, rule, "category", RuleMeta.text(values, "category"));
            if (doc == null || doc.isBlank()) {
                errors.add(at(rule, "doc", "rule '" + rule.getName() + "' has no @doc(\"docs/<id>.md\") (the page that explains it)"));
            }
            if (errors.size() == before) {
                out.put(RuleSet.key(pkg.getName(), rule.getName()), new Meta(id, severity, category, doc, src.file(), rule.getLine()));
            }
        }
        return out;
    }

    private <E extends Enum<E>> E constant(Class<E> type, RuleDescr rule, String key, String value) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value != null && names.contains(value.strip().toUpperCase(Locale.ROOT))) {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        String valid = String.join(", ", names);
        errors.add(at(rule, key, value == null
                ? "rule '" + rule.getName() + "' has no @" + key + "(...); use one of " + valid
                : "@" + key + "(\"" + value + "\") is not valid; use one of " + valid + Suggestions.didYouMean(value, names)));
        return null;
    }

    /** The annotation's value in the rule's text (or the rule's own line when the annotation is missing). */
    private BuildError at(RuleDescr rule, String key, String message) {
        int start = Math.max(rule.getStartCharacter(), 0);
        int end = rule.getEndCharacter() > start ? rule.getEndCharacter() : src.text().length();
        Matcher m = Pattern.compile("@" + key + "\\s*\\(\\s*").matcher(src.text()).region(start, end);
        if (m.find()) {
            int value = m.end() < src.text().length() && src.text().charAt(m.end()) == '"' ? m.end() + 1 : m.end();
            return new BuildError(src.file(), src.lineOf(value), src.columnOf(value), message);
        }
        return new BuildError(src.file(), rule.getLine(), rule.getColumn() + 1, message);
    }

    /** The names in every condition of every rule: properties, methods, variables, fact types. */
    void conditions() {
        for (RuleDescr rule : pkg.getRules()) {
            int start = Math.max(rule.getStartCharacter(), 0);
            int end = rule.getEndCharacter() > start ? rule.getEndCharacter() : src.text().length();
            Map<String, Class<?>> variables = new LinkedHashMap<>();
            Matcher b = BINDING.matcher(src.text()).region(start, end);
            while (b.find()) {
                variables.putIfAbsent(b.group(1), null);
            }
            if (rule.getLhs() != null) {
                walk(rule.getLhs(), variables);
            }
        }
    }

    private void walk(BaseDescr d, Map<String, Class<?>> variables) {
        if (d instanceof PatternDescr p) {
            Class<?> type = types.resolve(p.getObjectType());
            if (type == null && p.getObjectType() != null && !declared(p.getObjectType())) {
                List<String> known = new ArrayList<>(types.importedNames());
                known.addAll(knownTypes);
                errors.add(locate(p.getObjectType(), p.getStartCharacter(), "unknown fact type '" + p.getObjectType() + "'"
                        + Suggestions.didYouMean(p.getObjectType(), known) + "; import it or check its spelling"));
                return;
            }
            if (p.getIdentifier() != null) {
                variables.put(p.getIdentifier(), type);
            }
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                walk(acc.getInput(), variables);
            } else if (p.getSource() instanceof FromDescr from && from.getDataSource() != null) {
                expression(from.getDataSource().toString(), from.getStartCharacter(), null, variables);
            }
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    expression(e.getExpression(), e.getStartCharacter(), type, variables);
                }
            }
        } else if (d instanceof EvalDescr eval && eval.getContent() != null) {
            expression(eval.getContent().toString(), eval.getStartCharacter(), null, variables);
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, variables);
            }
        }
    }

    private boolean declared(String type) {
        return pkg.getTypeDeclarations().stream().anyMatch(t -> t.getTypeName().equals(type));
    }

    private record Token(char kind, String text, int at) { } // kind: i identifier, s string, n number, . ( ) : # o

    /**
     * Follows each name chain of a constraint ({@code claim.receivedDate}, {@code $l.lineNumber},
     * {@code plausible.maxUnits}, {@code lastServiceDate.isAfter(...)}) through the Java types and reports the first
     * link that does not exist. Types it cannot judge (Object, maps, primitives, unknown) end the check silently.
     */
    private void expression(String expr, int near, Class<?> pattern, Map<String, Class<?>> variables) {
        if (expr == null) {
            return;
        }
        int base = locateText(expr, near);
        List<Token> tokens = tokens(expr);
        Deque<Class<?>> calls = new ArrayDeque<>();
        Class<?> chain = null;
        Class<?> owner = null;
        Class<?> pendingCall = null;
        boolean afterNew = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean call = next != null && next.kind() == '(';
            switch (t.kind()) {
                case 'i' -> {
                    Class<?> result = null;
                    boolean dotted = i > 0 && tokens.get(i - 1).kind() == '.';
                    if (afterNew || (i > 0 && tokens.get(i - 1).kind() == '#')) {
                        afterNew = false;
                    } else if (dotted) {
                        result = member(owner, t, call, base);
                    } else if (next != null && next.kind() == ':') {
                        i++; // a binding "$x : property": the name is declared here
                    } else {
                        result = topLevel(t, call, pattern, variables, base);
                        afterNew = t.text().equals("new");
                    }
                    chain = result;
                    pendingCall = call ? result : null;
                }
                case '(' -> {
                    calls.push(pendingCall == null ? Void.class : pendingCall);
                    pendingCall = null;
                    chain = null;
                }
                case ')' -> {
                    Class<?> r = calls.isEmpty() ? Void.class : calls.pop();
                    chain = r == Void.class ? null : r;
                }
                case '.' -> owner = chain;
                case 's' -> chain = String.class;
                default -> chain = null;
            }
        }
    }

    private Class<?> topLevel(Token t, boolean call, Class<?> pattern, Map<String, Class<?>> variables, int base) {
        String name = t.text();
        if (WORDS.contains(name)) {
            return name.equals("this") ? pattern : null;
        }
        if (name.startsWith("$")) {
            if (!variables.containsKey(name)) {
                errors.add(at(base, t, "unknown variable '" + name + "'" + Suggestions.didYouMean(name, variables.keySet())
                        + "; a variable is bound by a pattern such as '" + name + " : LineFact(...)'"));
            }
            return variables.get(name);
        }
        if (call) {
            return pattern != null && checkable(pattern) ? JavaTypes.methods(pattern).get(name) : null; // else a function
        }
        if (pattern != null && JavaTypes.properties(pattern).containsKey(name)) {
            return JavaTypes.properties(pattern).get(name);
        }
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        if (Character.isUpperCase(name.charAt(0)) || types.resolve(name) != null) {
            return null; // a class (static access) or a constant
        }
        if (pattern != null && checkable(pattern)) {
            errors.add(at(base, t, pattern.getSimpleName() + " has no property '" + name + "'"
                    + Suggestions.didYouMean(name, JavaTypes.properties(pattern).keySet())));
        }
        return null;
    }

    private Class<?> member(Class<?> owner, Token t, boolean call, int base) {
        if (owner == null || !checkable(owner)) {
            return null;
        }
        String name = t.text();
        if (call) {
            Map<String, Class<?>> methods = JavaTypes.methods(owner);
            if (!methods.containsKey(name)) {
                errors.add(at(base, t, owner.getSimpleName() + " has no method '" + name + "'"
                        + Suggestions.didYouMean(name, methods.keySet())));
            }
            return methods.get(name);
        }
        Map<String, Class<?>> properties = JavaTypes.properties(owner);
        if (properties.containsKey(name)) {
            return properties.get(name);
        }
        if (Arrays.stream(owner.getFields()).anyMatch(f -> f.getName().equals(name))
                || Arrays.stream(owner.getClasses()).anyMatch(c -> c.getSimpleName().equals(name))) {
            return null; // a static constant or a nested class
        }
        errors.add(at(base, t, owner.getSimpleName() + " has no property '" + name + "'"
                + Suggestions.didYouMean(name, properties.keySet())));
        return null;
    }

    /** Types whose members can be judged: not Object (erased generics), maps (key access), primitives or arrays. */
    private static boolean checkable(Class<?> type) {
        return type != Object.class && !type.isPrimitive() && !type.isArray() && !Map.class.isAssignableFrom(type);
    }

    private static List<Token> tokens(String expr) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                i++;
                while (i < expr.length() && expr.charAt(i) != c) {
                    i += expr.charAt(i) == '\\' ? 2 : 1;
                }
                out.add(new Token('s', expr.substring(start, Math.min(i + 1, expr.length())), start));
                i++;
            } else if (Character.isDigit(c)) {
                while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.'
                        && i + 1 < expr.length() && Character.isDigit(expr.charAt(i + 1)))) {
                    i++;
                }
                out.add(new Token('n', expr.substring(start, i), start));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < expr.length() && Character.isJavaIdentifierPart(expr.charAt(i))) {
                    i++;
                }
                out.add(new Token('i', expr.substring(start, i), start));
            } else if (c == '!' && i + 1 < expr.length() && expr.charAt(i + 1) == '.') {
                out.add(new Token('.', "!.", start));
                i += 2;
            } else if (c == ':' && i + 1 < expr.length() && expr.charAt(i + 1) == ':') {
                out.add(new Token('o', "::", start));
                i += 2;
            } else {
                char kind = c == '.' ? '.' : c == '(' || c == '[' ? '(' : c == ')' || c == ']' ? ')' : c == ':' ? ':' : c == '#' ? '#' : 'o';
                out.add(new Token(kind, String.valueOf(c), start));
                i++;
            }
        }
        return out;
    }

    /** Offset of the expression's text in the source, searching from where the parser put its element. */
    private int locateText(String expr, int near) {
        int from = Math.max(near, 0);
        if (src.text().startsWith(expr, from)) {
            return from;
        }
        int found = src.text().indexOf(expr, from);
        return found >= 0 ? found : -1;
    }

    private BuildError at(int base, Token t, String message) {
        if (base < 0) {
            return new BuildError(src.file(), 0, 0, message);
        }
        int offset = base + t.at();
        return new BuildError(src.file(), src.lineOf(offset), src.columnOf(offset), message);
    }

    private BuildError locate(String text, int near, String message) {
        int at = src.text().indexOf(text, Math.max(near, 0));
        return at < 0 ? new BuildError(src.file(), 0, 0, message)
                : new BuildError(src.file(), src.lineOf(at), src.columnOf(at), message);
    }
}
