package org.claimauditor.engine;

import java.nio.file.Path;

/** The shipped rules/ folder, built once per test JVM (a build takes a couple of seconds). */
public final class TestRules {

    private static RuleSet shipped;
    private static Reference sample;

    private TestRules() { }

    public static synchronized RuleSet shipped() {
        if (shipped == null) {
            shipped = new RuleSetLoader(Path.of("rules"), Path.of("payer-policies")).load();
        }
        return shipped;
    }

    /** The bundled NCCI and code-set samples the fixtures are written against (as test-rules uses them). */
    public static synchronized Reference sample() {
        if (sample == null) {
            sample = new Reference(org.claimauditor.ncci.NcciLoader.load(Path.of("test-claims", "ncci-sample")),
                    org.claimauditor.codes.CodeSetLoader.load(Path.of("test-claims", "code-sets-sample")).codeSets());
        }
        return sample;
    }
}
