package io.logist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logist.JobId;
import io.logist.Usage;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentProvider;
import io.logist.spi.AgentSignal;
import io.logist.spi.Invocation;
import io.logist.spi.OptionSpec;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.Probe;
import io.logist.spi.StepRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link AgentProvider} keeps, as JUnit 5 tests. A plugin's tests extend it (name the
 * subclass {@code <Impl>ContractTest}), return the provider from {@link #provider()}, and, when a step needs
 * more than the defaults to succeed without the internet, the {@link #options()} and {@link #environment()}
 * that make it succeed, for example the base URL of a scripted local model server.
 *
 * <p>The agent's command runs for real: a plain {@link ProcessBuilder} in a fresh git workspace, with the
 * invocation's environment, its pass-through variables and {@code PATH}/{@code HOME} from
 * {@link #environment()}, and every output line fed to the interpreter, one at a time. A step that has not
 * ended after two minutes is killed with its process tree and fails the test. The tests that run the agent
 * are skipped, not failed, when the provider's probe says its tool cannot be used on this machine.
 *
 * <p>Test methods and {@link #createSandbox(Path)} are public so that the kit itself can be checked by
 * calling them on a deliberately broken provider.
 */
public abstract class AgentProviderContractKit {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> COMMON_OPTIONS =
            Set.of("model", "path", "baseUrl", "apiKeyEnv", "env", "extraArgs", "inheritUserConfig");
    private static final Pattern VERDICT_OBJECT = Pattern.compile("\\{.*\"action\"\\s*:.*}", Pattern.DOTALL);
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(API_?KEY|ACCESS_?KEY|TOKEN|SECRET|PASSWORD).*");
    /** Shorter values turn up by chance (a {@code 1}, a {@code true}) and would make the secret check flaky. */
    private static final int SHORTEST_SECRET = 8;
    private static final JobId JOB = JobId.of("contract-kit");
    private static final String WORKER_PROMPT = """
            Create a file named hello.txt in the current directory, containing the single line: hello

            When you are done, end your final message with exactly one JSON object in a fenced json block,
            or write that object to .logist/verdict.json:
            ```json
            {"action": "COMPLETED", "summary_for_supervisor": "what was done and why", "evidence_files": ["hello.txt"]}
            ```
            "action" is COMPLETED, RETRY or STUCK; evidence_files are paths relative to the current directory.
            """;

    private Path sandbox;
    private Path home;
    private Path workspace;
    private Path stepDirectory;

    /** The provider under test. */
    protected abstract AgentProvider provider();

    /** The {@code agents.<id>.*} options that make a worker step succeed offline; none by default. */
    protected Map<String, Object> options() {
        return Map.of();
    }

    /** Logist's own environment, where the agent finds its tool and its keys by name; the JVM's by default. */
    protected Map<String, String> environment() {
        return System.getenv();
    }

    /** Creates a Logist home with a step directory, and a git workspace with one commit. */
    @BeforeEach
    public void createSandbox(@TempDir Path directory) throws IOException, InterruptedException {
        sandbox = directory;
        home = Files.createDirectories(directory.resolve("home"));
        Path job = home.resolve("jobs").resolve(JOB.value());
        workspace = Files.createDirectories(job.resolve("workspace"));
        stepDirectory = Files.createDirectories(job.resolve("steps").resolve("1-worker"));
        Files.writeString(workspace.resolve("README.md"), "A workspace for the agent contract kit.\n");
        git("init", "-q");
        git("add", "README.md");
        git("commit", "-q", "-m", "Start");
    }

    /** The id is what users type in {@code agent:}: lower-case, and the same every time. */
    @Test
    public void idIsStableAndWellFormed() {
        String id = provider().id();

        assertThat(id).as("the provider's id").matches(WELL_FORMED_ID);
        assertThat(provider().id()).as("the provider's id, asked a second time").isEqualTo(id);
    }

    /** The probe answers, even on a machine without the tool, with a detail people can act on. */
    @Test
    public void probeAnswersWithoutThrowing() {
        Probe probe = provider().probe(options(), environment());

        assertThat(probe).as("the probe").isNotNull();
        assertThat(probe.detail()).as("the probe's detail, which tells people what was found or what to install")
                .isNotBlank();
    }

    /** Options are declared once, described, and never redefine an option every agent understands. */
    @Test
    public void optionNamesAreUniqueAndDoNotShadowCommonOnes() {
        List<OptionSpec> options = provider().options();

        assertThat(options).as("the provider's options").isNotNull().doesNotContainNull();
        assertThat(options).extracting(OptionSpec::name).as("the provider's option names")
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(COMMON_OPTIONS);
        assertThat(options).allSatisfy(option ->
                assertThat(option.description()).as("the description of option %s", option.name()).isNotBlank());
    }

    /** Preparing a step leaves the workspace and the Logist home as they were, apart from the step directory. */
    @Test
    public void prepareWritesOnlyIntoTheStepDirectory() throws IOException {
        Agent agent = createAgent();
        StepRequest request = workerRequest();
        Map<String, String> before = filesOutsideTheStepDirectory();

        agent.prepare(request);

        assertThat(filesOutsideTheStepDirectory())
                .as("files and their content under %s, except the step directory %s, after prepare",
                        sandbox, stepDirectory)
                .containsExactlyInAnyOrderEntriesOf(before);
    }

    /** A worker step, run for real, exits 0 with a verdict in its final message or in {@code .logist/verdict.json}. */
    @Test
    public void aWorkerStepEndsWithAVerdictInItsFinalMessageOrFile() throws Exception {
        StepRun run = runWorkerStep();

        assertThat(run.exitCode()).as("the exit code of %s%n%s", run.command(), run.transcript()).isZero();
        Path verdictFile = workspace.resolve(".logist").resolve("verdict.json");
        String verdict = Files.exists(verdictFile) ? Files.readString(verdictFile) : run.outcome().finalMessage();
        assertThat(verdict)
                .as("the verdict (.logist/verdict.json, else the final message) of %s%n%s", run.command(),
                        run.transcript())
                .containsPattern(VERDICT_OBJECT);
    }

    /** Usage read from the output never has a negative cost, and every line gets an answer (maybe empty). */
    @Test
    public void interpreterReportsNonNegativeUsage() throws Exception {
        StepRun run = runWorkerStep();

        List<Usage> usages = run.signals().stream()
                .filter(AgentSignal.UsageDelta.class::isInstance)
                .map(signal -> ((AgentSignal.UsageDelta) signal).usage())
                .toList();
        assertThat(usages).as("the usage reported for %s%n%s", run.command(), run.transcript())
                .allSatisfy(usage -> usage.costUsd().ifPresent(cost ->
                        assertThat(cost).as("the cost of %s", usage).isNotNegative()));
    }

    /** Keys reach the agent by name: their values are never in its command, environment, input or step directory. */
    @Test
    public void secretsArePassedByNameNotByValue() throws IOException {
        Invocation invocation = createAgent().prepare(workerRequest());

        Map<String, String> logist = environment();
        Set<String> secretNames = new TreeSet<>(invocation.passThrough());
        logist.keySet().stream().filter(name -> SECRET_NAME.matcher(name).matches()).forEach(secretNames::add);
        String visible = String.join("\n", invocation.command()) + "\n" + invocation.environment() + "\n"
                + invocation.stdin().orElse("") + "\n" + contentOfTheStepDirectory();
        for (String name : secretNames) {
            String value = logist.getOrDefault(name, "");
            if (value.length() >= SHORTEST_SECRET) {
                assertThat(visible.contains(value))
                        .as("whether the value of %s appears in the step's command, environment, standard input"
                                + " or step directory (list its name in passThrough instead)", name)
                        .isFalse();
            }
        }
    }

    /** Preparing is deterministic, so that {@code logist job preview} shows what will really run. */
    @Test
    public void theSameRequestPreparesTheSameCommand() {
        StepRequest request = workerRequest();

        Invocation first = createAgent().prepare(request);
        Invocation second = createAgent().prepare(request);

        assertThat(second).as("the invocation prepared a second time for the same request").isEqualTo(first);
    }

    private Agent createAgent() {
        return provider().create(new AgentContext(home, environment(), Clock.systemUTC()));
    }

    private StepRequest workerRequest() {
        return new StepRequest(JOB, 1, "worker", WORKER_PROMPT, workspace, stepDirectory, options(),
                new StepRequest.Budget(Optional.of(new BigDecimal("1.00")), Optional.of(200_000L), STEP_TIMEOUT));
    }

    private StepRun runWorkerStep() throws Exception {
        Probe probe = provider().probe(options(), environment());
        if (!probe.available() && "true".equals(System.getenv("CI"))) {
            fail("the agent cannot be used on this machine, and with CI=true it is required: %s", probe.detail());
        }
        assumeTrue(probe.available(), () -> "SKIPPED: the agent cannot be used on this machine: " + probe.detail());
        Agent agent = createAgent();
        StepRequest request = workerRequest();
        return run(agent.prepare(request), new Recorder(agent.interpreter(request)));
    }

    private StepRun run(Invocation invocation, Recorder recorder) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(invocation.command()).directory(workspace.toFile());
        builder.environment().clear();
        builder.environment().putAll(processEnvironment(invocation));
        Process process = builder.start();
        ExecutorService streams = Executors.newFixedThreadPool(3);
        try {
            Future<?> stdout = streams.submit(() -> recorder.read(process.getInputStream(), OutputChannel.STDOUT));
            Future<?> stderr = streams.submit(() -> recorder.read(process.getErrorStream(), OutputChannel.STDERR));
            invocation.stdin().ifPresent(input -> streams.submit(() -> write(process.getOutputStream(), input)));
            if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                fail("the agent did not exit within %s: %s%n%s", STEP_TIMEOUT, invocation.command(),
                        recorder.transcript());
            }
            awaitTheRestOf(stdout);
            awaitTheRestOf(stderr);
            AgentOutcome outcome = recorder.finish(process.exitValue());
            assertThat(outcome).as("the outcome the interpreter returned from finish").isNotNull();
            return new StepRun(invocation.command(), process.exitValue(), recorder.signals(), outcome,
                    recorder.transcript());
        } finally {
            killTree(process);
            streams.shutdownNow();
        }
    }

    /** Waits for the last lines of a stream, and rethrows what the interpreter threw while reading them. */
    private static void awaitTheRestOf(Future<?> reading) throws Exception {
        try {
            reading.get(OUTPUT_DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    private Map<String, String> processEnvironment(Invocation invocation) {
        Map<String, String> logist = environment();
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            Optional.ofNullable(logist.get(name)).ifPresent(value -> variables.put(name, value));
        }
        variables.putAll(invocation.environment());
        for (String name : invocation.passThrough()) {
            Optional.ofNullable(logist.get(name)).ifPresent(value -> variables.put(name, value));
        }
        return variables;
    }

    private static Void write(OutputStream stdin, String input) throws IOException {
        try (stdin) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Each file and directory under the sandbox except the step directory, with a digest of its content. */
    private Map<String, String> filesOutsideTheStepDirectory() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(sandbox)) {
            for (Path path : (Iterable<Path>) paths.filter(path -> !path.startsWith(stepDirectory))::iterator) {
                files.put(sandbox.relativize(path).toString(), describe(path));
            }
        }
        return files;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link to " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "directory";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String contentOfTheStepDirectory() throws IOException {
        StringBuilder content = new StringBuilder();
        try (Stream<Path> paths = Files.walk(stepDirectory)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                content.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return content.toString();
    }

    private void git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Logist contract kit",
                "-c", "user.email=contract-kit@logist.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("the exit code of %s: %s", command, output).isZero();
    }

    /** One step that ran: what it was, how it ended, and what it said. */
    private record StepRun(List<String> command, int exitCode, List<AgentSignal> signals, AgentOutcome outcome,
                           String transcript) {
    }

    /** Feeds output lines to the interpreter one at a time, as the engine does, and keeps what they said. */
    private static final class Recorder {
        private final OutputInterpreter interpreter;
        private final List<AgentSignal> signals = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();

        Recorder(OutputInterpreter interpreter) {
            this.interpreter = interpreter;
        }

        Void read(InputStream stream, OutputChannel channel) throws IOException {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    onLine(channel, line);
                }
            }
            return null;
        }

        synchronized void onLine(OutputChannel channel, String line) {
            lines.add(channel + ": " + line);
            List<AgentSignal> said = interpreter.onLine(channel, line);
            assertThat(said).as("the signals the interpreter returned for the %s line '%s'", channel, line)
                    .isNotNull();
            signals.addAll(said);
        }

        synchronized AgentOutcome finish(int exitCode) {
            return interpreter.finish(exitCode);
        }

        synchronized List<AgentSignal> signals() {
            return List.copyOf(signals);
        }

        synchronized String transcript() {
            return String.join("\n", lines);
        }
    }
}
