package org.jixiao.register.internal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.web.WebResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The city's conflicts page renders in both languages, each row with its resolve form and CSRF token. */
class ConflictTemplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theConflictsPageListsEachWithAResolveForm(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> row = new HashMap<>(Map.of("id", "7", "register", "<b>青年</b>", "recordHref", "/youth/9",
                "record", "李雷", "holdingUnit", "甲县", "requestingUnit", "乙县", "requestedBy", "b.staff",
                "at", "2031-03-01 10:00"));
        Map<String, Object> model = new HashMap<>(Map.of("title", Render.message(locale, "register.conflicts.title"),
                "nav", List.of(), "flash", "", "conflicts", List.of(row), "errors", Map.of()));
        String html = Render.page(WebResult.page("register/conflicts", model), Demo.CITY_ADMIN, locale);
        assertTrue(html.contains("action=\"/p/demo/conflicts/7/resolve\""));
        assertTrue(html.contains("&lt;b&gt;青年&lt;/b&gt;"), "escaped");
        assertTrue(html.contains(Render.message(locale, "register.conflicts.explain")));
        assertTrue(html.contains("name=\"csrf\"") || html.contains(Render.TOKEN.replace("\"", "&quot;")
                .replace("<", "&lt;").replace(">", "&gt;")), "the form carries the token");
        model.put("conflicts", List.of());
        assertTrue(Render.page(WebResult.page("register/conflicts", model), Demo.CITY_ADMIN, locale)
                .contains(Render.message(locale, "register.conflicts.none")));
    }
}
