import io.logist.JobId;
import io.logist.runner.docker.DockerRunnerProvider;
import io.logist.runner.podman.PodmanRunnerProvider;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputSink;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The measurements of bench/container-overhead.sh for one engine (run with the java source launcher):
 *   java -cp CLASSES ContainerOverhead.java ENGINE RUNS IMAGE
 * Each run times, in alternating order, a bare `ENGINE run --rm IMAGE true`, the same with `--network none`
 * (the runner's default, which costs Docker a network namespace of its own), and a step of `true` through the
 * runner (start, wait for the exit code, container removed), then the start latency of both: the time until
 * the first line of `echo ready` arrives.
 */
public class ContainerOverhead {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        int runs = Integer.parseInt(args[1]);
        String image = args[2];
        RunnerProvider provider = engine.equals("docker") ? new DockerRunnerProvider() : new PodmanRunnerProvider();
        Probe probe = provider.probe();
        if (!probe.available()) {
            System.out.println(engine + ": not measured: " + probe.detail());
            return;
        }
        Path work = Files.createTempDirectory("logist-container-bench");
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        Path step = Files.createDirectories(work.resolve("step"));
        Runner runner = provider.create(new RunnerContext(work.resolve("home"), System.getenv(), Clock.systemUTC()));
        Map<String, Object> options = Map.of("image", image);

        // One of each first, outside the measurements: the first container of an image pays for caches.
        bare(engine, image, List.of());
        step(runner, request(workspace, step, options, "true"));

        List<Double> bare = new ArrayList<>();
        List<Double> bareNoNetwork = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> ratiosNoNetwork = new ArrayList<>();
        List<Double> bareFirstLine = new ArrayList<>();
        List<Double> stepFirstLine = new ArrayList<>();
        List<Double> startReturned = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double b;
            double n;
            double s;
            if (i % 2 == 0) {
                b = bare(engine, image, List.of());
                n = bare(engine, image, List.of("--network", "none"));
                s = step(runner, request(workspace, step, options, "true"));
            } else {
                s = step(runner, request(workspace, step, options, "true"));
                n = bare(engine, image, List.of("--network", "none"));
                b = bare(engine, image, List.of());
            }
            bare.add(b);
            bareNoNetwork.add(n);
            steps.add(s);
            ratios.add(s / b);
            ratiosNoNetwork.add(s / n);
            bareFirstLine.add(bareFirstLine(engine, image));
            double[] latency = stepFirstLine(runner, request(workspace, step, options, "echo ready; sleep 0.2"));
            startReturned.add(latency[0]);
            stepFirstLine.add(latency[1]);
        }
        System.out.printf("%s (%s, %d runs, medians)%n", engine, probe.detail(), runs);
        row("bare '" + engine + " run --rm IMAGE true'", median(bare), "ms");
        row("bare, with --network none (the runner's default)", median(bareNoNetwork), "ms");
        row("runner step of 'true' (start to exit, removed)", median(steps), "ms");
        row("ratio runner step / bare run", median(ratios), "");
        row("ratio runner step / bare run --network none", median(ratiosNoNetwork), "");
        row("start latency, bare (first line)", median(bareFirstLine), "ms");
        row("start latency, runner (start() returns)", median(startReturned), "ms");
        row("start latency, runner (first line)", median(stepFirstLine), "ms");
    }

    private static void row(String label, double value, String unit) {
        System.out.printf(unit.isEmpty() ? "  %-52s %7.2f%n" : "  %-52s %5.0f %s%n", label + ":", value, unit);
    }

    private static ExecutionRequest request(Path workspace, Path step, Map<String, Object> options, String script) {
        return new ExecutionRequest(JobId.of("bench"), 1, List.of("sh", "-c", script), Map.of("PATH", "/bin"),
                workspace, step, Optional.of(""), options);
    }

    private static double step(Runner runner, ExecutionRequest request) throws Exception {
        long start = System.nanoTime();
        Execution execution = runner.start(request, (channel, line) -> { });
        if (execution.waitFor(PATIENCE).isEmpty()) {
            throw new IllegalStateException("the step did not end within " + PATIENCE);
        }
        return millis(start);
    }

    /** The time start() took, and the time until the first line arrived. */
    private static double[] stepFirstLine(Runner runner, ExecutionRequest request) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        OutputSink sink = (channel, line) -> first.countDown();
        long start = System.nanoTime();
        Execution execution = runner.start(request, sink);
        double returned = millis(start);
        if (!first.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("no line within " + PATIENCE);
        }
        double line = millis(start);
        execution.waitFor(PATIENCE);
        return new double[] {returned, line};
    }

    private static double bare(String engine, String image, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(engine, "run", "--rm"));
        command.addAll(options);
        command.addAll(List.of(image, "true"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return millis(start);
    }

    private static double bareFirstLine(String engine, String image) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(engine, "run", "--rm", image, "sh", "-c", "echo ready; sleep 0.2")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            out.readLine();
            double line = millis(start);
            process.waitFor();
            return line;
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
