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

    /**
     * The message, formatted; the key itself when no bundle has it, so a gap shows instead of failing. A message
     * that takes arguments, asked for without them (a field error names only its key), is its {@code .brief} form
     * when it has one, which needs none.
     */
    String get(String key, Object... args) {
        if (args.length == 0 && !key.endsWith(BRIEF) && find(key + BRIEF) != null && placeholders(find(key))) {
            return get(key + BRIEF);
        }
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

    /** The suffix of a message's form without arguments. */
    static final String BRIEF = ".brief";

    private String find(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return null;
    }

    private static boolean placeholders(String pattern) {
        return pattern != null && pattern.matches("(?s).*\\{\\d.*");
    }
}
