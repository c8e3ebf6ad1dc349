package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;

/**
 * The openings of sealed offences as pages (Criminal Procedure Law art. 286): the youth's page shows its office that
 * a sealed offence exists and links to the request form; the request takes a legal reason; another holder of the
 * office approves it on the requests page, never the requester; the pages render in both languages with their CSRF
 * fields.
 */
class UnsealPagesTest extends PreventionTestBase {

    private static final Configuration FTL = PluginTemplates.configuration(UnsealPagesTest.class.getClassLoader());

    @Test
    void theOfficeAsksWithAReasonAndASecondHolderApprovesOnThePages() throws Exception {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long sealed = engine.create(A_PRO, project, YouthRegister.OFFENCES, form("parent", y, "offence", "打架",
                "offenceCategory", "AFFRAY", "committedOn", "2024-01-10"));
        audit.clear();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String page = render(html("GET", "/youth/" + y, A_OFFICE), A_OFFICE, locale);
            assertTrue(page.contains("/p/prevention/offences/" + sealed + "/unseal")
                    && page.contains("/p/prevention/unseal-requests") && !page.contains("打架"), page);
        }
        assertTrue(audit.contains("offence.sealedList youth:" + y + " ids=" + sealed), audit.toString());
        // A helper reads the youth but is no office of the offences: no link, no form.
        assertTrue(!render(html("GET", "/youth/" + y, A_PRO), A_PRO, Locale.SIMPLIFIED_CHINESE)
                .contains("/unseal"));
        assertThrows(NotFoundException.class, () -> html("GET", "/offences/" + sealed + "/unseal", A_PRO));
        assertThrows(NotFoundException.class, () -> html("GET", "/unseal-requests", A_PRO));

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String form = render(html("GET", "/offences/" + sealed + "/unseal", A_OFFICE), A_OFFICE, locale);
            assertTrue(form.contains("action=\"/p/prevention/offences/" + sealed + "/unseal\"")
                    && form.contains("name=\"_csrf\""), form);
        }
        WebResult blank = project.web().handle(FakeWebRequest.html("POST", "/offences/" + sealed + "/unseal",
                A_OFFICE).param("reason", "  "));
        assertEquals(400, blank.status());
        assertEquals(0, store.count("SELECT COUNT(*) FROM REG_UNSEAL"));
        WebResult asked = project.web().handle(FakeWebRequest.html("POST", "/offences/" + sealed + "/unseal",
                A_OFFICE).param("reason", "法院来函调取，刑事诉讼法第286条"));
        assertEquals("/unseal-requests?saved=asked", asked.target());

        // The requester has nothing to approve; the second holder sees the request with its reason.
        assertEquals(List.of(), html("GET", "/unseal-requests", A_OFFICE).model().get("requests"));
        List<?> waiting = (List<?>) html("GET", "/unseal-requests", A_OFFICE2).model().get("requests");
        assertEquals(1, waiting.size());
        String request = (String) ((Map<?, ?>) waiting.get(0)).get("id");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String list = render(html("GET", "/unseal-requests", A_OFFICE2), A_OFFICE2, locale);
            assertTrue(list.contains("法院来函调取") && list.contains("action=\"/p/prevention/unseal-requests/"
                    + request + "/approve\"") && list.contains("name=\"_csrf\""), list);
        }
        assertThrows(AccessDeniedException.class, () -> html("POST", "/unseal-requests/" + request + "/approve",
                A_OFFICE));
        assertThrows(AccessDeniedException.class, () -> engine.get(A_OFFICE, project, YouthRegister.OFFENCES,
                sealed));
        assertEquals("/unseal-requests?saved=approved", html("POST", "/unseal-requests/" + request + "/approve",
                A_OFFICE2).target());
        assertEquals("打架", engine.get(A_OFFICE, project, YouthRegister.OFFENCES, sealed).value("offence"));
    }

    private WebResult html(String method, String path, Actor actor) {
        return project.web().handle(FakeWebRequest.html(method, path, actor));
    }

    private String render(WebResult page, Actor actor, Locale locale) throws Exception {
        return PluginTemplates.render(FTL, project, page, actor, locale);
    }
}
