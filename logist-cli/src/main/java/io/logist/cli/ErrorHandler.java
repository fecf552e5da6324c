package io.logist.cli;

import io.logist.InvalidTransitionException;
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
        if (failure instanceof InvalidTransitionException refused) {
            refusal(refused, err);
        } else if (failure instanceof LogistException) {
            err.println("logist: " + failure.getMessage());
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
     * A refused action as two lines: what was refused and why, then what the state allows, which is what
     * a person looks for next.
     */
    private static void refusal(InvalidTransitionException refused, PrintWriter err) {
        String allowed = "allowed from " + refused.current() + ": " + String.join(", ", refused.allowed());
        String message = refused.getMessage();
        String suffix = "; " + allowed;
        if (!refused.allowed().isEmpty() && message.endsWith(suffix)) {
            err.println("logist: " + message.substring(0, message.length() - suffix.length()));
            err.println(allowed);
        } else {
            err.println("logist: " + message);
        }
    }

    /** The causes' messages, which often say what actually went wrong (a full disk, a refused connection). */
    private static void causes(Throwable failure, PrintWriter err) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
    }
}
