package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobId;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import io.logist.spi.Invocation;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Prepares mock steps for one workspace and runs them as real {@code sh} processes, as a host runner would. */
final class MockSteps {
    static final String TASK = "Add a line to mock-work.txt.\n";

    private final Path workspace;
    private final Path steps;
    private final Agent agent;

    MockSteps(Path root) throws IOException {
        this.workspace = Files.createDirectories(root.resolve("workspace"));
        this.steps = root.resolve("steps");
        this.agent = new MockAgentProvider()
                .create(new AgentContext(root.resolve("home"), Map.of(), Clock.systemUTC()));
    }

    Path workspace() {
        return workspace;
    }

    StepRequest request(int step, String role, String prompt, Map<String, Object> options) {
        return new StepRequest(JobId.of("mock-test"), step, role, prompt, workspace,
                steps.resolve(step + "-" + role), options,
                new StepRequest.Budget(Optional.empty(), Optional.empty(), Duration.ofMinutes(1)));
    }

    Invocation prepare(int step, String role, String prompt, Map<String, Object> options) {
        return agent.prepare(request(step, role, prompt, options));
    }

    /** Starts the step with its standard streams as pipes, left for the caller to drive. */
    Process start(Invocation invocation) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(invocation.command()).directory(workspace.toFile());
        builder.environment().putAll(invocation.environment());
        return builder.start();
    }

    /** Runs the step to its end, its standard input written and closed, and reads its output. */
    Finished run(int step, String role, String prompt, Map<String, Object> options)
            throws IOException, InterruptedException {
        StepRequest request = request(step, role, prompt, options);
        Invocation invocation = agent.prepare(request);
        Path stdout = request.stepDirectory().resolve("stdout.log");
        Path stderr = request.stepDirectory().resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(invocation.command()).directory(workspace.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(invocation.environment());
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(invocation.stdin().orElse("").getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        killTree(process);
        assertThat(exited).as("whether %s exited within 30 s", invocation.command()).isTrue();

        List<String> out = Files.readAllLines(stdout);
        List<String> err = Files.readAllLines(stderr);
        OutputInterpreter interpreter = agent.interpreter(request);
        List<AgentSignal> signals = new ArrayList<>();
        out.forEach(line -> signals.addAll(interpreter.onLine(OutputChannel.STDOUT, line)));
        err.forEach(line -> signals.addAll(interpreter.onLine(OutputChannel.STDERR, line)));
        return new Finished(process.exitValue(), out, err, signals, interpreter.finish(process.exitValue()));
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A step that ran to its end. */
    record Finished(int exitCode, List<String> stdout, List<String> stderr, List<AgentSignal> signals,
                    AgentOutcome outcome) {
        String finalMessage() {
            return outcome.finalMessage();
        }
    }
}
