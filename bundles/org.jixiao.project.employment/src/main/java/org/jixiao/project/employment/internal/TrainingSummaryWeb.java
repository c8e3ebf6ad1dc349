package org.jixiao.project.employment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.training.TrainingRegister;

/**
 * Each county's training year at a glance, a page of the project's own beside the engine's training registers:
 * {@code /p/employment/training/summary} and its JSON. The county's plan for the year beside its two indicators as
 * of today (or the year's end).
 */
final class TrainingSummaryWeb extends SummaryWeb {

    private final Store store;

    TrainingSummaryWeb(Store store, YouthService youth) {
        super("summary", "training-summary", "summary", youth);
        this.store = store;
    }

    @Override
    List<Map<String, Object>> rows(Query q) {
        return TrainingRegister.summary(store, q.ids(), q.year(), youth.today()).stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", String.valueOf(s.countyId()));
            row.put("unitName", q.name(s.countyId()));
            row.put("hasPlan", s.planId() != null);
            row.put("planId", s.planId() == null ? "" : String.valueOf(s.planId()));
            row.put("plannedSessions", s.plannedSessions() == null ? "" : String.valueOf(s.plannedSessions()));
            row.put("plannedTrainees", s.plannedTrainees() == null ? "" : String.valueOf(s.plannedTrainees()));
            row.put("sessions", s.sessions());
            row.put("trainees", s.trainees());
            return row;
        }).toList();
    }
}
