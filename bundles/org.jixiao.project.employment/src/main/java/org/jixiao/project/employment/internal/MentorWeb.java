package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageJson;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The mentor team: pages under {@code /p/employment/mentors} (list, form with pairings and activities, year-end
 * review) and JSON under {@code /api/v1/p/employment/mentors}. {@link YouthWeb} routes here.
 */
final class MentorWeb implements Register.Pages {

    static final String PATH = "mentors";
    static final String LIST_TEMPLATE = "mentor-list";
    static final String FORM_TEMPLATE = "mentor-form";
    static final String REVIEW_TEMPLATE = "mentor-review";
    static final String PAIRINGS = "pairings";
    static final String ACTIVITIES = "activities";

    private final MentorService service;

    MentorWeb(MentorService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveMentor(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("new")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("mentor: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            MentorInput.Mentor blank = new MentorInput.Mentor(null, null, null, county, service.today().toString(), null,
                    null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, null));
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("review")) {
            return WebResult.page(REVIEW_TEMPLATE, reviewModel(r));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    Mentor m = service.get(actor, id);
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, form(m), Map.of(), id, null));
                }
                case "POST": return saveMentor(r, id);
                default: throw notFound(r);
            }
        }
        if (!method.equals("POST")) {
            throw notFound(r);
        }
        if (path.size() == 3 && path.get(2).equals("delete")) {
            service.delete(actor, id);
            return WebResult.redirect("/" + PATH);
        }
        if (path.size() == 3 && (path.get(2).equals(PAIRINGS) || path.get(2).equals(ACTIVITIES))) {
            try {
                if (path.get(2).equals(PAIRINGS)) {
                    service.pair(actor, id, MentorInput.Pairing.fromForm(r));
                } else {
                    service.addActivity(actor, id, MentorInput.Activity.fromForm(r));
                }
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id,
                        path.get(2));
                model.put("linkForm", linkForm(r));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        if (path.size() == 5 && path.get(4).equals("delete")
                && (path.get(2).equals(PAIRINGS) || path.get(2).equals(ACTIVITIES))) {
            service.deleteLink(actor, id, table(path.get(2)), id(r, path.get(3)));
            return WebResult.redirect("/" + PATH + "/" + id);
        }
        throw notFound(r);
    }

    private WebResult saveMentor(WebRequest r, Long id) {
        MentorInput.Mentor input = MentorInput.Mentor.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, null))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        Long county = ProjectValidator.positiveId(r.param("county"));
        Page<Mentor> page = service.list(actor, r.param("q"), county, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Mentor m : page.items()) {
            Map<String, Object> row = row(m, countyNames.getOrDefault(m.countyId(), ""));
            row.put("active", m.activeOn(service.today()));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("year", service.today().getYear());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /**
     * The mentor form; for a stored mentor also its pairings and activities with their two small forms.
     * {@code failed} names the small form whose errors are shown ("pairings" or "activities"), null for the mentor's.
     */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("failed", failed == null ? "" : failed);
        model.put("linkForm", Map.of());
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            Mentor.Detail d = service.detail(actor, id);
            model.put("mentorId", String.valueOf(id));
            model.put("pairings", d.pairings().stream().map(MentorWeb::pairing).toList());
            model.put("activities", d.activities().stream().map(MentorWeb::activity).toList());
        }
        return model;
    }

    private static Map<String, Object> linkForm(WebRequest r) {
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of("youth", "pairedOn", "heldOn", "content")) {
            m.put(f, r.param(f) == null ? "" : r.param(f));
        }
        return m;
    }

    private Map<String, Object> reviewModel(WebRequest r) {
        Actor actor = r.actor();
        int year = year(r);
        Long county = ProjectValidator.positiveId(r.param("county"));
        List<Mentor.Review> review = service.review(actor, year, county);
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> unqualified = new ArrayList<>();
        for (Mentor.Review v : review) {
            if (!v.qualified()) {
                unqualified.add(reviewRow(v, countyNames.getOrDefault(v.mentor().countyId(), "")));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("total", review.size());
        model.put("qualified", review.size() - unqualified.size());
        model.put("unqualified", unqualified);
        model.put("minActivities", MentorService.MIN_ACTIVITIES);
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return model;
    }

    private int year(WebRequest r) {
        int current = service.today().getYear();
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= ProjectValidator.EARLIEST.getYear() && y <= current) {
                return y;
            }
        }
        return current;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": {
                    Page<Mentor> page = service.list(actor, r.param("q"),
                            ProjectValidator.positiveId(r.param("county")), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(m -> items.add(row(m, service.countyName(m.countyId()))));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.create(actor, MentorInput.Mentor.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("review") && method.equals("GET")) {
            int year = year(r);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Mentor.Review v : service.review(actor, year, ProjectValidator.positiveId(r.param("county")))) {
                items.add(reviewRow(v, service.countyName(v.mentor().countyId())));
            }
            return WebResult.json(Map.of("year", year, "items", items));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.update(actor, id, MentorInput.Mentor.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.delete(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && method.equals("POST") && path.get(2).equals(PAIRINGS)) {
            long created = service.pair(actor, id, MentorInput.Pairing.fromJson(body(r)));
            return WebResult.json(Map.of("id", created)).withStatus(201);
        }
        if (path.size() == 3 && method.equals("POST") && path.get(2).equals(ACTIVITIES)) {
            long created = service.addActivity(actor, id, MentorInput.Activity.fromJson(body(r)));
            return WebResult.json(Map.of("id", created)).withStatus(201);
        }
        if (path.size() == 4 && method.equals("DELETE")
                && (path.get(2).equals(PAIRINGS) || path.get(2).equals(ACTIVITIES))) {
            service.deleteLink(actor, id, table(path.get(2)), id(r, path.get(3)));
            return WebResult.json(Map.of("deleted", true));
        }
        throw notFound(r);
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Mentor.Detail d = service.detail(actor, id);
        Map<String, Object> m = row(d.mentor(), service.countyName(d.mentor().countyId()));
        m.put("id", d.mentor().id());
        m.put("county", d.mentor().countyId());
        m.put("createdAt", d.mentor().createdAt().toString());
        m.put("updatedAt", d.mentor().updatedAt().toString());
        m.put("pairings", d.pairings().stream().map(MentorWeb::pairing).toList());
        m.put("activities", d.activities().stream().map(MentorWeb::activity).toList());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static String table(String segment) {
        return segment.equals(PAIRINGS) ? MentorService.TABLE_PAIRING : MentorService.TABLE_ACTIVITY;
    }

    private static Map<String, Object> form(Mentor m) {
        return new MentorInput.Mentor(m.name(), m.field(), m.employer(), String.valueOf(m.countyId()),
                m.appointedOn().toString(), m.dismissedOn() == null ? null : m.dismissedOn().toString(),
                m.dismissalReason()).toForm();
    }

    private static Map<String, Object> row(Mentor m, String countyName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(m.id()));
        row.put("name", m.name());
        row.put("field", m.field());
        row.put("employer", m.employer());
        row.put("county", String.valueOf(m.countyId()));
        row.put("countyName", countyName);
        row.put("appointedOn", m.appointedOn().toString());
        row.put("dismissedOn", m.dismissedOn() == null ? "" : m.dismissedOn().toString());
        row.put("dismissalReason", m.dismissalReason() == null ? "" : m.dismissalReason());
        return row;
    }

    private static Map<String, Object> reviewRow(Mentor.Review v, String countyName) {
        Map<String, Object> row = row(v.mentor(), countyName);
        row.put("pairings", v.pairings());
        row.put("activities", v.activities());
        row.put("unpaired", v.unpaired());
        row.put("tooFewActivities", v.tooFewActivities());
        row.put("qualified", v.qualified());
        return row;
    }

    private static Map<String, Object> pairing(Mentor.Pairing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("youth", String.valueOf(p.youthId()));
        m.put("youthName", p.youthName());
        m.put("pairedOn", p.pairedOn().toString());
        return m;
    }

    private static Map<String, Object> activity(Mentor.Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("youth", String.valueOf(a.youthId()));
        m.put("youthName", a.youthName());
        m.put("heldOn", a.heldOn().toString());
        m.put("content", a.content());
        return m;
    }
}
