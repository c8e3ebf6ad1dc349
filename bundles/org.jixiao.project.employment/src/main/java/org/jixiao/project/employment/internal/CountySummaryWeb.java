package org.jixiao.project.employment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.project.employment.internal.award.AwardSummary;
import org.jixiao.project.employment.internal.funding.FundingSummary;

/**
 * A qualitative work item's yearly figures per county, a page of the project's own beside the engine's register:
 * {@code /p/employment/<register>/summary} and its JSON. The item has no indicator, so this is what a county's work
 * is judged by.
 */
final class CountySummaryWeb extends SummaryWeb {

    static final String SUMMARY = "summary";

    /** Per county of {@code counties} (in their order), its figures of {@code year}; each row names "county". */
    @FunctionalInterface
    interface Figures {
        List<Map<String, Object>> of(List<Long> counties, int year);
    }

    private final Figures figures;

    CountySummaryWeb(String template, Figures figures, YouthService youth) {
        super(SUMMARY, template, SUMMARY, youth);
        this.figures = figures;
    }

    @Override
    List<Map<String, Object>> rows(Query q) {
        return figures.of(q.ids(), q.year()).stream().map(figures -> {
            Map<String, Object> m = new LinkedHashMap<>(figures);
            m.put("countyName", q.name((Long) figures.get("county")));
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
