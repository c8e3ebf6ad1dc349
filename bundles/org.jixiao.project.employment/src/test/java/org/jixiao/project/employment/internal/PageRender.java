package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.Actor;
import org.jixiao.api.web.WebResult;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * Renders a page result as the web layer would (its FreeMarker settings, a stub layout, the project's messages that
 * fail on a missing key), so a test sees the HTML a user gets in either language.
 */
final class PageRender {

    private PageRender() {
    }

    static Set<String> keys(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(b.keySet());
    }

    static String msg(Locale locale, String key) {
        return ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    static String render(EmploymentProject project, WebResult result, Actor actor, Locale locale) throws IOException, TemplateException {
        assertEquals(WebResult.Kind.PAGE, result.kind());
        // As the web layer configures it (org.jixiao.web Templates), without a URL-escaping charset.
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
        cfg.setObjectWrapper(new freemarker.template.DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setAPIBuiltinEnabled(false);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
            new ClassTemplateLoader(PageRender.class, "/templates"), new ClassTemplateLoader(PageRender.class, "/ftl-stub")}));
        ResourceBundle bundle = project.messages(locale);
        Map<String, Object> model = new HashMap<>(result.model());
        model.put("msg", (TemplateMethodModelEx) args -> {
            String key = String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)));
            if (!bundle.containsKey(key)) {
                throw new TemplateModelException("missing message " + key + " for " + locale);
            }
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
            }
            return rest.length == 0 ? bundle.getString(key) : MessageFormat.format(bundle.getString(key), rest);
        });
        model.put("base", "/p/employment");
        model.put("actor", actor);
        model.put("lang", locale.toLanguageTag());
        StringWriter out = new StringWriter();
        cfg.getTemplate(result.target() + ".ftlh").process(model, out);
        return out.toString();
    }
}
