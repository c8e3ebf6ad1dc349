package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.internship.InternshipRegister;

/**
 * Each county's internship figures for a year as the indicators compute them today (interns, share in
 * general-manager-assistant posts, conversion to employment): the page {@code /p/employment/internships/figures} and
 * its JSON. The positions and placements themselves are the register engine's.
 */
final class InternshipFiguresWeb extends SummaryWeb {

    private final Store store;

    InternshipFiguresWeb(Store store, YouthService youth) {
        super("figures", "internship-figures", "items", youth);
        this.store = store;
    }

    /** Positions are collected ahead, so next year already has figures. */
    @Override
    int latestYear(LocalDate today) {
        return today.getYear() + 1;
    }

    /** Every county shown with its figures of the year today. */
    @Override
    List<Map<String, Object>> rows(Query q) {
        List<OrgUnit> counties = q.shown();
        Map<Long, InternshipRegister.Figures> figures = store.read(c -> InternshipRegister.figures(c, q.ids(),
                q.year(), CountyScope.actualsDay(q.year(), youth.today())));
        return counties.stream().map(u -> {
            InternshipRegister.Figures v = figures.get(u.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", u.id());
            m.put("countyName", u.name());
            m.put("interns", v.interns());
            m.put("gmAssistant", v.gm());
            m.put("converted", v.converted());
            m.put("gmShare", v.gmShare().toPlainString());
            m.put("conversion", v.conversion().toPlainString());
            return m;
        }).toList();
    }
}
