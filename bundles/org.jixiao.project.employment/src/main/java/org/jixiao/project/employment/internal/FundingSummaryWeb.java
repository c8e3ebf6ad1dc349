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
import org.jixiao.project.employment.internal.funding.FundingRegister;
import org.jixiao.project.employment.internal.funding.FundingSummary;

/**
 * The funding applications' yearly counts and sums per county, a page of the project's own beside the engine's
 * register: {@code /p/employment/funding/summary} and its JSON. The item is qualitative, so this is what the
 * county's work is judged by.
 */
final class FundingSummaryWeb implements Register.Pages {

    static final String TEMPLATE = "funding-summary";

    private final FundingSummary summary;
    private final YouthService youth;
    private final Clock clock;

    FundingSummaryWeb(FundingSummary summary, YouthService youth, Clock clock) {
        this.summary = summary;
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
        return WebResult.page(TEMPLATE, model);
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
        return path.size() == 2 && path.get(1).equals(FundingRegister.SUMMARY) && method.equals("GET");
    }

    /** The counties in the reader's scope, narrowed to one when asked (an out-of-scope county narrows to none). */
    private List<Map<String, Object>> rows(List<OrgUnit> counties, int year, Long county) {
        Map<Long, String> names = countyNames(counties);
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> county == null || id.equals(county))
                .toList();
        return summary.of(ids, year).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", s.countyId());
            m.put("countyName", names.getOrDefault(s.countyId(), ""));
            m.put("applications", s.applications());
            m.put("pending", s.pending());
            m.put("approved", s.approved());
            m.put("rejected", s.rejected());
            m.put("amountApplied", Money.plain(s.applied(), Money.Unit.YUAN));
            m.put("amountGranted", Money.plain(s.granted(), Money.Unit.YUAN));
            return m;
        }).toList();
    }
}
