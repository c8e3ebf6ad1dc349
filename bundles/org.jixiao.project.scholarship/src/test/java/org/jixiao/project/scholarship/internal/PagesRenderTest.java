package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;

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

    private String html(WebResult result, Actor actor, Locale locale) throws Exception {
        return PluginTemplates.render(FTL, project, result, actor, locale);
    }
}
