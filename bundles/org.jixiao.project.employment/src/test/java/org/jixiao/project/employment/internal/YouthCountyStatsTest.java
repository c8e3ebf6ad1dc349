package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The youth database county by county, on hand-made records with ages as of 15 June 2013. */
class YouthCountyStatsTest extends EmploymentTestBase {

    /** A valid youth with every field the statistics count chosen. */
    static YouthInput youth(String name, LocalDate birth, int sequence, YouthType type, OrgUnit county,
            Education education, List<String> needs, String registeredOn) {
        return person("name", name, "idNumber", idNumber("110105", birth, sequence),
                "gender", sequence % 2 == 1 ? "M" : "F", "type", type.name(), "county", String.valueOf(county.id()),
                "education", education.name(), "needCategories", needs, "registeredOn", registeredOn);
    }

    @BeforeEach
    void records() {
        // County A: 23 (16_24), exactly 28 (25_30), exactly 31 today (31_35); and a deleted record that never counts.
        service.create(A_STAFF, youth("A1", LocalDate.of(1990, 1, 1), 1, YouthType.JOB_SEEKING, FixedOrgUnits.COUNTY_A,
                Education.BACHELOR, List.of("TRAINING", "INTERNSHIP"), "2013-05-20"));
        service.create(A_STAFF, youth("A2", LocalDate.of(1985, 6, 15), 2, YouthType.ENTREPRENEUR,
                FixedOrgUnits.COUNTY_A, Education.SENIOR_HIGH, List.of("LOAN"), "2013-05-20"));
        service.create(A_STAFF, youth("A3", LocalDate.of(1982, 6, 15), 3, YouthType.JOB_SEEKING, FixedOrgUnits.COUNTY_A,
                Education.VOCATIONAL, List.of(), "2013-05-20"));
        long gone = service.create(A_STAFF, youth("A4", LocalDate.of(1991, 2, 2), 4, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of("LOAN", "MENTOR"), "2013-05-20"));
        service.delete(A_STAFF, gone);
        // County B: 43 (36_45), and 44 when registered but 46 today (over45).
        service.create(B_STAFF, youth("B1", LocalDate.of(1970, 1, 1), 5, YouthType.ENTREPRENEUR, FixedOrgUnits.COUNTY_B,
                Education.MASTER_OR_ABOVE, List.of("LOAN", "MENTOR"), "2013-05-20"));
        service.create(B_STAFF, youth("B2", LocalDate.of(1967, 6, 10), 7, YouthType.JOB_SEEKING, FixedOrgUnits.COUNTY_B,
                Education.JUNIOR_COLLEGE, List.of(), "2012-06-01"));
    }

    private static <K> Map<K, Long> counts(Map<K, Long> all) {
        Map<K, Long> nonZero = new HashMap<>();
        all.forEach((k, v) -> {
            if (v != 0) {
                nonZero.put(k, v);
            }
        });
        return nonZero;
    }

    @Test
    void cityGetsOneExactRowPerCountyAndTheirSum() {
        YouthCountyStats s = service.countyStats(CITY_ADMIN, null);
        assertEquals(2, s.rows().size());
        YouthCountyStats.Row a = s.rows().get(0);
        assertEquals(FixedOrgUnits.COUNTY_A.id(), a.countyId());
        assertEquals("甲县团委", a.countyName());
        assertEquals(3, a.total());
        assertEquals(Map.of(YouthType.JOB_SEEKING, 2L, YouthType.ENTREPRENEUR, 1L), a.byType());
        assertEquals(Map.of(Education.BACHELOR, 1L, Education.SENIOR_HIGH, 1L, Education.VOCATIONAL, 1L),
                counts(a.byEducation()));
        assertEquals(Education.values().length, a.byEducation().size(), "every education has a column");
        assertEquals(Map.of("16_24", 1L, "25_30", 1L, "31_35", 1L, "36_45", 0L, "over45", 0L), a.byAgeBand());
        assertEquals(YouthStats.AGE_BANDS, List.copyOf(a.byAgeBand().keySet()), "bands in their order");
        assertEquals(Map.of(NeedCategory.TRAINING, 1L, NeedCategory.INTERNSHIP, 1L, NeedCategory.LOAN, 1L),
                counts(a.byNeed()));

        YouthCountyStats.Row b = s.rows().get(1);
        assertEquals(FixedOrgUnits.COUNTY_B.id(), b.countyId());
        assertEquals(2, b.total());
        assertEquals(Map.of(YouthType.JOB_SEEKING, 1L, YouthType.ENTREPRENEUR, 1L), b.byType());
        assertEquals(Map.of(Education.MASTER_OR_ABOVE, 1L, Education.JUNIOR_COLLEGE, 1L), counts(b.byEducation()));
        assertEquals(Map.of("16_24", 0L, "25_30", 0L, "31_35", 0L, "36_45", 1L, "over45", 1L), b.byAgeBand());
        assertEquals(Map.of(NeedCategory.LOAN, 1L, NeedCategory.MENTOR, 1L), counts(b.byNeed()));

        YouthCountyStats.Row total = s.total();
        assertEquals(5, total.total());
        assertEquals(Map.of(YouthType.JOB_SEEKING, 3L, YouthType.ENTREPRENEUR, 2L), total.byType());
        assertEquals(Map.of("16_24", 1L, "25_30", 1L, "31_35", 1L, "36_45", 1L, "over45", 1L), total.byAgeBand());
        assertEquals(Map.of(NeedCategory.TRAINING, 1L, NeedCategory.INTERNSHIP, 1L, NeedCategory.LOAN, 2L,
                NeedCategory.MENTOR, 1L), counts(total.byNeed()));

        // The scope statistics of the list page count the same records.
        YouthStats scope = service.stats(CITY_ADMIN, null);
        assertEquals(scope.total(), total.total());
        assertEquals(scope.byEducation(), total.byEducation());
        assertEquals(scope.byAgeBand(), total.byAgeBand());
        assertEquals(scope.byNeed(), total.byNeed());
    }

    @Test
    void aCountySeesOnlyItselfAndNarrowingOutOfScopeGivesNothing() {
        YouthCountyStats own = service.countyStats(B_STAFF, null);
        assertEquals(1, own.rows().size());
        assertEquals(FixedOrgUnits.COUNTY_B.id(), own.rows().get(0).countyId());
        assertEquals(2, own.total().total());
        assertEquals(List.of(), service.countyStats(B_STAFF, FixedOrgUnits.COUNTY_A.id()).rows());
        assertEquals(0, service.countyStats(B_STAFF, FixedOrgUnits.COUNTY_A.id()).total().total());
        YouthCountyStats narrowed = service.countyStats(CITY_ADMIN, FixedOrgUnits.COUNTY_B.id());
        assertEquals(1, narrowed.rows().size());
        assertEquals(2, narrowed.total().total());
        assertThrows(AccessDeniedException.class, () -> service.countyStats(NO_ROLE, null));
    }

    @Test
    void ageBandsGoByTheAgeReachedInTheYearAsTheSqlDoes() {
        LocalDate today = LocalDate.of(2013, 6, 15);
        assertEquals("16_24", YouthStats.ageBand(1989, today));
        assertEquals("25_30", YouthStats.ageBand(1988, today));
        assertEquals("25_30", YouthStats.ageBand(1983, today));
        assertEquals("31_35", YouthStats.ageBand(1982, today));
        assertEquals("36_45", YouthStats.ageBand(1977, today));
        assertEquals("36_45", YouthStats.ageBand(1968, today));
        assertEquals("over45", YouthStats.ageBand(1967, today));
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonHasTheRowsAndTheTotal() {
        WebResult r = project.web().handle(FakeWebRequest.api("GET", "/youth/stats", CITY_ADMIN));
        Map<String, Object> body = (Map<String, Object>) r.body();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        assertEquals(2, rows.size());
        assertEquals(3L, rows.get(0).get("total"));
        assertEquals(2L, ((Map<String, Object>) rows.get(0).get("byType")).get("JOB_SEEKING"));
        assertEquals(1L, ((Map<String, Object>) rows.get(1).get("byAgeBand")).get("over45"));
        assertEquals(1L, ((Map<String, Object>) rows.get(1).get("byNeed")).get("LOAN"));
        assertEquals(2L, ((Map<String, Object>) ((Map<String, Object>) body.get("total")).get("byNeed")).get("LOAN"));
        assertEquals(5L, ((Map<String, Object>) body.get("total")).get("total"));
        Map<String, Object> own = (Map<String, Object>) project.web()
                .handle(FakeWebRequest.api("GET", "/youth/stats", A_STAFF).param("county", "3")).body();
        assertEquals(List.of(), own.get("rows"), "another county narrows to nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void pageRendersEveryColumnInBothLanguages(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        service.create(A_STAFF, youth("<script>x</script>", LocalDate.of(1992, 3, 3), 9, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-05-20"));
        String html = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/youth/stats",
                CITY_ADMIN)), CITY_ADMIN, locale);
        assertTrue(html.contains(PageRender.msg(locale, "youth.stats.county.title")));
        assertTrue(html.contains(PageRender.msg(locale, "youth.education.MASTER_OR_ABOVE")));
        assertTrue(html.contains(PageRender.msg(locale, "youth.age.over45")));
        assertTrue(html.contains(PageRender.msg(locale, "youth.needCategories.INCUBATION")));
        assertTrue(html.contains(PageRender.msg(locale, "youth.stats.county.sum")));
        assertTrue(html.contains("<td>4</td>"), "county A now has four records");
        assertTrue(html.contains("<td>6</td>"), "six in total");
        // The engine's youth list links to the table.
        assertTrue(project.registers().get(0).pages().stream().anyMatch(p -> p.path().equals("youth/stats")));
    }
}
