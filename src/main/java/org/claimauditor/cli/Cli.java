package org.claimauditor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Arrays;
import java.util.Set;

/**
 * The command-line face of the auditor. Exit codes: 0 clean, 1 findings at ERROR (or failures), 2 bad usage /
 * unreadable rules or reference data, 3 an internal failure (out of memory included). Every failure is one line
 * on stderr; {@code --debug} adds the stack trace.
 */
@Command(name = "claim-auditor", mixinStandardHelpOptions = true,
        description = "Audit coded medical claims against NCCI, modifier and payer rules.",
        subcommands = {AuditCommand.class, ValidateRulesCommand.class, TestRulesCommand.class,
                org.claimauditor.bench.BenchCommand.class})
public final class Cli {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private static final Set<String> COMMANDS = Set.of("audit", "validate-rules", "test-rules", "bench", "help", "--help", "-h");

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean debug;

    private Cli() { }

    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            CommandLine cmd = new CommandLine(new Cli());
            cmd.setExitCodeExceptionMapper(e -> INTERNAL);
            cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalFailure(ex, debug, commandLine.getErr()));
            cmd.setParameterExceptionHandler((ex, a) -> {
                // One line, not the whole usage text: the option and what is wrong with it, and where help is.
                ex.getCommandLine().getErr().println(ex.getMessage() + " (see: "
                        + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
                return USAGE;
            });
            return cmd.execute(args);
        } catch (Throwable t) {
            // Errors (OutOfMemoryError, StackOverflowError) escape picocli's handler, which only sees Exceptions.
            return internalFailure(t, debug, new java.io.PrintWriter(System.err, true));
        }
    }

    /** One line naming what failed; the trace only with --debug. Out of memory says which setting helps. */
    static int internalFailure(Throwable t, boolean debug, java.io.PrintWriter err) {
        if (t instanceof OutOfMemoryError) {
            err.println("internal error: out of memory (" + t.getMessage() + "); give the JVM more heap, e.g. java -Xmx8g -jar …, "
                    + "or audit fewer claims at once" + (debug ? "" : " (--debug for the stack trace)"));
        } else {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root
                    && (root instanceof java.util.concurrent.CompletionException || root instanceof java.lang.reflect.UndeclaredThrowableException
                    || root instanceof java.io.UncheckedIOException || root instanceof java.util.concurrent.ExecutionException)) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
            err.println("internal error: " + root.getClass().getSimpleName() + message
                    + (debug ? "" : " (--debug for the stack trace)"));
        }
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }
}
