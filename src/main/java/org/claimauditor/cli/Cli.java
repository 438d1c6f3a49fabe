package org.claimauditor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import org.claimauditor.engine.Suggestions;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The command-line face of the auditor. Exit codes: 0 clean, 1 findings at ERROR (or failures), 2 bad usage /
 * unreadable rules or reference data, 3 an internal failure (out of memory included). Every failure is one line
 * on stderr; {@code --debug} adds the stack trace.
 */
@Command(name = "claim-auditor", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Audit coded medical claims against NCCI, modifier and payer rules.",
        subcommands = {AuditCommand.class, ValidateRulesCommand.class, TestRulesCommand.class, ServeCommand.class, HistoryCommand.class,
                org.claimauditor.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;
    /** Not an exit code: {@code serve} started the REST host, and the JVM keeps running. */
    public static final int SERVING = -1;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private Cli() { }

    /** Options but no command ({@code --debug} alone): the usage, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            CommandLine cmd = new CommandLine(new Cli());
            cmd.setExitCodeExceptionMapper(e -> INTERNAL);
            cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalFailure(ex, debug, commandLine.getErr()));
            cmd.setParameterExceptionHandler((ex, a) -> {
                ex.getCommandLine().getErr().println(usageError(ex, cmd));
                return USAGE;
            });
            return cmd.execute(args);
        } catch (Throwable t) {
            // Errors (OutOfMemoryError, StackOverflowError) escape picocli's handler, which only sees Exceptions.
            return internalFailure(t, debug, new java.io.PrintWriter(System.err, true));
        }
    }

    /**
     * One line, not the whole usage text: a mistyped command with the nearest one, or the option and what is wrong
     * with it (with picocli's nearest option), and where help is.
     */
    static String usageError(CommandLine.ParameterException ex, CommandLine top) {
        CommandLine where = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException u && where == top && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String typed = u.getUnmatched().get(0);
            return "unknown command '" + typed + "'" + Suggestions.nearest(typed, top.getSubcommands().keySet())
                    .map(s -> " (did you mean " + s + "?)")
                    .orElse(" (commands: " + String.join(", ", top.getSubcommands().keySet()) + "; see: claim-auditor --help)");
        }
        String hint = "";
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = " (did you mean " + u.getSuggestions().get(0) + "?)";
        }
        return ex.getMessage() + hint + " (see: " + where.getCommandSpec().qualifiedName() + " --help)";
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
