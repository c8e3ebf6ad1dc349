package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

/** The yearly survey update: a frozen confirmation a year, and next year's changes since it. */
class SurveyTest extends PreventionTestBase {

    @Test
    void aCountyConfirmsItsYearOnceAndSeesNextYearWhoIsNewWhoLeftAndWhoseFactsChanged() throws Exception {
        clock.set(LocalDate.of(2024, 2, 20));
        youth(A_OFFICE, "甲", 1);
        long moved = youth(A_OFFICE, "乙", 2);
        long gone = youth(A_OFFICE, "丙", 3);
        youth(B_OFFICE, "丁", 4);
        assertEquals(3, ((Number) post(A_OFFICE, "2024").get("youth")).intValue());
        assertEquals(Map.of("year", "survey.confirmedAlready"), assertThrows(ValidationException.class,
                () -> post(A_OFFICE, "2024")).fieldErrors());
        assertThrows(AccessDeniedException.class, () -> post(CITY_OFFICE, "2024"));
        assertThrows(AccessDeniedException.class, () -> post(A_PRO, "2024"));
        clock.set(LocalDate.of(2025, 2, 10));
        Map<String, Object> form = youthForm("乙", 2, A_PRO, A_VOL);
        form.put("community", "新村");
        engine.update(A_OFFICE, project, YouthRegister.YOUTH, moved, form, -1);
        engine.delete(A_OFFICE, project, YouthRegister.YOUTH, gone, "迁出本县");
        long added = youth(A_OFFICE, "戊", 5);
        audit.clear();
        Map<String, Object> county = get(A_OFFICE, "2025");
        assertEquals(List.of(added), ids(county, "added"));
        assertEquals(List.of(gone), ids(county, "left"));
        assertEquals(List.of(moved), ids(county, "changed"));
        assertEquals("", county.get("confirmed"));
        assertTrue(audit.contains("youth.survey youth year=2025 ids=" + added + "," + gone + "," + moved), audit
                .toString());
        Map<String, Object> city = get(CITY_OFFICE, "2024");
        assertEquals(List.of(Map.of("county", A.name(), "confirmed", "2024-02-20", "onTime", true, "youth", 3),
                Map.of("county", B.name(), "confirmed", "", "onTime", false, "youth", 0)), city.get("rows"));
        for (Actor reader : List.of(A_OFFICE, CITY_OFFICE)) {
            String html = PluginTemplates.render(PluginTemplates.configuration(getClass().getClassLoader()), project,
                    project.web().handle(FakeWebRequest.html("GET", "/survey", reader).param("year", "2025")),
                    reader, Locale.ENGLISH);
            assertTrue(html.contains(reader == A_OFFICE ? "戊" : A.name()), html);
        }
    }

    @Test
    void aYouthWhoLeftTheProgrammeIsNotSurveyedAgainAndShowsAsLeft() throws Exception {
        clock.set(LocalDate.of(2024, 2, 20));
        youth(A_OFFICE, "庚", 6);
        long leaves = youth(A_OFFICE, "辛", 7);
        assertEquals(2, ((Number) post(A_OFFICE, "2024").get("youth")).intValue());
        clock.set(LocalDate.of(2025, 2, 10));
        Map<String, Object> form = youthForm("辛", 7, null, null);
        form.putAll(Map.of("registeredOn", "2024-02-20", "leftOn", "2024-12-31", "leftReason", "外出务工"));
        engine.update(A_OFFICE, project, YouthRegister.YOUTH, leaves, form, -1);
        Map<String, Object> county = get(A_OFFICE, "2025");
        assertEquals(List.of(leaves), ids(county, "left"));
        assertEquals(List.of(), ids(county, "changed"));
        assertEquals(1, ((Number) post(A_OFFICE, "2025").get("youth")).intValue());
    }

    /** A youth registered on the clock's day. */
    private long youth(Actor office, String name, int sequence) {
        Map<String, Object> form = youthForm(name, sequence, null, null);
        form.put("registeredOn", LocalDate.now(clock).toString());
        return engine.create(office, project, YouthRegister.YOUTH, form);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(Actor actor, String year) {
        return (Map<String, Object>) project.web().handle(FakeWebRequest.api("POST", "/survey/confirm", actor)
                .param("year", year)).body();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(Actor actor, String year) {
        return (Map<String, Object>) project.web().handle(FakeWebRequest.api("GET", "/survey", actor)
                .param("year", year)).body();
    }

    private static List<Object> ids(Map<String, Object> county, String kind) {
        return ((List<?>) county.get(kind)).stream().<Object>map(x -> ((Map<?, ?>) x).get("youthId")).toList();
    }
}
