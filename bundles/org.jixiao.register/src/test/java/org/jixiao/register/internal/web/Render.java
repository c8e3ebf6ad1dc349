package org.jixiao.register.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.Actor;
import org.jixiao.api.Role;
import org.jixiao.api.web.WebResult;
import org.jixiao.web.internal.PluginTemplates;

import freemarker.template.Configuration;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * Renders a page result as the web layer does (org.jixiao.web's Templates and PageServlet.project): its FreeMarker
 * settings, its real layout and register templates from the web bundle on the test class path, the model every
 * page gets, and messages from the project's bundle then the web layer's; a missing key fails the test.
 */
final class Render {

    /** A CSRF token with characters that must be escaped where it is written. */
    static final String TOKEN = "tok\"en<>";
    static final String BASE = "/p/demo";
    private static final Demo PROJECT = new Demo();
    private static final Configuration CONFIGURATION = PluginTemplates.configuration(Render.class.getClassLoader());

    private Render() {
    }

    static ResourceBundle web(Locale locale) {
        return ResourceBundle.getBundle("i18n.web", locale, Render.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** As the web layer's Messages: the project's bundle first, then its own; formatted only with arguments. */
    static String message(Locale locale, String key, Object... args) {
        for (ResourceBundle b : List.of(PROJECT.messages(locale), web(locale))) {
            if (b.containsKey(key)) {
                String pattern = b.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        throw new AssertionError("missing message " + key + " for " + locale);
    }

    static String page(WebResult result, Actor actor, Locale locale) throws Exception {
        assertEquals(WebResult.Kind.PAGE, result.kind(), "a page");
        Map<String, Object> model = new HashMap<>();
        model.put("actor", actor);
        model.put("lang", Locale.ENGLISH.equals(locale) ? "en" : "zh-CN");
        model.put("csrfToken", TOKEN);
        model.put("path", BASE + "/here");
        model.put("errors", new HashMap<String, String>());
        model.put("isAdmin", actor.has(Role.ADMIN));
        model.putAll(result.model());
        model.put("base", BASE);
        model.put("projectName", PROJECT.name(locale));
        model.put("msg", (TemplateMethodModelEx) args -> {
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                rest[i - 1] = DeepUnwrap.unwrap((TemplateModel) args.get(i));
            }
            try {
                return message(locale, String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0))), rest);
            } catch (AssertionError e) {
                throw new TemplateModelException(e.getMessage());
            }
        });
        StringWriter out = new StringWriter();
        CONFIGURATION.getTemplate(result.target() + ".ftlh", locale).process(model, out);
        return out.toString();
    }
}
