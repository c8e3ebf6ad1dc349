package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;

/**
 * The internship bases county by county today, the page {@code /p/employment/internship-bases/summary} and its JSON:
 * open bases and of them those entered into the provincial system (what the indicator counts), so the gap between
 * them is the county's to-do list. The bases themselves are the register engine's.
 */
final class InternshipBaseSummaryWeb extends SummaryWeb {

    private final Store store;

    InternshipBaseSummaryWeb(Store store, YouthService youth) {
        super("summary", "internship-base-summary", "items", youth);
        this.store = store;
    }

    /** Bases are counted today whatever the year; the page shows the day instead. */
    @Override
    void page(Query q, Map<String, Object> model) {
        super.page(q, model);
        model.put("minimum", InternshipBaseRegister.POLICY_MINIMUM);
        model.put("today", youth.today().toString());
    }

    @Override
    Map<String, Object> json(Query q) {
        return Map.of("day", youth.today().toString(), "items", rows(q));
    }

    /** Every county shown with its figures today. */
    @Override
    List<Map<String, Object>> rows(Query q) {
        List<OrgUnit> counties = q.shown();
        LocalDate today = youth.today();
        Map<Long, InternshipBaseRegister.Counts> counts = store.read(c -> InternshipBaseRegister.counts(c, q.ids(),
                today));
        return counties.stream().map(u -> {
            InternshipBaseRegister.Counts n = counts.getOrDefault(u.id(), InternshipBaseRegister.Counts.NONE);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("county", u.id());
            s.put("countyName", u.name());
            s.put("live", n.live());
            s.put("entered", n.entered());
            s.put("met", n.entered() >= InternshipBaseRegister.POLICY_MINIMUM);
            return s;
        }).toList();
    }
}
