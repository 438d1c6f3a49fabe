package org.claimauditor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/** The command-line face of the auditor. Exit codes: 0 clean, 1 findings at ERROR (or failures), 2 bad usage / unreadable rules. */
@Command(name = "claim-auditor", mixinStandardHelpOptions = true,
        description = "Audit coded medical claims against NCCI, modifier and payer rules.",
        subcommands = {AuditCommand.class, ValidateRulesCommand.class, TestRulesCommand.class,
                org.claimauditor.bench.BenchCommand.class})
public final class Cli {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("audit", "validate-rules", "test-rules", "bench", "help", "--help", "-h");

    private Cli() { }

    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    public static int run(String... args) {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setExitCodeExceptionMapper(e -> USAGE);
        // One line, not the whole usage text: the option and what is wrong with it, and where help is.
        cmd.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage() + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        return cmd.execute(args);
    }
}
