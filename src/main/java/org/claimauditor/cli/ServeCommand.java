package org.claimauditor.cli;

import org.claimauditor.ClaimAuditorApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code serve}: the REST host. Its settings are Spring properties ({@code --name=value}, environment variables such
 * as {@code AUDITOR_NCCI_DIR}, or application.properties); the common ones are declared here so {@code serve --help}
 * lists them, and every other {@code --name=value} is passed through to Spring untouched.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the REST host (see README, REST). Settings are Spring properties: --name=value here, "
                + "environment variables (AUDITOR_NCCI_DIR, SERVER_PORT, …) or application.properties.",
                "Any other --name=value (e.g. --auditor.limits.max-request-bytes=10MB) is passed to Spring as given."})
final class ServeCommand implements Callable<Integer> {

    private static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w.\\[\\]-]*(=.*)?", Pattern.DOTALL);

    @Option(names = "--auditor.ncci-dir", paramLabel = "DIR", description = "Folder of the CMS NCCI files (PTP, MUE, AOC); required unless --auditor.no-ncci=true.")
    Path ncciDir;

    @Option(names = "--auditor.no-ncci", arity = "0..1", paramLabel = "true|false", description = "Run without NCCI edits on purpose (every result says so).")
    Boolean noNcci;

    @Option(names = "--auditor.code-sets-dir", paramLabel = "DIR", description = "Folder of code-set files (ICD-10-CM, HCPCS, CPT list); none: shape checks only.")
    Path codeSetsDir;

    @Option(names = "--auditor.rules-dir", paramLabel = "DIR", description = "Rules folder (default: rules).")
    Path rulesDir;

    @Option(names = "--auditor.payer-policies-dir", paramLabel = "DIR", description = "Payer policy folder (default: payer-policies).")
    Path policiesDir;

    @Option(names = "--auditor.default-payer", paramLabel = "ID", description = "Payer whose policy applies to payers without a policy file (default: MEDICARE).")
    String defaultPayer;

    @Option(names = "--auditor.watch", arity = "0..1", paramLabel = "true|false", description = "Reload the rules when a file under the rules or policy folder changes (default: false).")
    Boolean watch;

    @Option(names = "--auditor.watch-interval", paramLabel = "DURATION", description = "How often to look for changes with --auditor.watch (default: 2s).")
    String watchInterval;

    @Option(names = "--server.port", paramLabel = "PORT", description = "HTTP port (default: 8080).")
    Integer port;

    @Unmatched
    List<String> otherSettings = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String other : otherSettings) {
            if (!SETTING.matcher(other).matches()) {
                System.err.println("serve: '" + other + "' is not a setting; settings are --name=value (see: claim-auditor serve --help)");
                return Cli.USAGE;
            }
        }
        // Spring gets the arguments exactly as given after "serve": picocli only checked and documented them
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> settings = all.subList(all.indexOf("serve") + 1, all.size());
        return ClaimAuditorApplication.serve(settings.toArray(String[]::new));
    }
}
