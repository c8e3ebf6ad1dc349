package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.rules.Programme;

/**
 * A read-only page of the project's own beside an engine register, {@code /p/employment/<register>/<name>} and its
 * JSON: figures per county of the reader's scope for a year, with a county picker. The summary pages differ only in
 * their rows and what else they show; how they are reached, which counties and year they show and the picker are
 * the same for all, so they live here.
 */
abstract class SummaryWeb implements Register.Pages {

    /**
     * What a summary shows: the year asked for, the county chosen (null: every one) and the reader's counties with
     * their names.
     */
    record Query(int year, Long county, List<OrgUnit> counties, Map<Long, String> names) {

        /** The counties in the reader's scope, narrowed to the one chosen (an out-of-scope county narrows to none). */
        List<OrgUnit> shown() {
            return counties.stream().filter(u -> county == null || u.id() == county).toList();
        }

        List<Long> ids() {
            return shown().stream().map(OrgUnit::id).toList();
        }

        /** The county's name; blank for one out of the reader's scope. */
        String name(long county) {
            return names.getOrDefault(county, "");
        }
    }

    private final String name;
    private final String template;
    private final String rowsKey;
    final YouthService youth;

    /**
     * @param name the path segment after the register's, e.g. {@code summary}
     * @param rowsKey what the page's template calls the rows
     */
    SummaryWeb(String name, String template, String rowsKey, YouthService youth) {
        this.name = name;
        this.template = template;
        this.rowsKey = rowsKey;
        this.youth = youth;
    }

    @Override
    public final WebResult html(WebRequest r, String method, List<String> path) {
        Query q = query(r, method, path);
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(q.year()));
        model.put("county", q.county() == null ? "" : String.valueOf(q.county()));
        model.put("counties", countyOptions(q.counties()));
        page(q, model);
        return WebResult.page(template, model);
    }

    @Override
    public final WebResult api(WebRequest r, String method, List<String> path) {
        return WebResult.json(json(query(r, method, path)));
    }

    /** The rows of the counties shown, each naming its county. */
    abstract List<Map<String, Object>> rows(Query q);

    /** Adds the rows, and whatever else the page shows, to the model that already holds the year and the picker. */
    void page(Query q, Map<String, Object> model) {
        model.put(rowsKey, rows(q));
    }

    /** The JSON: the year and the rows as items. */
    Map<String, Object> json(Query q) {
        return Map.of("year", q.year(), "items", rows(q));
    }

    /** The latest year a reader may ask for; a page of plans may look ahead. */
    int latestYear(LocalDate today) {
        return today.getYear();
    }

    /** @throws org.jixiao.api.NotFoundException for anything but a GET of the page */
    private Query query(WebRequest r, String method, List<String> path) {
        if (path.size() != 2 || !path.get(1).equals(name) || !method.equals("GET")) {
            throw notFound(r);
        }
        LocalDate today = youth.today();
        List<OrgUnit> counties = youth.counties(r.actor());
        return new Query(year(r, today, latestYear(today)), ProjectValidator.positiveId(r.param("county")), counties,
                countyNames(counties));
    }

    /** The {@code year} parameter when it is a year from 2000 to this one; this year otherwise. */
    static int year(WebRequest r, LocalDate today) {
        return year(r, today, today.getYear());
    }

    /** The {@code year} parameter when it is a year from 2000 to {@code latest}; this year otherwise. */
    static int year(WebRequest r, LocalDate today, int latest) {
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= Programme.EARLIEST.getYear() && y <= latest) {
                return y;
            }
        }
        return today.getYear();
    }
}
