package io.logist.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Checks that a plugin registers its implementations both ways: in {@code META-INF/services} (found on the
 * class path, usually written by {@code @AutoService}) and with {@code provides ... with} in its compiled
 * {@code module-info.class} (found on the module path). The two are written by hand in different places and
 * drift apart silently, so each plugin module runs this in a test.
 */
public final class ServiceRegistrations {
    private static final String MODULE_INFO = "module-info.class";

    private ServiceRegistrations() {
    }

    /**
     * Asserts that the module holding {@code anyClassOfTheModule} (a jar or a classes directory) lists the
     * same, non-empty set of {@code serviceType} implementations in {@code META-INF/services} and in its
     * {@code module-info.class}.
     */
    public static void assertAgree(Class<?> serviceType, Class<?> anyClassOfTheModule) {
        Path location = codeSource(anyClassOfTheModule);
        String servicesEntry = "META-INF/services/" + serviceType.getName();

        List<String> listedInServicesFile = read(location, servicesEntry)
                .map(ServiceRegistrations::implementationsInServicesFile)
                .orElse(List.of());
        byte[] moduleInfo = read(location, MODULE_INFO).orElseThrow(() -> new AssertionError(
                "there is no " + MODULE_INFO + " in " + location + "; add a module-info.java to the module"));
        List<String> providedInModuleInfo = ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo))
                .provides().stream()
                .filter(provides -> provides.service().equals(serviceType.getName()))
                .flatMap(provides -> provides.providers().stream())
                .toList();

        assertThat(listedInServicesFile)
                .as("implementations of %s listed in %s of %s (is @AutoService(%s.class) on the provider?)",
                        serviceType.getName(), servicesEntry, location, serviceType.getSimpleName())
                .isNotEmpty();
        assertThat(providedInModuleInfo)
                .as("'provides %s with ...' in the module-info of %s, compared with %s",
                        serviceType.getName(), location, servicesEntry)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(listedInServicesFile);
    }

    private static Path codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new AssertionError(type.getName() + " has no code source (is it a JDK class?);"
                    + " pass a class of the plugin module itself");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new AssertionError("the code source of " + type.getName() + " (" + source.getLocation()
                    + ") is not a local jar or directory", e);
        }
    }

    private static Optional<byte[]> read(Path location, String entry) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(entry);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                ZipEntry found = jar.getEntry(entry);
                if (found == null) {
                    return Optional.empty();
                }
                try (var in = jar.getInputStream(found)) {
                    return Optional.of(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new AssertionError("could not read " + entry + " from " + location + ": " + e.getMessage(), e);
        }
    }

    /** The class names in a services file: one a line, {@code #} starts a comment. */
    private static List<String> implementationsInServicesFile(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
