package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the CLI running real mock jobs is killed with SIGKILL at random moments, and after each kill
 * {@code logist job recover} must leave the job intact: every file readable, steps numbered without gaps and
 * each with exactly one checkpoint commit on the job branch, and no process of the job left running. The next
 * {@code logist job run} goes on from there (and may be killed in turn); a last unkilled run brings every job
 * to SUCCESS, reached exactly once.
 *
 * <p>Two kinds of jobs: a worker and supervisor that revise once (four quick steps, so kills land in
 * provisioning, committing and recording), and slow agents (one second each, so kills land while the agent
 * runs, and recovery re-attaches to it). The moment a kill hit is read from the events written before it and
 * reported with the seed ({@code -Dlogist.faults.seed=N} repeats a run; {@code -Dlogist.faults.kills=N} sets
 * the number of kills).
 */
class FaultInjectionIT {
    private static final int KILLS = Integer.getInteger("logist.faults.kills", 50);
    private static final long SEED = Long.getLong("logist.faults.seed", System.nanoTime());
    private static final String[] QUICK = {"agents.mock.scenario=revise-once", "sentinel.retries=1000"};
    private static final String[] SLOW = {"agents.mock.scenario=slow", "agents.mock.seconds=1",
        "sentinel.retries=1000"};

    @TempDir
    Path dir;

    private CliProcesses cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = CliProcesses.inNewRepository(dir);
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killsAtRandomMomentsLoseNothingAndDuplicateNothing() throws Exception {
        Random random = new Random(SEED);
        Window quick = activeWindowOfAnUnkilledRun(cli.createJob(QUICK));
        Window slow = activeWindowOfAnUnkilledRun(cli.createJob(SLOW));
        Map<String, Integer> phases = new TreeMap<>();
        List<String> jobs = new ArrayList<>();
        int kills = 0;
        int tornLines = 0;
        long started = System.nanoTime();
        while (kills < KILLS) {
            boolean slowJob = jobs.size() % 3 == 2;
            String id = cli.createJob(slowJob ? SLOW : QUICK);
            jobs.add(id);
            Window window = slowJob ? slow : quick;
            while (kills < KILLS) {
                int eventsBefore = cli.events(id).list().size();
                Process run = cli.start("job", "run", id, "--quiet");
                if (killMomentPassed(run, id, eventsBefore, window, random)) {
                    CliProcesses.Result finished = CliProcesses.finish(run);
                    assertThat(finished.exitCode()).as(finished.err()).isZero();
                    break;
                }
                run.destroyForcibly();
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                String phase = phaseHit(id, eventsBefore);
                phases.merge(phase, 1, Integer::sum);
                System.out.println("kill " + kills + " of job " + id + ": " + phase);
                CliProcesses.Events events = cli.events(id);
                tornLines += events.tornLastLine() ? 1 : 0;
                cli.manifest(id);

                CliProcesses.Result recovered = cli.run("job", "recover", id);

                assertThat(recovered.exitCode()).as("recover after kill %d: %s", kills, recovered.err()).isZero();
                assertIntact(id);
                if (cli.manifest(id).path("status").asText().equals("SUCCESS")) {
                    // The kill came after the run had already finished the job: nothing is left to run.
                    break;
                }
            }
        }
        for (String id : jobs) {
            if (!cli.manifest(id).path("status").asText().equals("SUCCESS")) {
                CliProcesses.Result last = cli.run("job", "run", id, "--quiet");
                assertThat(last.exitCode()).as(last.err()).isZero();
            }
            assertIntact(id);
            assertThat(cli.manifest(id).path("status").asText()).isEqualTo("SUCCESS");
            assertThat(cli.events(id).ofType("job.state")).filteredOn(e -> e.path("to").asText().equals("SUCCESS"))
                    .as("job %s succeeded once", id).hasSize(1);
        }
        String report = "fault injection (seed " + SEED + "): " + kills + " kills on " + jobs.size() + " jobs in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s (unkilled runs: quick " + quick
                + ", slow " + slow + "); torn last event lines: " + tornLines
                + "\n" + phases.entrySet().stream().map(e -> String.format("  %3d  %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n"));
        System.out.println(report);
        Files.writeString(Path.of("target", "fault-injection-report.txt"), report + "\n");
        assertThat(phases).as("kills spread over the run").hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * When a run writes: from its first event (after the JVM started and the job was taken) to its exit, in
     * milliseconds after the process started.
     */
    private record Window(long firstEvent, long exit) {
        @Override
        public String toString() {
            return "first event after " + firstEvent + " ms, exit after " + exit + " ms";
        }
    }

    /**
     * Waits for the moment to kill the run: one in ten during start-up, the others at a random moment of the
     * time a whole run writes, counted from the run's first event, so that the machine's load does not push
     * the kills into the start-up.
     *
     * @return true when the run ended first
     */
    private boolean killMomentPassed(Process run, String id, int eventsBefore, Window window, Random random)
            throws Exception {
        if (random.nextInt(10) == 0) {
            return run.waitFor(random.nextInt((int) window.firstEvent()), TimeUnit.MILLISECONDS);
        }
        while (cli.events(id).list().size() == eventsBefore) {
            if (run.waitFor(5, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return run.waitFor((long) (random.nextDouble() * (window.exit() - window.firstEvent())),
                TimeUnit.MILLISECONDS);
    }

    private Window activeWindowOfAnUnkilledRun(String id) throws Exception {
        int before = cli.events(id).list().size();
        long start = System.nanoTime();
        Process run = cli.start("job", "run", id, "--quiet");
        while (cli.events(id).list().size() == before && run.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long firstEvent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        CliProcesses.Result finished = CliProcesses.finish(run);
        long exit = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(finished.exitCode()).as(finished.err()).isZero();
        assertIntact(id);
        return new Window(firstEvent, exit);
    }

    /** What the killed process was doing, from the last event it wrote. */
    private String phaseHit(String id, int eventsBefore) throws Exception {
        List<JsonNode> events = cli.events(id).list();
        if (events.size() <= eventsBefore) {
            return "start-up: nothing written yet";
        }
        JsonNode last = events.get(events.size() - 1);
        String type = last.path("type").asText();
        return switch (type) {
            case "job.state" -> last.path("to").asText().equals("RUNNING") ? "taking the job (RUNNING written)"
                    : "after the run: the job rests (" + last.path("to").asText() + ")";
            case "step.started" -> "provisioning the step (workspace, prompt)";
            case "step.execution", "step.usage", "step.signal" -> "the agent runs";
            case "step.finished" -> "between steps (step recorded)";
            case "step.verdict-rejected" -> "harvesting (verdict)";
            case "step.phase" -> switch (last.path("phase").asText()) {
                case "EXECUTING" -> "starting the agent";
                case "HARVESTING" -> committedButNotRecorded(id, last.path("step").asInt())
                        ? "checkpoint committed, manifest not yet written"
                        : "harvesting (verdict, checkpoint commit)";
                case "DONE" -> "writing the manifest of the finished step";
                default -> "step phase " + last.path("phase").asText();
            };
            default -> "after event " + type;
        };
    }

    private boolean committedButNotRecorded(String id, int step) throws Exception {
        Path workspace = cli.jobDirectory(id).resolve("workspace");
        return TestRepository.git(workspace, "log", "-1", "--format=%s").startsWith("logist " + id + " step " + step
                + " (");
    }

    /**
     * The job rests, its files parse, its events are numbered 1, 2, 3..., its steps are numbered without gaps,
     * each finished with a checkpoint, the job branch holds exactly those commits in order, and nothing of the
     * job runs.
     */
    private void assertIntact(String id) throws Exception {
        JsonNode job = cli.manifest(id);
        assertThat(job.path("status").asText()).as("job %s rests", id).isNotEqualTo("RUNNING");
        List<JsonNode> events = cli.events(id).list();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("seq").asLong()).as("seq of event %d of job %s", i + 1, id)
                    .isEqualTo(i + 1);
        }
        List<String> commits = new ArrayList<>();
        JsonNode steps = job.path("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertThat(step.path("n").asInt()).as("step numbers of job %s", id).isEqualTo(i + 1);
            assertThat(step.path("outcome").isMissingNode()).as("step %d of job %s has an outcome", i + 1, id)
                    .isFalse();
            assertThat(step.path("commit").isMissingNode()).as("step %d of job %s has a checkpoint", i + 1, id)
                    .isFalse();
            commits.add(step.path("commit").asText());
        }
        String branch = job.path("branch").asText();
        String range = job.path("baseCommit").asText() + ".." + branch;
        List<String> onBranch = commits.isEmpty() ? List.of()
                : List.of(TestRepository.git(cli.repository(), "rev-list", "--reverse", range).split("\n"));
        assertThat(onBranch).as("the commits of job %s's branch, one per step", id).containsExactlyElementsOf(commits);
        List<String> subjects = commits.isEmpty() ? List.of()
                : List.of(TestRepository.git(cli.repository(), "log", "--reverse", "--format=%s", range).split("\n"));
        for (int i = 0; i < subjects.size(); i++) {
            // An adopted checkpoint keeps the outcome its step reached before the kill; the step is INTERRUPTED.
            assertThat(subjects.get(i)).startsWith("logist " + id + " step " + (i + 1) + " ("
                    + steps.get(i).path("role").asText() + "): ");
        }
        assertThat(cli.processesOf(id)).as("processes of job %s left running", id).isEmpty();
    }
}
