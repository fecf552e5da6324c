package io.logist.cli;

import io.logist.BadInputException;
import io.logist.JobId;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The entry point of the {@code logist} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Path.of(""), System.getenv()));
    }

    /**
     * Runs one command line in-process, as tests do.
     *
     * @param args the arguments after {@code logist}
     * @param in   what {@code -} reads, as in {@code job poststep ID --response -}
     * @param out  where results and progress go
     * @param err  where errors and hints go
     * @param cwd  the directory relative paths are resolved against
     * @param env  the environment variables ({@code LOGIST_HOME}, and what agents see)
     * @return the exit code of SPEC section 9
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd,
                          Map<String, String> env) {
        // Only the real standard output can be a terminal; System.console() says whether it is one.
        boolean interactive = out == System.out && System.console() != null;
        return run(args, new CliEnvironment(in, out, err, cwd, env, interactive, Clock.systemUTC()));
    }

    static int run(String[] args, CliEnvironment environment) {
        return commandLine(environment).execute(args);
    }

    /** The configured command line, without running it: tests parse with it. */
    static CommandLine commandLine(CliEnvironment environment) {
        LogistCommand root = new LogistCommand(environment);
        ErrorHandler errors = new ErrorHandler(root::debug);
        return new CommandLine(root)
                .setOut(writer(environment.out()))
                .setErr(writer(environment.err()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(JobId.class, Main::jobId)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    private static JobId jobId(String text) {
        try {
            return JobId.of(text);
        } catch (BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }
}
