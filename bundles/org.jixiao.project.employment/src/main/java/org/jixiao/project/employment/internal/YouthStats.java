package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Counts over the live records in a scope. Every map holds every key of its enum (or band), zero included,
 * so a table shows the same rows whatever the data.
 *
 * @param byAgeBand keys {@link #AGE_BANDS}; the age reached this year, so a youth registered at 45 may since be
 *                  "over45"
 * @param byCounty one row per county in scope: county id and name, and counts per type
 */
record YouthStats(long total, Map<YouthType, Long> byType, Map<Education, Long> byEducation,
        Map<String, Long> byAgeBand, Map<NeedCategory, Long> byNeed, List<CountyCount> byCounty) {

    /** The bands the project reports, in the order shown; message keys {@code youth.age.<band>}. */
    static final List<String> AGE_BANDS = List.of("16_24", "25_30", "31_35", "36_45", "over45");

    /**
     * The band of someone born in {@code birthYear}, by the age reached in {@code today}'s year (only the year of
     * birth is kept). The same bounds as the SQL of {@link YouthRepository#countByAgeBand}.
     */
    static String ageBand(int birthYear, LocalDate today) {
        int age = today.getYear() - birthYear;
        int band = age < 25 ? 0 : age < 31 ? 1 : age < 36 ? 2 : age < 46 ? 3 : 4;
        return AGE_BANDS.get(band);
    }

    record CountyCount(long countyId, String countyName, long jobSeeking, long entrepreneurs) {
    }
}
