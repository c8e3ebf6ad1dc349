package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.internship.InternshipRegister;

/**
 * Each county's internship figures for a year as the indicators compute them today (interns, share in
 * general-manager-assistant posts, conversion to employment): the page {@code /p/employment/internships/figures} and
 * its JSON. The positions and placements themselves are the register engine's.
 */
final class InternshipFiguresWeb implements Register.Pages {

    static final String TEMPLATE = "internship-figures";

    private final Store store;
    private final YouthService youth;

    InternshipFiguresWeb(Store store, YouthService youth) {
        this.store = store;
        this.youth = youth;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (!figures(method, path)) {
            throw notFound(r);
        }
        Long county = ProjectValidator.positiveId(r.param("county"));
        int year = year(r);
        Map<String, Object> model = new HashMap<>();
        model.put("items", rows(r, year, county));
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(youth.counties(r.actor())));
        return WebResult.page(TEMPLATE, model);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (!figures(method, path)) {
            throw notFound(r);
        }
        int year = year(r);
        return WebResult.json(Map.of("year", year, "items", rows(r, year,
                ProjectValidator.positiveId(r.param("county")))));
    }

    private static boolean figures(String method, List<String> path) {
        return path.size() == 2 && path.get(1).equals("figures") && method.equals("GET");
    }

    /** The year asked, from 2000 to next year; this year otherwise. */
    private int year(WebRequest r) {
        int current = youth.today().getYear();
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= ProjectValidator.EARLIEST.getYear() && y <= current + 1) {
                return y;
            }
        }
        return current;
    }

    /** Every county in the reader's scope (narrowed to one when asked), with its figures of the year today. */
    private List<Map<String, Object>> rows(WebRequest r, int year, Long county) {
        List<OrgUnit> counties = youth.counties(r.actor()).stream()
                .filter(u -> county == null || u.id() == county).toList();
        Map<Long, InternshipRegister.Figures> figures = store.read(c -> InternshipRegister.figures(c,
                counties.stream().map(OrgUnit::id).toList(), year, CountyScope.actualsDay(year, youth.today())));
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrgUnit u : counties) {
            InternshipRegister.Figures v = figures.get(u.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", u.id());
            m.put("countyName", u.name());
            m.put("interns", v.interns());
            m.put("gmAssistant", v.gm());
            m.put("converted", v.converted());
            m.put("gmShare", v.gmShare().toPlainString());
            m.put("conversion", v.conversion().toPlainString());
            out.add(m);
        }
        return out;
    }
}
