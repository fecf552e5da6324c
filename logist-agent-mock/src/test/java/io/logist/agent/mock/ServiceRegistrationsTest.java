package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.spi.RunnerProvider;
import io.logist.testkit.ServiceRegistrations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@link ServiceRegistrations} that the mock module's own registration cannot show. */
class ServiceRegistrationsTest {

    @Test
    void readsBothRegistrationsFromAJar() throws ClassNotFoundException {
        ServiceRegistrations.assertAgree(Class.forName("org.junit.platform.engine.TestEngine"),
                Class.forName("org.junit.jupiter.engine.JupiterTestEngine"));
    }

    @Test
    void failsForAServiceTheModuleDoesNotRegister() {
        assertThatThrownBy(() -> ServiceRegistrations.assertAgree(RunnerProvider.class, MockAgentProvider.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("META-INF/services/io.logist.spi.RunnerProvider");
    }

    @Test
    void failsWhenTheServicesFileAndTheModuleDescriptorDisagree(@TempDir Path root) throws Exception {
        Class<?> task = compileModuleListingOtherTaskInItsServicesFile(root);

        assertThatThrownBy(() -> ServiceRegistrations.assertAgree(Runnable.class, task))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("provides java.lang.Runnable")
                .hasMessageContaining("example.OtherTask");
    }

    @Test
    void failsWithoutAModuleDescriptor(@TempDir Path root) throws Exception {
        Class<?> task = compileModuleListingOtherTaskInItsServicesFile(root);
        Path classes = root.resolve("classes");
        Files.delete(classes.resolve("module-info.class"));

        assertThatThrownBy(() -> ServiceRegistrations.assertAgree(Runnable.class, task))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("there is no module-info.class in " + classes);
    }

    /** Compiles into root/classes a module that provides example.Task, listing example.OtherTask instead. */
    private static Class<?> compileModuleListingOtherTaskInItsServicesFile(Path root)
            throws IOException, ClassNotFoundException {
        Path classes = root.resolve("classes");
        Path sources = root.resolve("sources");
        Path task = Files.createDirectories(sources.resolve("example")).resolve("Task.java");
        Files.writeString(task, "package example; public class Task implements Runnable { public void run() {} }");
        Path otherTask = sources.resolve("example").resolve("OtherTask.java");
        Files.writeString(otherTask, "package example; public class OtherTask extends Task {}");
        Path moduleInfo = sources.resolve("module-info.java");
        Files.writeString(moduleInfo, "module example { provides java.lang.Runnable with example.Task; }");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int exitCode = javac.run(System.out, System.err, "-d", classes.toString(),
                task.toString(), otherTask.toString(), moduleInfo.toString());
        assertThat(exitCode).as("javac exit code").isZero();
        Path services = Files.createDirectories(classes.resolve("META-INF/services")).resolve("java.lang.Runnable");
        Files.writeString(services, "# the implementations\nexample.OtherTask\n");

        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        return loader.loadClass("example.Task");
    }
}
