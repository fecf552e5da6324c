package io.logist;

/** A plugin could not be loaded, is registered twice, or failed; the message names the plugin. */
public class PluginException extends LogistException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
