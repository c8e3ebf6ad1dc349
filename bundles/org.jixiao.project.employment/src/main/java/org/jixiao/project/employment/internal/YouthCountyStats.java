package org.jixiao.project.employment.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The youth database county by county: one row per county in scope with its live records by type, education, age
 * band and need, and the same sums over all rows. Every map holds every key, zero included, so the table has the
 * same columns whatever the data.
 *
 * @param rows one per county, in tree order
 * @param total the sum of the rows
 */
record YouthCountyStats(List<Row> rows, Row total) {

    YouthCountyStats {
        rows = List.copyOf(rows);
    }

    /**
     * @param countyId 0 for the total row
     * @param byNeed a youth with several needs counts once under each
     */
    record Row(long countyId, String countyName, long total, Map<YouthType, Long> byType,
            Map<Education, Long> byEducation, Map<String, Long> byAgeBand, Map<NeedCategory, Long> byNeed) {

        /** A row of zeros, to be added to. */
        static Row empty(long countyId, String countyName) {
            Map<String, Long> bands = new LinkedHashMap<>();
            YouthStats.AGE_BANDS.forEach(b -> bands.put(b, 0L));
            return new Row(countyId, countyName, 0, zeros(YouthType.class), zeros(Education.class), bands,
                    zeros(NeedCategory.class));
        }

        /** This row with {@code other}'s counts added, named as this one. */
        Row plus(Row other) {
            Map<YouthType, Long> type = new EnumMap<>(byType);
            other.byType.forEach((k, v) -> type.merge(k, v, Long::sum));
            Map<Education, Long> education = new EnumMap<>(byEducation);
            other.byEducation.forEach((k, v) -> education.merge(k, v, Long::sum));
            Map<String, Long> bands = new LinkedHashMap<>(byAgeBand);
            other.byAgeBand.forEach((k, v) -> bands.merge(k, v, Long::sum));
            Map<NeedCategory, Long> need = new EnumMap<>(byNeed);
            other.byNeed.forEach((k, v) -> need.merge(k, v, Long::sum));
            return new Row(countyId, countyName, total + other.total, type, education, bands, need);
        }

        private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
            Map<E, Long> m = new EnumMap<>(type);
            for (E e : type.getEnumConstants()) {
                m.put(e, 0L);
            }
            return m;
        }
    }
}
