package io.logist.cli;

import io.logist.Logist;
import io.logist.PluginInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist plugins}: every runner and agent found, and whether it can work here. */
@Command(name = "plugins", description = "List every runner and agent plugin found: its id, version and class,"
        + " and whether it can work on this machine, with what its probe found or what is missing.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist plugins",
            "  logist plugins --json | jq -r '.[] | select(.available | not) | .id + \": \" + .detail'"})
final class PluginsCommand extends LogistSubcommand {
    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        List<PluginInfo> plugins = logist.plugins();
        json.print(out(), () -> JsonViews.plugins(plugins), () -> TextViews.plugins(plugins));
        return ExitCodes.OK;
    }
}
