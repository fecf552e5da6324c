package io.logist.cli;

import io.logist.LogistException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into {@code logist: <message>} on standard error and the exit code of SPEC section 9.
 * Expected failures (bad usage, bad input, a locked job) never show a stack trace; others say how to get
 * one, and {@code --debug} prints it for all.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final String ALLOWED = "; allowed from ";

    private final BooleanSupplier debug;

    /** @param debug whether {@code --debug} was given, known only once the arguments are parsed */
    ErrorHandler(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("logist: " + failure.getMessage());
        UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (debug.getAsBoolean()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int exitCode = ExitCodes.forException(failure);
        if (failure instanceof LogistException) {
            message(failure.getMessage(), err);
        } else {
            err.println("logist: internal error: " + failure);
        }
        if (debug.getAsBoolean()) {
            failure.printStackTrace(err);
        } else if (exitCode == ExitCodes.FAILED) {
            causes(failure, err);
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return exitCode;
    }

    /**
     * The library's message; a refused action ({@code ...: it is RUNNING; allowed from RUNNING: suspend, cancel},
     * as {@link io.logist.InvalidTransitionException} and other refusals word it) as two lines: what was refused
     * and why, then what the state allows, which is what a person looks for next.
     */
    private static void message(String message, PrintWriter err) {
        int allowed = message.lastIndexOf(ALLOWED);
        if (allowed < 0) {
            err.println("logist: " + message);
        } else {
            err.println("logist: " + message.substring(0, allowed));
            err.println(message.substring(allowed + 2));
        }
    }

    /** The causes' messages, which often say what actually went wrong (a full disk, a refused connection). */
    private static void causes(Throwable failure, PrintWriter err) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
    }
}
