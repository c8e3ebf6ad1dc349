package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.training.TrainingRegister;

/**
 * Each county's training year at a glance, a page of the project's own beside the engine's training registers:
 * {@code /p/employment/training/summary} and its JSON. The county's plan for the year beside its two indicators as
 * of today (or the year's end).
 */
final class TrainingSummaryWeb implements Register.Pages {

    static final String TEMPLATE = "training-summary";

    private final Store store;
    private final YouthService youth;
    private final Clock clock;

    TrainingSummaryWeb(Store store, YouthService youth, Clock clock) {
        this.store = store;
        this.youth = youth;
        this.clock = clock;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (!isSummary(method, path)) {
            throw notFound(r);
        }
        int year = year(r);
        Long county = ProjectValidator.positiveId(r.param("county"));
        List<OrgUnit> counties = youth.counties(r.actor());
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(counties));
        model.put("summary", rows(counties, year, county));
        return WebResult.page(TEMPLATE, model);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (!isSummary(method, path)) {
            throw notFound(r);
        }
        int year = year(r);
        return WebResult.json(Map.of("year", year, "items", rows(youth.counties(r.actor()), year,
                ProjectValidator.positiveId(r.param("county")))));
    }

    private static boolean isSummary(String method, List<String> path) {
        return path.size() == 2 && path.get(1).equals("summary") && method.equals("GET");
    }

    /** The counties in the reader's scope, narrowed to one when asked (an out-of-scope county narrows to none). */
    private List<Map<String, Object>> rows(List<OrgUnit> counties, int year, Long county) {
        Map<Long, String> names = countyNames(counties);
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> county == null || id.equals(county))
                .toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrainingRegister.Summary s : TrainingRegister.summary(store, ids, year, LocalDate.now(clock))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", String.valueOf(s.countyId()));
            row.put("unitName", names.getOrDefault(s.countyId(), ""));
            row.put("hasPlan", s.planId() != null);
            row.put("planId", s.planId() == null ? "" : String.valueOf(s.planId()));
            row.put("plannedSessions", s.plannedSessions() == null ? "" : String.valueOf(s.plannedSessions()));
            row.put("plannedTrainees", s.plannedTrainees() == null ? "" : String.valueOf(s.plannedTrainees()));
            row.put("sessions", s.sessions());
            row.put("trainees", s.trainees());
            out.add(row);
        }
        return out;
    }

    private int year(WebRequest r) {
        int current = LocalDate.now(clock).getYear();
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= ProjectValidator.EARLIEST.getYear() && y <= current) {
                return y;
            }
        }
        return current;
    }
}
