package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, item 6: targets never approved are said so, and a year opened late offers new windows. */
class YearPageTest {

    private static final LocalDate TODAY = LocalDate.of(2031, 6, 10);
    private static final PerformanceYear LATE = new PerformanceYear(2031, Step.TARGET_SETTING, List.of(
            new StepWindow(Step.TARGET_SETTING, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 3, 31)),
            new StepWindow(Step.EXECUTION, LocalDate.of(2031, 4, 1), LocalDate.of(2031, 11, 30))));

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aYearOpenedAfterItsFirstWindowShowsItExpiredAndOffersNewDatesFromToday(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> m = new HashMap<>();
        PerformancePages.windows(m, LATE, TODAY);
        assertEquals(List.of("TARGET_SETTING"), m.get("expired"), "the current step's window is past, the next not");
        assertEquals("TARGET_SETTING", m.get("suggestStep"));
        assertEquals("2031-06-10", m.get("suggestOpens"));
        assertEquals("2031-09-07", m.get("suggestCloses"), "as long as the window was: 90 days, both ends included");

        Map<String, Object> model = TemplateChecks.model(TemplateChecks.cityAdminOrCountyViewer(true, locale), "/perf/2031");
        model.putAll(m);
        model.put("py", LATE);
        model.put("steps", Step.values());
        model.put("canManage", true);
        model.put("canApprove", false);
        model.put("units", List.of());
        model.put("targetsApproved", false);
        String html = TemplateChecks.render("perf-year", model, locale);
        assertTrue(html.contains(new Messages(locale).get("perf.window.expired")));
        assertTrue(html.contains("value=\"2031-06-10\"") && html.contains("value=\"2031-09-07\""));
        assertTrue(html.contains("<option value=\"TARGET_SETTING\" selected>"));
        assertTrue(html.contains(new Messages(locale).get("perf.targets.unapproved")));
        assertTrue(html.contains("name=\"reason\""), "the advance form asks for a reason");

        model.put("py", new PerformanceYear(2031, Step.EXECUTION, LATE.windows()));
        html = TemplateChecks.render("perf-year", model, locale);
        assertTrue(html.contains(new Messages(locale).get("perf.targets.neverApproved")));
        model.put("targetsApproved", true);
        assertFalse(TemplateChecks.render("perf-year", model, locale)
                .contains(new Messages(locale).get("perf.targets.neverApproved")));
    }
}
