package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.project.prevention.internal.work.WorkRegisters;
import org.junit.jupiter.api.Test;

/** The policy's targets beside the registers of people: help teams, monthly joint activities, demonstrations. */
class WorkIndicatorsTest extends PreventionTestBase {

    @Test
    void teamsActivitiesAndDemonstrationsCountTowardsThePolicysDefaults() {
        for (int i = 1; i <= 2; i++) {
            engine.create(A_OFFICE, project, WorkRegisters.TEAMS, form("name", "帮扶队" + i, "category", category,
                    "professionals", 3, "volunteers", 8, "formedOn", "2023-0" + i + "-01"));
        }
        for (String day : List.of("2023-12-05", "2024-01-10", "2024-02-14", "2024-03-08")) {
            engine.create(A_OFFICE, project, WorkRegisters.ACTIVITIES, form("heldOn", day, "theme", "法治进校园",
                    "memberUnits", List.of("POLICE", "EDUCATION")));
        }
        engine.create(A_OFFICE, project, WorkRegisters.DEMONSTRATIONS, form("name", "护苗行动", "organiser",
                "甲县团委", "startedOn", "2024-05-01"));
        assertThrows(AccessDeniedException.class, () -> engine.create(A_VOL, project, WorkRegisters.ACTIVITIES,
                form("heldOn", "2024-03-09", "theme", "x", "memberUnits", List.of("POLICE"))));
        Map<String, BigDecimal> a = project.actualsAsOf(List.of(A.id()), 2024, LocalDate.of(2024, 7, 15))
                .get(A.id());
        assertEquals(0, a.get("teams.count").compareTo(BigDecimal.valueOf(2)), a.toString());
        assertEquals(0, a.get("activities.count").compareTo(BigDecimal.valueOf(3)), a.toString());
        assertEquals(0, a.get("demonstrations.count").compareTo(BigDecimal.ONE), a.toString());
        assertEquals(List.of("6", "12", "6"), WorkRegisters.INDICATORS.stream()
                .map(d -> d.defaultTarget().toPlainString()).toList());
    }
}
