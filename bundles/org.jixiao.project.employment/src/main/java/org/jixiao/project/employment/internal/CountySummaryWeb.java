package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.award.AwardSummary;
import org.jixiao.project.employment.internal.funding.FundingSummary;

/**
 * A qualitative work item's yearly figures per county, a page of the project's own beside the engine's register:
 * {@code /p/employment/<register>/summary} and its JSON. The item has no indicator, so this is what a county's work
 * is judged by.
 */
final class CountySummaryWeb implements Register.Pages {

    static final String SUMMARY = "summary";

    /** Per county of {@code counties} (in their order), its figures of {@code year}; each row names "county". */
    @FunctionalInterface
    interface Figures {
        List<Map<String, Object>> of(List<Long> counties, int year);
    }

    private final String template;
    private final Figures figures;
    private final YouthService youth;
    private final Clock clock;

    CountySummaryWeb(String template, Figures figures, YouthService youth, Clock clock) {
        this.template = template;
        this.figures = figures;
        this.youth = youth;
        this.clock = clock;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (!isSummary(method, path)) {
            throw notFound(r);
        }
        List<OrgUnit> counties = youth.counties(r.actor());
        Long county = ProjectValidator.positiveId(r.param("county"));
        int year = LoanWeb.year(r, LocalDate.now(clock));
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(counties));
        model.put("summary", rows(counties, year, county));
        return WebResult.page(template, model);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (!isSummary(method, path)) {
            throw notFound(r);
        }
        int year = LoanWeb.year(r, LocalDate.now(clock));
        return WebResult.json(Map.of("year", year, "items", rows(youth.counties(r.actor()), year,
                ProjectValidator.positiveId(r.param("county")))));
    }

    private static boolean isSummary(String method, List<String> path) {
        return path.size() == 2 && path.get(1).equals(SUMMARY) && method.equals("GET");
    }

    /** The counties in the reader's scope, narrowed to one when asked (an out-of-scope county narrows to none). */
    private List<Map<String, Object>> rows(List<OrgUnit> counties, int year, Long county) {
        Map<Long, String> names = countyNames(counties);
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> county == null || id.equals(county))
                .toList();
        return figures.of(ids, year).stream().map(figures -> {
            Map<String, Object> m = new LinkedHashMap<>(figures);
            m.put("countyName", names.getOrDefault((Long) figures.get("county"), ""));
            return m;
        }).toList();
    }

    /** The funding applications of a year per county, amounts as exact text in 元. */
    static List<Map<String, Object>> funding(FundingSummary summary, List<Long> counties, int year) {
        return summary.of(counties, year).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", s.countyId());
            m.put("applications", s.applications());
            m.put("pending", s.pending());
            m.put("approved", s.approved());
            m.put("rejected", s.rejected());
            m.put("amountApplied", Money.plain(s.applied(), Money.Unit.YUAN));
            m.put("amountGranted", Money.plain(s.granted(), Money.Unit.YUAN));
            return m;
        }).toList();
    }

    /** The awards of a year per county that had one, with their entrants and winners. */
    static List<Map<String, Object>> awards(AwardSummary summary, List<Long> counties, int year) {
        return summary.of(counties, year).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", s.countyId());
            m.put("awards", s.awards());
            m.put("entrants", s.entrants());
            m.put("winners", s.winners());
            return m;
        }).toList();
    }
}
