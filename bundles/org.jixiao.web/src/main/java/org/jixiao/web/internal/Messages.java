package org.jixiao.web.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translations for one request: a plugin's bundle first (when the page is a plugin's), then the web layer's
 * own, which also carries the core's validation messages.
 */
final class Messages {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    Messages(Locale locale, ResourceBundle... first) {
        this.locale = locale;
        this.bundles = new ArrayList<>();
        for (ResourceBundle b : first) {
            if (b != null) {
                bundles.add(b);
            }
        }
        bundles.add(own(locale));
    }

    static ResourceBundle own(Locale locale) {
        return ResourceBundle.getBundle("i18n.web", locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    /** The message, formatted; the key itself when no bundle has it, so a gap shows instead of failing. */
    String get(String key, Object... args) {
        for (ResourceBundle b : bundles) {
            try {
                if (b.containsKey(key)) {
                    String pattern = b.getString(key);
                    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            } catch (MissingResourceException e) {
                // next bundle
            }
        }
        return key;
    }
}
