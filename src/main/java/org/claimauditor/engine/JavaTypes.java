package org.claimauditor.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java side of a DRL file, seen as Drools sees it: class names resolved through the file's imports, and the
 * properties a pattern may name (getters, {@code isX}, no-argument methods such as record accessors, public fields).
 */
final class JavaTypes {

    private static final Map<Class<?>, Map<String, Class<?>>> PROPERTIES = new ConcurrentHashMap<>();

    private final List<String> imports = new ArrayList<>();
    private final List<String> wildcards = new ArrayList<>(List.of("java.lang"));
    private final ClassLoader loader = JavaTypes.class.getClassLoader();

    JavaTypes(String drlPackage, List<String> importTargets) {
        for (String target : importTargets) {
            if (target.endsWith(".*")) {
                wildcards.add(target.substring(0, target.length() - 2));
            } else {
                imports.add(target);
            }
        }
        if (drlPackage != null && !drlPackage.isEmpty()) {
            wildcards.add(drlPackage);
        }
    }

    /** The class a DRL type name means here ({@code LineFact}, {@code ClaimFact.DateRef}, {@code java.util.List}), or null. */
    Class<?> resolve(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String outer = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String inner = name.contains(".") ? name.substring(name.indexOf('.')).replace('.', '$') : "";
        for (String imp : imports) {
            if (imp.equals(outer) || imp.endsWith("." + outer)) {
                Class<?> c = fullyQualified(imp + inner); // an import may name a nested class: a.b.Outer.Inner
                if (c != null) {
                    return c;
                }
            }
        }
        for (String pkg : wildcards) {
            Class<?> c = load(pkg + "." + outer + inner);
            if (c != null) {
                return c;
            }
        }
        return name.contains(".") ? fullyQualified(name) : null;
    }

    /** Simple names of the explicitly imported classes, candidates for "did you mean" on an unknown type. */
    List<String> importedNames() {
        return imports.stream().map(i -> i.substring(i.lastIndexOf('.') + 1)).toList();
    }

    private Class<?> fullyQualified(String name) {
        Class<?> c = load(name);
        int dot = name.lastIndexOf('.');
        while (c == null && dot > 0) { // a.b.Outer.Inner
            name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            c = load(name);
            dot = name.lastIndexOf('.');
        }
        return c;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError | IllegalArgumentException e) {
            return null;
        }
    }

    /** Property name → type, as a constraint may name it: {@code units} for {@code getUnits()}, {@code maxUnits} for {@code maxUnits()}. */
    static Map<String, Class<?>> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, JavaTypes::scan);
    }

    private static Map<String, Class<?>> scan(Class<?> type) {
        Map<String, Class<?>> out = new TreeMap<>();
        for (Field f : type.getFields()) {
            out.put(f.getName(), f.getType());
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String n = m.getName();
            out.putIfAbsent(n, m.getReturnType());
            if (n.startsWith("get") && n.length() > 3) {
                out.put(decapitalize(n.substring(3)), m.getReturnType());
            } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                out.put(decapitalize(n.substring(2)), m.getReturnType());
            }
        }
        out.remove("class");
        return out;
    }

    /** Public method name → return type of its first overload (instance and static). */
    static Map<String, Class<?>> methods(Class<?> type) {
        Map<String, Class<?>> out = new TreeMap<>();
        for (Method m : type.getMethods()) {
            out.putIfAbsent(m.getName(), m.getReturnType());
        }
        return out;
    }

    /** As java.beans.Introspector: {@code Units} → {@code units}, {@code URL} stays {@code URL}. */
    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1)) && Character.isUpperCase(s.charAt(0))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
