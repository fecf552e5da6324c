package io.logist.cli;

import picocli.CommandLine.ITypeConverter;

/** Lets picocli turn {@code --set key=value} into a {@link Setting}, reporting a malformed one as bad usage. */
final class SettingConverter implements ITypeConverter<Setting> {
    @Override
    public Setting convert(String value) {
        return Setting.parse(value);
    }
}
