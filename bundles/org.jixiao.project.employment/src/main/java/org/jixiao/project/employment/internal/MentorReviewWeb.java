package org.jixiao.project.employment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.project.employment.internal.mentor.MentorRegister;
import org.jixiao.project.employment.internal.mentor.MentorTeam;

/**
 * The mentor team's year-end review, a page of the project's own beside the engine's mentor register:
 * {@code /p/employment/mentors/review} and its JSON. The mentors active at the end of the year (or today, while it
 * runs) who are unpaired or held too few activities; unqualified mentors are dismissed from their own record.
 */
final class MentorReviewWeb extends SummaryWeb {

    private final MentorTeam team;

    MentorReviewWeb(MentorTeam team, YouthService youth) {
        super("review", "mentor-review", "unqualified", youth);
        this.team = team;
    }

    /** The page lists the unqualified mentors only, beside how many were reviewed. */
    @Override
    void page(Query q, Map<String, Object> model) {
        List<Map<String, Object>> review = rows(q);
        List<Map<String, Object>> unqualified = review.stream().filter(row -> !(Boolean) row.get("qualified"))
                .toList();
        model.put("total", review.size());
        model.put("qualified", review.size() - unqualified.size());
        model.put("unqualified", unqualified);
        model.put("minActivities", MentorRegister.MIN_ACTIVITIES);
    }

    @Override
    List<Map<String, Object>> rows(Query q) {
        return team.review(q.ids(), q.year(), youth.today()).stream().map(v -> row(v, q.name(v.countyId())))
                .toList();
    }

    private static Map<String, Object> row(MentorTeam.Review v, String countyName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(v.id()));
        row.put("name", v.name());
        row.put("employer", v.employer());
        row.put("unit", String.valueOf(v.countyId()));
        row.put("unitName", countyName);
        row.put("pairings", v.pairings());
        row.put("activities", v.activities());
        row.put("unpaired", v.unpaired());
        row.put("tooFewActivities", v.tooFewActivities());
        row.put("qualified", v.qualified());
        return row;
    }
}
