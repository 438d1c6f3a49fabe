package org.claimauditor.engine;

import java.nio.file.Path;

/** The shipped rules/ folder, built once per test JVM (a build takes a couple of seconds). */
public final class TestRules {

    private static RuleSet shipped;
    private static org.claimauditor.ncci.NcciTables ncciSample;

    private TestRules() { }

    public static synchronized RuleSet shipped() {
        if (shipped == null) {
            shipped = new RuleSetLoader(Path.of("rules"), Path.of("payer-policies")).load();
        }
        return shipped;
    }

    /** The bundled NCCI sample set the fixtures are written against. */
    public static synchronized org.claimauditor.ncci.NcciTables ncciSample() {
        if (ncciSample == null) {
            ncciSample = org.claimauditor.ncci.NcciLoader.load(Path.of("test-claims", "ncci-sample"));
        }
        return ncciSample;
    }
}
