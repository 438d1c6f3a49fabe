package org.claimauditor.engine;

import org.claimauditor.engine.DrlTokens.Kind;
import org.claimauditor.engine.DrlTokens.Token;
import org.drools.compiler.kie.builder.impl.InternalKieModule;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trust boundary for rule files. Rules are code, but code that should only read facts and report findings:
 * {@link #checkSource} refuses DRL that names a type outside {@link RuleTypePolicy} (in imports, qualified names,
 * {@code new}, static calls, casts, functions, eval, consequences), reflection members, engine escapes through
 * {@code kcontext}/{@code drools}, fact changes, non-literal metadata (Drools runs metadata while it builds) and
 * unicode escapes (javac decodes them before it sees strings). A file that fails is never given to the compiler.
 * {@link #checkBytecode} then reads what the compiled rules actually call, a second line behind the tokenizer.
 */
final class RuleSandbox {

    private static final Set<String> FACT_CHANGES = Set.of("insert", "insertLogical", "modify", "update", "delete", "retract");
    private static final Set<String> ENGINE = Set.of("kcontext", "drools");
    /** Calls javac and the executable model generate themselves (lambdas, string concatenation, enum values()). */
    private static final Set<String> GENERATED_OWNERS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup");

    /** Class lookups by name; the class path does not change while the process runs, and misses are slow. */
    private static final Map<String, Optional<String>> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private RuleSandbox() { }

    /** Adds an error for every use outside the trust boundary; true when the file is clean. */
    static boolean checkSource(SourceText src, List<BuildError> allErrors) {
        List<BuildError> errors = new ArrayList<>();
        String text = src.text();
        for (int at = text.indexOf("\\u"); at >= 0; at = text.indexOf("\\u", at + 2)) {
            error(src, at, "unicode escapes (\\uXXXX) are not allowed in rules; write the character itself", errors);
        }
        List<Token> tokens = DrlTokens.of(text);
        Map<String, String> imports = new HashMap<>();
        List<String> wildcards = new ArrayList<>();
        Map<String, Optional<String>> known = KNOWN;
        boolean consequence = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean member = prev != null && (prev.is(".") || prev.is("::"));
            if (t.kind() == Kind.PUNCT && t.is("@") && next != null && next.kind() == Kind.IDENT) {
                checkMetadata(src, tokens, i + 2, errors);
                continue;
            }
            if (t.kind() != Kind.IDENT) {
                continue;
            }
            if (member) {
                if (RuleTypePolicy.REFUSED_MEMBERS.contains(t.text())) {
                    error(src, t.offset(), "'" + t.text() + "' is not allowed in rules (reflection or engine internals)", errors);
                }
                continue;
            }
            if (t.is("package")) {
                i = qualifiedName(tokens, i + 1).end - 1;
                continue;
            }
            if (t.is("import")) {
                i = checkImport(src, tokens, i + 1, imports, wildcards, known, errors);
                continue;
            }
            if (t.is("then")) {
                consequence = true;
            } else if (t.is("end")) {
                consequence = false;
            }
            if (ENGINE.contains(t.text()) && next != null && (next.is(".") || next.is("::"))) {
                error(src, t.offset(), "'" + t.text() + "." + "' is not allowed in rules: a rule may only pass "
                        + t.text() + " to the finding sink (out.line(kcontext, ...))", errors);
                continue;
            }
            if (consequence && FACT_CHANGES.contains(t.text()) && next != null && next.is("(")) {
                error(src, t.offset(), "'" + t.text() + "' is not allowed in rules: rules report findings and never change facts", errors);
                continue;
            }
            if (t.text().startsWith("$")) {
                continue;
            }
            Name chain = qualifiedName(tokens, i);
            String type = resolve(chain.parts, imports, wildcards, known);
            if (type != null && !RuleTypePolicy.allowed(type)) {
                error(src, t.offset(), "type '" + chain.shown(type) + "' is not allowed in rules (allowed: "
                        + RuleTypePolicy.ALLOWED + ")", errors);
            }
        }
        errors.sort(java.util.Comparator.comparingInt(BuildError::line).thenComparingInt(BuildError::column));
        allErrors.addAll(errors);
        return errors.isEmpty();
    }

    /** Metadata such as @id("X") is evaluated as Java while Drools builds the rules: literals only. */
    private static void checkMetadata(SourceText src, List<Token> tokens, int from, List<BuildError> errors) {
        if (from >= tokens.size() || !tokens.get(from).is("(")) {
            return;
        }
        int depth = 0;
        for (int j = from; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.is("(")) {
                depth++;
                if (depth > 1) {
                    error(src, t.offset(), "rule metadata must be literal values (Drools evaluates it while it builds the rules)", errors);
                    return;
                }
            } else if (t.is(")")) {
                return;
            } else if (t.is(".") || t.is("::") || t.is("new")) {
                error(src, t.offset(), "rule metadata must be literal values (Drools evaluates it while it builds the rules)", errors);
                return;
            }
        }
    }

    private static int checkImport(SourceText src, List<Token> tokens, int from, Map<String, String> imports,
                                   List<String> wildcards, Map<String, Optional<String>> known, List<BuildError> errors) {
        int i = from;
        boolean isStatic = false;
        while (i < tokens.size() && (tokens.get(i).is("static") || tokens.get(i).is("function")
                || tokens.get(i).is("accumulate"))) {
            isStatic = true; // import static / import function / import accumulate name a member of a class
            i++;
        }
        if (i >= tokens.size()) {
            return i;
        }
        Token first = tokens.get(i);
        Name name = qualifiedName(tokens, i);
        boolean star = name.end + 1 < tokens.size() && tokens.get(name.end).is(".") && tokens.get(name.end + 1).is("*");
        String dotted = String.join(".", name.parts);
        int end = star ? name.end + 2 : name.end;
        if (star && !isStatic) {
            if (!RuleTypePolicy.importablePackage(dotted)) {
                String cls = load(dotted, known);
                if (cls == null || !RuleTypePolicy.allowed(cls)) {
                    error(src, first.offset(), "type '" + dotted + ".*' is not allowed in rules (allowed: "
                            + RuleTypePolicy.ALLOWED + ")", errors);
                }
            }
            wildcards.add(dotted);
            return end - 1;
        }
        String cls = resolveQualified(name.parts, known);
        if (cls == null) {
            return end - 1; // no such class: the compiler reports it
        }
        if (!RuleTypePolicy.allowed(cls)) {
            error(src, first.offset(), "type '" + dotted + "' is not allowed in rules (allowed: "
                    + RuleTypePolicy.ALLOWED + ")", errors);
        }
        if (!isStatic && !star) {
            imports.put(name.parts.get(name.parts.size() - 1), cls); // so each use is reported too
        }
        return end - 1;
    }

    /** A dotted name starting at token i: identifiers separated by single dots. */
    private record Name(List<String> parts, int end) {
        /** The name as written, up to the class: "System", "java.lang.System" (not ".exit"). */
        String shown(String binary) {
            String simple = binary.substring(Math.max(binary.lastIndexOf('.'), binary.lastIndexOf('$')) + 1);
            int k = parts.lastIndexOf(simple);
            return String.join(".", parts.subList(0, k < 0 ? 1 : k + 1));
        }
    }

    private static Name qualifiedName(List<Token> tokens, int i) {
        List<String> parts = new ArrayList<>();
        int j = i;
        while (j < tokens.size() && tokens.get(j).kind() == Kind.IDENT) {
            parts.add(tokens.get(j).text());
            if (j + 2 < tokens.size() && tokens.get(j + 1).is(".") && tokens.get(j + 2).kind() == Kind.IDENT) {
                j += 2;
            } else {
                j++;
                break;
            }
        }
        return new Name(parts, j);
    }

    /**
     * The class a name refers to, as javac would find it: an explicit import, java.lang, a wildcard import, or a
     * fully qualified name; then nested classes (Map.Entry). Null when the name is no class (a variable, a field,
     * a property, a method).
     */
    private static String resolve(List<String> parts, Map<String, String> imports, List<String> wildcards,
                                  Map<String, Optional<String>> known) {
        String head = parts.get(0);
        String cls = imports.get(head);
        // java.lang and the allowed wildcard packages name their classes with a capital; skip the lookups otherwise
        boolean capital = Character.isUpperCase(head.charAt(0));
        if (cls == null && capital) {
            cls = load("java.lang." + head, known);
        }
        for (int w = 0; cls == null && capital && w < wildcards.size(); w++) {
            cls = load(wildcards.get(w) + "." + head, known);
        }
        if (cls == null) {
            return parts.size() > 1 ? resolveQualified(parts, known) : null;
        }
        for (int k = 1; k < parts.size(); k++) {
            String nested = load(cls + "$" + parts.get(k), known);
            if (nested == null) {
                break;
            }
            cls = nested;
        }
        return cls;
    }

    /** The deepest class named by a fully qualified name such as java.lang.System or java.util.Map.Entry. */
    private static String resolveQualified(List<String> parts, Map<String, Optional<String>> known) {
        String found = null;
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (found != null) {
                String nested = load(found + "$" + part, known);
                if (nested == null) {
                    break;
                }
                found = nested;
                continue;
            }
            name.append(name.length() == 0 ? "" : ".").append(part);
            found = load(name.toString(), known);
        }
        return found;
    }

    /** The class's binary name when it exists on the class path; never initialises it (no static code runs). */
    private static String load(String binaryName, Map<String, Optional<String>> known) {
        return known.computeIfAbsent(binaryName, n -> {
            try {
                return Optional.of(Class.forName(n, false, RuleSandbox.class.getClassLoader()).getName());
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * Reads the constant pools of the classes compiled from the rules and refuses every method or field of a
     * class outside the policy, whatever route the source took to reach it (a chain of calls, a return type).
     */
    static void checkBytecode(InternalKieModule module, Map<String, SourceText> sourcesByRel, List<BuildError> errors) {
        Set<String> generated = new java.util.HashSet<>();
        for (String f : module.getFileNames()) {
            if (f.endsWith(".class")) {
                generated.add(f.substring(0, f.length() - ".class".length()));
            }
        }
        Set<String> reported = new java.util.HashSet<>();
        for (String cls : generated) {
            List<String[]> refs;
            try {
                refs = memberRefs(module.getBytes(cls + ".class"));
            } catch (IOException e) {
                errors.add(new BuildError(cls, 0, 0, "cannot read the class compiled from the rules: " + e.getMessage()));
                continue;
            }
            for (String[] ref : refs) {
                String owner = ref[0];
                String member = ref[1];
                if (owner.startsWith("[")) {
                    continue; // array clone()/length: the element type is checked where it is used
                }
                boolean ok = generated.contains(owner) || owner.startsWith("org/drools/") || owner.startsWith("org/kie/")
                        || GENERATED_OWNERS.contains(owner)
                        || (owner.equals("java/lang/System") && member.equals("arraycopy"))
                        || RuleTypePolicy.allowed(owner);
                if (ok && !RuleTypePolicy.REFUSED_MEMBERS.contains(member)) {
                    continue;
                }
                String simple = owner.substring(Math.max(owner.lastIndexOf('/'), owner.lastIndexOf('$')) + 1);
                if (reported.add(owner + "." + member)) {
                    errors.add(locate(cls, simple, member, sourcesByRel,
                            "compiled rule code calls " + owner.replace('/', '.') + "." + member
                                    + ", which is not allowed in rules (allowed: " + RuleTypePolicy.ALLOWED + ")"));
                }
            }
        }
    }

    /** Places a bytecode finding in the DRL of the rule package it was compiled from, at the name it uses. */
    private static BuildError locate(String cls, String simple, String member, Map<String, SourceText> sourcesByRel,
                                     String message) {
        SourceText best = null;
        int bestLength = -1;
        for (Map.Entry<String, SourceText> e : sourcesByRel.entrySet()) {
            int slash = e.getKey().lastIndexOf('/');
            String dir = slash < 0 ? "" : e.getKey().substring(0, slash + 1);
            if (cls.startsWith(dir)) {
                for (Token t : DrlTokens.of(e.getValue().text())) {
                    if (t.kind() == Kind.IDENT && (t.is(simple) || t.is(member))) {
                        return new BuildError(e.getValue().file(), e.getValue().lineOf(t.offset()),
                                e.getValue().columnOf(t.offset()), message);
                    }
                }
                if (dir.length() > bestLength) {
                    best = e.getValue();
                    bestLength = dir.length();
                }
            }
        }
        return new BuildError(best == null ? cls : best.file(), 0, 0, message);
    }

    /** Owner and name of every Fieldref, Methodref and InterfaceMethodref in a class file's constant pool. */
    static List<String[]> memberRefs(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] refs = new int[count][];
        int[] natName = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> {
                    natName[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String[]> out = new ArrayList<>();
        for (int[] r : refs) {
            if (r != null) {
                out.add(new String[] {utf8[classNameIndex[r[0]]], utf8[natName[r[1]]]});
            }
        }
        return out;
    }

    private static void error(SourceText src, int offset, String message, List<BuildError> errors) {
        errors.add(new BuildError(src.file(), src.lineOf(offset), src.columnOf(offset), message));
    }
}
