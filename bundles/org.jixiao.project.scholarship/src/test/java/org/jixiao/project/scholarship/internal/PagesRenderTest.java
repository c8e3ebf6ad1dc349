package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/** Every page of the project's own, rendered with the web layer's real layout in both languages. */
class PagesRenderTest extends ScholarshipTestBase {

    private static final Configuration FTL = PluginTemplates.configuration(PagesRenderTest.class.getClassLoader());

    @Test
    void everyPageRendersInBothLanguagesWithEveryMessage() throws Exception {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        toNotice(id);
        clock.set(LocalDate.of(YEAR, 8, 20));
        step(A_HOPE, id, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt", pdf("签收单.pdf")));
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String notice = html(project.publicWeb().handle(FakeWebRequest.html("GET", "/notice", null)
                    .param("year", "2024")), CITY_HOPE, locale);
            assertTrue(notice.contains("张*伟") && notice.contains(project.verifyChain().head()), notice);
            assertFalse(notice.contains("张三伟"));
            assertTrue(notice.contains(FixedOrgUnits.CITY.name()) && notice.contains("2024-08-20"), notice);
            String list = html(page("/disbursement", A_HOPE), A_HOPE, locale);
            assertTrue(list.contains("张三伟") && list.contains("5000") && list.contains(A.name()), list);
            assertTrue(html(page("/chain", CITY_HOPE), CITY_HOPE, locale).contains(project.verifyChain().head()));
            String checked = html(project.web().handle(FakeWebRequest.html("GET", "/chain", CITY_HOPE)
                    .param("head", project.verifyChain().head())), CITY_HOPE, locale);
            assertTrue(checked.contains(project.messages(locale).getString("chain.printed.intact").replace("{0}",
                    "4")), checked);
            assertTrue(html(page("/reconciliation", A_HOPE), A_HOPE, locale).contains("100000.00"));
            assertTrue(html(page("/results", CITY_HOPE), CITY_HOPE, locale).contains(A.name()));
        }
    }

    private WebResult page(String path, Actor actor) {
        return project.web().handle(FakeWebRequest.html("GET", path, actor).param("year", "2024"));
    }

    /** As the web layer renders a project's page: its model, then the project's messages before its own. */
    private String html(WebResult result, Actor actor, Locale locale) throws Exception {
        assertEquals(WebResult.Kind.PAGE, result.kind());
        List<ResourceBundle> bundles = List.of(project.messages(locale), ResourceBundle.getBundle("i18n.web", locale,
                getClass().getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
        Map<String, Object> model = new HashMap<>(Map.of("actor", actor, "lang", locale.toLanguageTag(),
                "csrfToken", "t", "path", "/p/scholarship/x", "errors", Map.of(), "isAdmin", false));
        model.putAll(result.model());
        model.put("base", "/p/scholarship");
        model.put("projectName", project.name(locale));
        model.put("msg", (TemplateMethodModelEx) args -> {
            String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0)));
            Object[] rest = args.stream().skip(1).map(a -> unwrap((TemplateModel) a)).toArray();
            ResourceBundle b = bundles.stream().filter(x -> x.containsKey(key)).findFirst()
                    .orElseThrow(() -> new TemplateModelException("missing message " + key + " for " + locale));
            return rest.length == 0 ? b.getString(key) : new MessageFormat(b.getString(key), locale).format(rest);
        });
        StringWriter out = new StringWriter();
        FTL.getTemplate(result.target() + ".ftlh", locale).process(model, out);
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
