package org.jixiao.project.employment.internal;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.project.KeyProject;

/** Where the employment project's actuals spend their time: each register's share, for the benchmark's report. */
public final class RegisterTimes {

    private RegisterTimes() {
    }

    /** Median microseconds of each register's actuals over {@code runs} runs (after as many warm-up runs). */
    public static Map<String, Long> medianMicros(KeyProject project, Collection<Long> unitIds, int year, int runs) {
        List<Register> registers = registers(project);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Register r : registers) {
            long[] t = new long[runs];
            for (int i = 0; i < runs * 2; i++) {
                long start = System.nanoTime();
                r.actuals().asOf(unitIds, year, java.time.LocalDate.of(year, 12, 31));
                if (i >= runs) {
                    t[i - runs] = (System.nanoTime() - start) / 1_000;
                }
            }
            java.util.Arrays.sort(t);
            out.put(r.path() == null ? "youth" : r.path(), t[runs / 2]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Register> registers(KeyProject project) {
        try {
            // The list is private to the project: the benchmark reads it rather than widen the bundle's API.
            Field f = EmploymentProject.class.getDeclaredField("registers");
            f.setAccessible(true);
            return (List<Register>) f.get(project);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
