package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

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
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;

/**
 * The internship bases county by county today, the page {@code /p/employment/internship-bases/summary} and its JSON:
 * open bases and of them those entered into the provincial system (what the indicator counts), so the gap between
 * them is the county's to-do list. The bases themselves are the register engine's.
 */
final class InternshipBaseSummaryWeb implements Register.Pages {

    static final String TEMPLATE = "internship-base-summary";

    private final Store store;
    private final YouthService youth;

    InternshipBaseSummaryWeb(Store store, YouthService youth) {
        this.store = store;
        this.youth = youth;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (!summary(method, path)) {
            throw notFound(r);
        }
        List<OrgUnit> counties = youth.counties(r.actor());
        Long county = ProjectValidator.positiveId(r.param("county"));
        Map<String, Object> model = new HashMap<>();
        model.put("items", rows(r, county));
        model.put("minimum", InternshipBaseRegister.POLICY_MINIMUM);
        model.put("today", youth.today().toString());
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(counties));
        return WebResult.page(TEMPLATE, model);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (!summary(method, path)) {
            throw notFound(r);
        }
        return WebResult.json(Map.of("day", youth.today().toString(),
                "items", rows(r, ProjectValidator.positiveId(r.param("county")))));
    }

    private static boolean summary(String method, List<String> path) {
        return path.size() == 2 && path.get(1).equals("summary") && method.equals("GET");
    }

    /** Every county in the reader's scope (narrowed to one when asked), with its figures today. */
    private List<Map<String, Object>> rows(WebRequest r, Long county) {
        List<OrgUnit> counties = youth.counties(r.actor()).stream()
                .filter(u -> county == null || u.id() == county).toList();
        LocalDate today = youth.today();
        Map<Long, InternshipBaseRegister.Counts> counts = store.read(c -> InternshipBaseRegister.counts(c,
                counties.stream().map(OrgUnit::id).toList(), today));
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrgUnit u : counties) {
            InternshipBaseRegister.Counts n = counts.getOrDefault(u.id(), InternshipBaseRegister.Counts.NONE);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("county", u.id());
            s.put("countyName", u.name());
            s.put("live", n.live());
            s.put("entered", n.entered());
            s.put("met", n.entered() >= InternshipBaseRegister.POLICY_MINIMUM);
            out.add(s);
        }
        return out;
    }
}
