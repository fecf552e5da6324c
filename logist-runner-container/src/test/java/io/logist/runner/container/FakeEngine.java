package io.logist.runner.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An engine called {@code fake}, whose client a test may write as a script, with an option of its own. */
final class FakeEngine implements ContainerEngine {
    @Override
    public String id() {
        return "fake";
    }

    @Override
    public List<String> runOptions() {
        return List.of("--fake-engine-option");
    }

    @Override
    public List<String> waitOptions() {
        return List.of();
    }

    @Override
    public List<String> versionCommand() {
        return List.of("version");
    }

    @Override
    public String installAdvice() {
        return "install fake from the fake store";
    }

    @Override
    public String unreachable(Path client, Map<String, String> environment, String error) {
        return "fake is installed (" + client + ") but does not answer: " + error;
    }
}
