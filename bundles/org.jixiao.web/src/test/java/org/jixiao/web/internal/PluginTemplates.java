package org.jixiao.web.internal;

import freemarker.template.Configuration;

/**
 * The web layer's FreeMarker configuration, for the tests of plugins that render their pages with its layout and
 * templates on the class path: the settings of a running node, so that a test sees the HTML users get.
 */
public final class PluginTemplates {

    private PluginTemplates() {
    }

    /** The configuration for a plugin whose templates {@code loader} finds under {@code /templates}. */
    public static Configuration configuration(ClassLoader loader) {
        return Templates.create(loader);
    }
}
