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

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.mentor.MentorRegister;
import org.jixiao.project.employment.internal.mentor.MentorTeam;

/**
 * The mentor team's year-end review, a page of the project's own beside the engine's mentor register:
 * {@code /p/employment/mentors/review} and its JSON. The mentors active at the end of the year (or today, while it
 * runs) who are unpaired or held too few activities; unqualified mentors are dismissed from their own record.
 */
final class MentorReviewWeb implements Register.Pages {

    static final String TEMPLATE = "mentor-review";

    private final MentorTeam team;
    private final YouthService youth;
    private final Clock clock;

    MentorReviewWeb(MentorTeam team, YouthService youth, Clock clock) {
        this.team = team;
        this.youth = youth;
        this.clock = clock;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (!isReview(method, path)) {
            throw notFound(r);
        }
        Actor actor = r.actor();
        int year = year(r);
        Long county = ProjectValidator.positiveId(r.param("county"));
        List<OrgUnit> counties = youth.counties(actor);
        Map<Long, String> names = countyNames(counties);
        List<MentorTeam.Review> review = review(counties, year, county);
        List<Map<String, Object>> unqualified = new ArrayList<>();
        for (MentorTeam.Review v : review) {
            if (!v.qualified()) {
                unqualified.add(row(v, names.getOrDefault(v.countyId(), "")));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(counties));
        model.put("total", review.size());
        model.put("qualified", review.size() - unqualified.size());
        model.put("unqualified", unqualified);
        model.put("minActivities", MentorRegister.MIN_ACTIVITIES);
        return WebResult.page(TEMPLATE, model);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (!isReview(method, path)) {
            throw notFound(r);
        }
        int year = year(r);
        List<OrgUnit> counties = youth.counties(r.actor());
        Map<Long, String> names = countyNames(counties);
        List<Map<String, Object>> items = new ArrayList<>();
        for (MentorTeam.Review v : review(counties, year, ProjectValidator.positiveId(r.param("county")))) {
            items.add(row(v, names.getOrDefault(v.countyId(), "")));
        }
        return WebResult.json(Map.of("year", year, "items", items));
    }

    private static boolean isReview(String method, List<String> path) {
        return path.size() == 2 && path.get(1).equals("review") && method.equals("GET");
    }

    /** The counties in the reader's scope, narrowed to one when asked (an out-of-scope county narrows to none). */
    private List<MentorTeam.Review> review(List<OrgUnit> counties, int year, Long county) {
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> county == null || id.equals(county))
                .toList();
        return team.review(ids, year, LocalDate.now(clock));
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
