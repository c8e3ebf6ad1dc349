package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/** Month-end actuals for tracking: the records registered on or before the day, capped at the year's end. */
class ActualsAsOfTest extends EmploymentTestBase {

    private static final LocalDate BIRTH = LocalDate.of(1990, 5, 17);

    private static Map<String, BigDecimal> values(long jobseekers, long entrepreneurs) {
        BigDecimal noShare = BigDecimal.ZERO.setScale(2);
        return Map.of("youth.jobseekers", BigDecimal.valueOf(jobseekers), "youth.entrepreneurs",
                BigDecimal.valueOf(entrepreneurs), "entrepreneurship.projects", BigDecimal.ZERO, "mentors.count",
                BigDecimal.ZERO, "mentors.paired", noShare, "mentors.activities", noShare);
    }

    /** The youth, project and mentor indicators of the values; the other registers test their own. */
    private static Map<String, BigDecimal> first(Map<String, BigDecimal> all) {
        Map<String, BigDecimal> out = new HashMap<>(all);
        out.keySet().retainAll(values(0, 0).keySet());
        return out;
    }

    @Test
    void countsWhatWasRegisteredByTheDay() {
        int seq = 31;
        for (String registered : List.of("2012-11-30", "2013-01-31", "2013-02-01", "2013-03-15")) {
            service.create(CITY_ADMIN, person("A" + seq, BIRTH, seq++, "JOB_SEEKING", FixedOrgUnits.COUNTY_A,
                    registered));
        }
        service.create(CITY_ADMIN, person("A" + seq, BIRTH, seq++, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A,
                "2013-02-28"));
        long deleted = service.create(CITY_ADMIN, person("A" + seq, BIRTH, seq++, "ENTREPRENEUR",
                FixedOrgUnits.COUNTY_A, "2013-01-10"));
        service.delete(CITY_ADMIN, deleted);
        service.create(CITY_ADMIN, person("B" + seq, BIRTH, seq++, "JOB_SEEKING", FixedOrgUnits.COUNTY_B,
                "2013-01-02"));

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        Map<Long, Map<String, BigDecimal>> jan = project.actualsAsOf(List.of(a, b), 2013, LocalDate.of(2013, 1, 31));
        // Every register reports every one of its indicators for every unit asked, zero included.
        assertEquals(project.indicators().stream().map(d -> d.id()).collect(Collectors.toSet()), jan.get(a).keySet());
        assertEquals(values(2, 0), first(jan.get(a)), "on or before 31 January; the deleted record does not count");
        assertEquals(values(1, 0), first(jan.get(b)));
        assertEquals(values(3, 1), first(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 2, 28)).get(a)));
        assertEquals(values(4, 1), first(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 6, 15)).get(a)));
        assertEquals(values(1, 0), first(project.actualsAsOf(List.of(a), 2012, LocalDate.of(2012, 12, 31)).get(a)));

        // At or after the year's end it is the year-end figure, exactly as actuals gives it.
        assertEquals(project.actuals(List.of(a, b), 2012),
                project.actualsAsOf(List.of(a, b), 2012, LocalDate.of(2013, 6, 1)));
        assertEquals(project.actuals(List.of(a, b), 2013),
                project.actualsAsOf(List.of(a, b), 2013, LocalDate.of(2013, 12, 31)));
        assertEquals(values(0, 0), first(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2012, 1, 1)).get(a)));
        assertTrue(project.actualsAsOf(List.of(), 2013, LocalDate.of(2013, 3, 1)).isEmpty());
    }
}
