package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Counts over the live records in a scope. Every map holds every key of its enum (or band), zero included,
 * so a table shows the same rows whatever the data.
 *
 * @param byAgeBand keys {@link #AGE_BANDS}; age as of today, so a youth registered at 45 may since be "over45"
 * @param byCounty one row per county in scope: county id and name, and counts per type
 */
record YouthStats(long total, Map<YouthType, Long> byType, Map<Education, Long> byEducation,
        Map<String, Long> byAgeBand, Map<NeedCategory, Long> byNeed, List<CountyCount> byCounty) {

    /** The bands the project reports, in the order shown; message keys {@code youth.age.<band>}. */
    static final List<String> AGE_BANDS = List.of("16_24", "25_30", "31_35", "36_45", "over45");

    /**
     * The band of someone born on {@code birth}, as of {@code today}. The same birth-date bounds as the SQL of
     * {@link YouthRepository#countByAgeBand}, so a youth born on 29 February lands in the same band in both.
     */
    static String ageBand(LocalDate birth, LocalDate today) {
        if (birth.isAfter(today.minusYears(25))) {
            return AGE_BANDS.get(0);
        }
        if (birth.isAfter(today.minusYears(31))) {
            return AGE_BANDS.get(1);
        }
        if (birth.isAfter(today.minusYears(36))) {
            return AGE_BANDS.get(2);
        }
        if (birth.isAfter(today.minusYears(46))) {
            return AGE_BANDS.get(3);
        }
        return AGE_BANDS.get(4);
    }

    record CountyCount(long countyId, String countyName, long jobSeeking, long entrepreneurs) {
    }
}
