package io.logist.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version in the CLI jar's manifest. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Optional.ofNullable(ManifestVersion.class.getPackage().getImplementationVersion())
                .orElse("(development build: no jar manifest)");
        return new String[] {"logist " + version};
    }
}
