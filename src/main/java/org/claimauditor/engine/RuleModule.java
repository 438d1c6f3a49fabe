package org.claimauditor.engine;

import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRL file compiled on its own into an executable-model module, or loaded from {@link CompiledRuleCache} when
 * the same text was compiled cleanly before. One module per file is what makes editing cheap: a changed file is the
 * only one compiled, and a file's errors never hide another's (the executable model compiles no rule action of a
 * build while any condition in it fails). The rule set's KieBase is built from the models of all modules together.
 *
 * @param models the file's compiled packages, empty when it did not compile
 * @param meta   the metadata checked before compiling, by rule key; empty for a module loaded from the cache
 * @param fresh  the compiled module's bytes when compiled in this build and clean (to be cached), else null
 */
record RuleModule(String rel, Collection<Model> models, Map<String, DrlChecks.Meta> meta, List<BuildError> errors,
                  String key, byte[] fresh) {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern LINE_COL = Pattern.compile("Line (\\d+):(\\d+)");
    private static final AtomicLong BUILD_COUNTER = new AtomicLong();

    /**
     * The module of {@code source}: from {@code cache} when present (it passed every check when it was written, and
     * the key covers the text and the code that compiled it), else checked, compiled and checked again.
     */
    static RuleModule of(String rel, SourceText source, Set<String> knownTypes, CompiledRuleCache cache, Path rulesDir) {
        String key = CompiledRuleCache.key(Map.of(rel, source.text()));
        byte[] cached = cache.get(key);
        if (cached != null) {
            try {
                return new RuleModule(rel, models(cached), Map.of(), List.of(), key, null);
            } catch (RuntimeException e) {
                // an unreadable cache entry only costs a compile
            }
        }
        List<BuildError> errors = new ArrayList<>();
        if (!RuleSandbox.checkSource(source, errors)) {
            return new RuleModule(rel, List.of(), Map.of(), errors, key, null); // never compiled: Drools runs some rule code while building
        }
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, source.text());
        } catch (DroolsParserException e) {
            errors.add(new BuildError(source.file(), 0, 0, "cannot be read: " + e.getMessage()));
            return new RuleModule(rel, List.of(), Map.of(), errors, key, null);
        }
        if (parser.hasErrors() || descr == null) {
            parser.getErrors().forEach(e -> errors.add(DrlParseMessages.translate(source, e)));
            return new RuleModule(rel, List.of(), Map.of(), errors, key, null);
        }
        DrlChecks checks = new DrlChecks(source, descr, knownTypes, errors);
        Map<String, DrlChecks.Meta> meta = checks.metadata();
        checks.conditions();
        if (!errors.isEmpty()) {
            return new RuleModule(rel, List.of(), meta, errors, key, null); // conditions naming what does not exist stop the compiler
        }
        byte[] bytes = compile(rel, source, errors, rulesDir);
        if (bytes == null || !errors.isEmpty()) {
            return new RuleModule(rel, List.of(), meta, errors, key, null);
        }
        return new RuleModule(rel, models(bytes), meta, errors, key, bytes);
    }

    /** The packages of a compiled module, instantiated in a class loader of their own. */
    private static Collection<Model> models(byte[] kjar) {
        KieServices ks = KieServices.Factory.get();
        KieModuleModel model = ks.newKieModuleModel();
        KieBaseModelImpl kbase = (KieBaseModelImpl) model.newKieBaseModel("defaultKieBase").setDefault(true).addPackage("*");
        ReleaseId releaseId = ks.newReleaseId("org.claimauditor", "rules", "1.0." + BUILD_COUNTER.incrementAndGet());
        CanonicalKieModule module = new CanonicalKieModule(new MemoryKieModule(releaseId, model, MemoryFileSystem.readFromJar(kjar)));
        Map<String, byte[]> classes = module.getClassesMap();
        ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(new OwnClassesHere(classes.keySet()));
        loader.storeClasses(classes);
        module.setModuleClassLoader(loader);
        return List.copyOf(module.getModelForKBase(kbase));
    }

    /**
     * The parent of a module's class loader: refuses the module's own generated classes at once, so they are defined
     * from the module instead of being looked for first in every jar of the application (in the packaged jar that
     * search, a miss through some 200 nested jars per class, was most of the time of loading a cached rule set).
     */
    private static final class OwnClassesHere extends ClassLoader {
        private final Set<String> own;

        OwnClassesHere(Set<String> classFiles) {
            super(RuleModule.class.getClassLoader());
            this.own = new java.util.HashSet<>();
            for (String f : classFiles) {
                if (f.endsWith(".class")) {
                    own.add(f.substring(0, f.length() - ".class".length()).replace('/', '.'));
                }
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (own.contains(name)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /** One executable-model build of one file; its errors translated into {@code errors}; the module's bytes, or null. */
    private static byte[] compile(String rel, SourceText source, List<BuildError> errors, Path rulesDir) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write(RESOURCES + rel, source.text());
        ReleaseId releaseId = ks.newReleaseId("org.claimauditor", "rules", "1.0." + BUILD_COUNTER.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        ks.getRepository().removeKieModule(releaseId); // the bytes are all we keep; reloads must not accumulate modules
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        Map<String, SourceText> sources = Map.of(source.file(), source);
        for (Message m : messages) {
            if ((m.getText().contains("Parser returned a null Package") || m.getText().startsWith("Java source of"))
                    && messages.size() > 1) {
                continue; // a consequence of (or a dump behind) an error reported on its own
            }
            if (m.getPath() != null && m.getPath().endsWith(".java")) {
                errors.add(DroolsMessages.action(m.getText().strip(), sources, rulesDir.toString()));
                continue;
            }
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            Matcher at = LINE_COL.matcher(m.getText());
            if (column == 0 && at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2)) + 1; // the parser counts columns from 0
            }
            if (line == 0) {
                int[] found = RuleSetLoader.locate(source.text(), m.getText());
                line = found[0];
                column = found[1];
            }
            errors.add(DroolsMessages.condition(source.file(), line, column, m.getText().strip(), source));
        }
        if (!messages.isEmpty()) {
            return null;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        // second line of defence behind the source check: what the compiled rules actually call
        RuleSandbox.checkBytecode(module, Map.of(rel, source), errors);
        return errors.isEmpty() ? module.getBytes() : null;
    }
}
