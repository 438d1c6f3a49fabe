package org.claimauditor.cli;

import org.claimauditor.engine.RuleBuildException;
import org.claimauditor.engine.RuleSetLoader;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code --version}: the project version (from the build's META-INF/build-info.properties), the version of the rule
 * set in the working folder (the content hash an audit result names), and the Drools and Java versions, so a bug
 * report carries everything that decides a finding.
 */
final class VersionInfo implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                "claim-auditor " + projectVersion(),
                "rule set " + ruleSetVersion(Path.of("rules"), Path.of("payer-policies")),
                "Drools " + org.drools.base.util.Drools.getFullVersion() + ", Java " + Runtime.version()
                        + " (" + System.getProperty("java.vendor") + ")"};
    }

    static String projectVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "(unknown: no META-INF/build-info.properties; build with Maven)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("build.version", "(unknown)");
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** The hash of the files as they are now (no build), or why there is none. */
    static String ruleSetVersion(Path rules, Path policies) {
        if (!Files.isDirectory(rules)) {
            return "(no '" + rules + "' folder in " + Path.of("").toAbsolutePath() + ")";
        }
        try {
            return new RuleSetLoader(rules, policies).version() + " (" + rules + ", " + policies + ")";
        } catch (RuleBuildException e) {
            return "(unreadable: " + e.errors().get(0) + ")";
        }
    }
}
