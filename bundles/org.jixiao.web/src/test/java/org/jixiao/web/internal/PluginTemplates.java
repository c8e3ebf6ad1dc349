package org.jixiao.web.internal;

import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.Actor;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebResult;

import freemarker.template.Configuration;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

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

    /**
     * A project's page as the web layer renders it: its model, the layout's, and the project's messages before the
     * web layer's own; a message missing in {@code locale} fails the rendering.
     */
    public static String render(Configuration ftl, KeyProject project, WebResult result, Actor actor, Locale locale)
            throws Exception {
        if (result.kind() != WebResult.Kind.PAGE) {
            throw new IllegalStateException("not a page: " + result.kind());
        }
        List<ResourceBundle> bundles = List.of(project.messages(locale), ResourceBundle.getBundle("i18n.web", locale,
                PluginTemplates.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
        String base = "/p/" + project.id();
        Map<String, Object> model = new HashMap<>(Map.of("actor", actor, "lang", locale.toLanguageTag(),
                "csrfToken", "t", "path", base + "/x", "errors", Map.of(), "isAdmin", false));
        model.putAll(result.model());
        model.put("base", base);
        model.put("projectName", project.name(locale));
        if (result.model().get(PageServlet.DOCUMENT_YEAR) instanceof Integer year) {
            Documents.header(model, new DocumentHeader(new org.jixiao.api.testing.FixedOrgUnits(), "", ""),
                    new Messages(locale), year, null, java.time.LocalDate.now());
        }
        model.put("msg", (TemplateMethodModelEx) args -> {
            String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0)));
            Object[] rest = args.stream().skip(1).map(a -> unwrap((TemplateModel) a)).toArray();
            ResourceBundle b = bundles.stream().filter(x -> x.containsKey(key)).findFirst()
                    .orElseThrow(() -> new TemplateModelException("missing message " + key + " for " + locale));
            return rest.length == 0 ? b.getString(key) : new MessageFormat(b.getString(key), locale).format(rest);
        });
        StringWriter out = new StringWriter();
        ftl.getTemplate(result.target() + ".ftlh", locale).process(model, out);
        return out.toString();
    }

    private static Object unwrap(TemplateModel m) {
        try {
            return DeepUnwrap.unwrap(m);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
