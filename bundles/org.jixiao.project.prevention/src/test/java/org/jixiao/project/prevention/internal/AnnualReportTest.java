package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.statistics.AnnualReport;
import org.jixiao.project.prevention.internal.statistics.CrimeStatistics;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;

/**
 * Step 4's report: the city's analysis and proposals to the city leader in charge, with the year's crime statistics of
 * every county against last year and against the key youth registered, printed as a document of the year.
 */
class AnnualReportTest extends PreventionTestBase {

    private static final Configuration FTL = PluginTemplates.configuration(AnnualReportTest.class.getClassLoader());

    private void figures(org.jixiao.api.Actor by, int year, String source, int under25, int minors) {
        engine.create(by, project, CrimeStatistics.STATISTICS, form("year", year, "source", source,
                "offenceCategory", "THEFT", "under25", under25, "minors", minors));
    }

    @Test
    void theCityReportsTheYearAgainstLastYearAndTheKeyYouthAndPrintsItAsADocument() throws Exception {
        figures(A_POLICE, 2024, "POLICE", 12, 3);
        figures(B_OFFICE, 2024, "POLICE", 8, 1);
        figures(A_POLICE, 2023, "POLICE", 16, 4);
        figures(A_OFFICE, 2024, "COURT", 9, 2);
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        youth(B_OFFICE, "赵六", 2, B_PRO, B_VOL);
        engine.create(A_PRO, project, YouthRegister.OFFENCES, form("parent", y, "offence", "盗窃",
                "offenceCategory", "THEFT", "committedOn", "2024-05-10"));
        Map<String, Object> text = form("year", 2024, "leader", "李副市长", "causes", "家庭监护缺失",
                "measures", "一对一结对帮扶", "proposals", "扩大社区矫正志愿者队伍");
        assertThrows(AccessDeniedException.class, () -> engine.create(A_OFFICE, project, AnnualReport.REPORTS,
                text));
        engine.create(CITY_OFFICE, project, AnnualReport.REPORTS, text);
        assertEquals(Map.of("year", "register.error.duplicate"), refused(() -> engine.create(CITY_OFFICE, project,
                AnnualReport.REPORTS, text), "PRV_REPORT"));

        // The member units' own analyses: a county's police, a city department; once a year each.
        Map<String, Object> police = form("year", 2024, "memberUnit", "POLICE", "causes", "网吧聚集", "measures",
                "加强网吧巡查");
        engine.create(A_POLICE, project, AnnualReport.ANALYSES, police);
        assertEquals(Map.of("year", "register.error.duplicate"), refused(() -> engine.create(A_POLICE, project,
                AnnualReport.ANALYSES, police), "PRV_ANALYSIS"));
        engine.create(CITY_EDUCATION, project, AnnualReport.ANALYSES, form("year", 2024, "memberUnit", "EDUCATION",
                "causes", "辍学", "measures", "控辍保学"));
        assertThrows(AccessDeniedException.class, () -> engine.create(A_VOL, project, AnnualReport.ANALYSES,
                form("year", 2024, "memberUnit", "LEAGUE", "causes", "x", "measures", "y")));

        WebResult page = project.web().handle(FakeWebRequest.html("GET", "/annual-report", CITY_OFFICE)
                .param("year", "2024"));
        Map<String, Object> m = page.model();
        assertEquals(2024, m.get("documentYear"));
        assertEquals(List.of("COURT 9 0 ", "POLICE 20 16 25.0"), ((List<?>) m.get("bySource")).stream()
                .map(x -> (Map<?, ?>) x).map(x -> x.get("source") + " " + x.get("under25") + " "
                        + x.get("under25Before") + " " + x.get("change")).toList());
        assertEquals(2L, m.get("registered"));
        assertEquals(1L, m.get("offended"));
        assertEquals("李副市长", m.get("leader"));
        assertEquals(List.of(A.name() + " POLICE 网吧聚集", CityUnits.EDUCATION.name() + " EDUCATION 辍学"),
                ((List<?>) m.get("analyses")).stream().map(x -> (Map<?, ?>) x).map(x -> x.get("unit") + " "
                        + x.get("memberUnit") + " " + x.get("causes")).toList());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String html = PluginTemplates.render(FTL, project, page, CITY_OFFICE, locale);
            assertTrue(html.contains("red-header") && html.contains("扩大社区矫正志愿者队伍") && html.contains("控辍保学")
                    && html.contains("李副市长") && html.contains("print.js"), html);
        }
        assertThrows(AccessDeniedException.class, () -> project.web().handle(FakeWebRequest.html("GET",
                "/annual-report", A_OFFICE)));
    }
}
