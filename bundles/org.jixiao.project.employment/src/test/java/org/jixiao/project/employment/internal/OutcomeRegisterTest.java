package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.outcome.OutcomeRegister;
import org.junit.jupiter.api.Test;

/**
 * Employment outcomes on the register engine: a youth counted once a year (in the form and by the table), the
 * youth's county, the link that keeps the youth, and the indicator as of any day. What every register does is the
 * engine's tests'.
 */
class OutcomeRegisterTest extends EmploymentTestBase {

    private static final LocalDate BIRTH = LocalDate.of(1990, 5, 17);

    private static Map<String, Object> outcome(long youth, String employedOn) {
        return form("youth", String.valueOf(youth), "unit", A, "employer", "青创电子厂", "post", "技术员",
                "employedOn", employedOn, "channel", "TRAINING");
    }

    private long create(Map<String, Object> outcome) {
        return engine.create(A_STAFF, project, OutcomeRegister.ID, outcome);
    }

    @Test
    void aYouthCountsOnceAYearAndADeletionFreesThem() {
        long li = service.create(A_STAFF, person("Li", BIRTH, 31, "JOB_SEEKING", FixedOrgUnits.COUNTY_A,
                "2012-01-05"));
        long first = create(outcome(li, "2013-03-01"));
        ValidationException e = assertThrows(ValidationException.class, () -> create(outcome(li, "2013-05-01")));
        assertEquals(Map.of("youth", "outcome.youth.counted"), e.fieldErrors());
        assertEquals(1, rows("EMP_OUTCOME"));
        long lastYear = create(outcome(li, "2012-11-01"));
        // Moving last year's into this year meets the first one.
        ValidationException moved = assertThrows(ValidationException.class, () -> engine.update(A_STAFF, project,
                OutcomeRegister.ID, lastYear, outcome(li, "2013-01-10"), -1));
        assertEquals(Map.of("youth", "outcome.youth.counted"), moved.fieldErrors());
        engine.delete(A_STAFF, project, OutcomeRegister.ID, first, "重复登记");
        engine.update(A_STAFF, project, OutcomeRegister.ID, lastYear, outcome(li, "2013-01-10"), -1);
        // The table holds one live row per youth and year, whatever a racing writer does.
        long older = create(outcome(li, "2011-06-01"));
        assertThrows(Exception.class, () -> store.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE EMP_OUTCOME SET OUTCOME_YEAR = 2013 WHERE ID = ?")) {
                ps.setLong(1, older);
                return ps.executeUpdate();
            }
        }));
    }

    @Test
    void theYouthIsOfTheOutcomesCountyAndStaysWhileNamed() {
        long han = service.create(CITY_ADMIN, person("Han", BIRTH, 32, "JOB_SEEKING", FixedOrgUnits.COUNTY_B,
                "2012-01-05"));
        Map<String, Object> other = outcome(han, "2013-03-01");
        ValidationException e = assertThrows(ValidationException.class,
                () -> engine.create(CITY_ADMIN, project, OutcomeRegister.ID, other));
        assertEquals("register.error.otherUnit", e.fieldErrors().get("youth"));
        long li = service.create(A_STAFF, person("Li", BIRTH, 31, "JOB_SEEKING", FixedOrgUnits.COUNTY_A,
                "2012-01-05"));
        long id = create(outcome(li, "2013-03-01"));
        ValidationException linked = assertThrows(ValidationException.class, () -> service.delete(A_STAFF, li));
        assertEquals(Map.of("outcomes", "outcome.linked"), linked.fieldErrors());
        engine.delete(A_STAFF, project, OutcomeRegister.ID, id, "录错");
        service.delete(A_STAFF, li);
    }

    @Test
    void theIndicatorCountsTheYearsOutcomesByTheirEmploymentDay() {
        assertEquals("unit.person", assertPolicy(OutcomeRegister.INDICATOR_OUTCOMES, 200, "附件2 一、绩效管理目标")
                .unitKey());
        int seq = 41;
        for (String day : List.of("2012-12-31", "2013-01-01", "2013-03-31", "2013-04-01")) {
            create(outcome(service.create(A_STAFF, person("Y" + seq, BIRTH, seq++, "JOB_SEEKING",
                    FixedOrgUnits.COUNTY_A, "2012-01-05")), day));
        }
        long deleted = create(outcome(service.create(A_STAFF, person("Y" + seq, BIRTH, seq++, "JOB_SEEKING",
                FixedOrgUnits.COUNTY_A, "2012-01-05")), "2013-02-01"));
        engine.delete(A_STAFF, project, OutcomeRegister.ID, deleted, "录错");
        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        String id = OutcomeRegister.INDICATOR_OUTCOMES;
        assertEquals(BigDecimal.valueOf(2), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 3, 31)).get(a)
                .get(id), "the year's, by the day; the deleted one does not count");
        assertEquals(BigDecimal.valueOf(3), project.actuals(List.of(a), 2013).get(a).get(id));
        assertEquals(BigDecimal.ONE, project.actuals(List.of(a), 2012).get(a).get(id), "a year, not a stock");
        assertEquals(BigDecimal.ZERO, project.actuals(List.of(b), 2013).get(b).get(id));
    }
}
