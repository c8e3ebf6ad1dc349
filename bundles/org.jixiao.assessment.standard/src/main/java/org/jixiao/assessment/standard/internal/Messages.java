package org.jixiao.assessment.standard.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.ResourceBundle.Control;

/** The module's texts, {@code i18n/messages*.properties} in this bundle. */
final class Messages {

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * No fallback to the JVM's default locale: a node started with an English default must still answer
     * Chinese, the default language, for any locale without its own file.
     */
    static Messages of(Locale locale) {
        return new Messages(ResourceBundle.getBundle("i18n.messages", locale, Messages.class.getClassLoader(),
                Control.getNoFallbackControl(Control.FORMAT_PROPERTIES)));
    }

    String get(String key) {
        return bundle.getString(key);
    }

    /**
     * Arguments are passed pre-formatted as strings so that MessageFormat's locale-dependent number formatting
     * (grouping separators, three-decimal cut-off) never alters a figure.
     */
    String format(String key, String... args) {
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
