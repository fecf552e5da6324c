package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
    private static final String TAIL = " 0 0 0 0 0 0 0 0 0 0 0 0 20 0 1 0 555 0 0\n";

    @TempDir
    Path root;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhatTheTestStarted() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void readsThisJvmsOwnEntry() {
        ProcessHandle self = ProcessHandle.current();

        ProcStat stat = ProcFs.system().stat(self.pid()).orElseThrow();

        assertThat(stat.pid()).isEqualTo(self.pid());
        assertThat(stat.parentPid()).isEqualTo(self.parent().orElseThrow().pid());
        assertThat(stat.isDead()).isFalse();
    }

    @Test
    void aPidWithoutEntryIsEmpty() {
        assertThat(new ProcFs(root).stat(12345)).isEmpty();
    }

    @Test
    void sessionMembersAreTheLiveProcessesWithThatSessionId() throws IOException {
        write(10, "10 (sh) S 1 10 10");
        write(11, "11 (odd ) name) S 10 10 10");
        write(12, "12 (other) S 1 12 12");
        write(13, "13 (ended) Z 10 10 10");
        Files.createDirectories(root.resolve("self"));

        assertThat(new ProcFs(root).sessionMembers(10)).extracting(ProcStat::pid).containsExactlyInAnyOrder(10L, 11L);
    }

    @Test
    void hostnameIsTheKernelsNodeName() throws IOException {
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/hostname"), "build-7\n");

        assertThat(new ProcFs(root).hostname()).isEqualTo("build-7");
    }

    @Test
    void aBackgroundGrandchildStaysInTheSessionOfItsGrandparent() throws Exception {
        Process leader = startSession("sleep 30 & echo $!; wait");
        long grandchild = firstLineAsPid(leader);

        List<ProcStat> members = ProcFs.system().sessionMembers(leader.pid());

        assertThat(members).extracting(ProcStat::pid).contains(leader.pid(), grandchild);
    }

    @Test
    void aProcessThatStartsItsOwnSessionLeavesTheSession() throws Exception {
        Process leader = startSession("setsid sleep 30 & echo $!; wait");
        long escaped = firstLineAsPid(leader);
        ProcFs proc = ProcFs.system();
        Eventually.until("the escaped process to lead its own session",
                () -> proc.stat(escaped).map(stat -> stat.sessionId() == escaped).orElse(false));

        List<ProcStat> members = proc.sessionMembers(leader.pid());

        assertThat(members).extracting(ProcStat::pid).contains(leader.pid()).doesNotContain(escaped);
    }

    private void write(long pid, String head) throws IOException {
        Files.createDirectories(root.resolve(Long.toString(pid)));
        Files.writeString(root.resolve(pid + "/stat"), head + TAIL);
    }

    private Process startSession(String script) throws IOException {
        Process process = new ProcessBuilder(HostTools.locate(System.getenv()).setsid().toString(), "sh", "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process.pid());
        return process;
    }

    private long firstLineAsPid(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long pid = Long.parseLong(Optional.ofNullable(reader.readLine()).orElseThrow().strip());
        started.add(pid);
        return pid;
    }
}
