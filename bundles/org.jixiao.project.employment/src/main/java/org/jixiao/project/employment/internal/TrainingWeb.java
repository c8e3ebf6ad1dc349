package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
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
 * Classified training: pages under {@code /p/employment/training} (the year's sessions with each county's plan and
 * indicators, the session form with feedback and attendees, the annual plans) and JSON under
 * {@code /api/v1/p/employment/training}. {@link YouthWeb} routes here; models hold only plain values.
 */
final class TrainingWeb implements Register.Pages {

    static final String PATH = "training";
    static final String PLANS = "plans";
    static final String ATTENDEES = "attendees";
    static final String LIST_TEMPLATE = "training-list";
    static final String FORM_TEMPLATE = "training-form";
    static final String PLANS_TEMPLATE = "training-plans";
    static final String PLAN_FORM_TEMPLATE = "training-plan-form";

    private final TrainingService service;

    TrainingWeb(TrainingService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveSession(r, null);
                default: throw notFound(r);
            }
        }
        if (path.get(1).equals(PLANS)) {
            return planHtml(r, method, path);
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("new")) {
            requireWriter(actor);
            TrainingInput.Session blank = new TrainingInput.Session(ownCounty(actor),
                    String.valueOf(TrainingFields.shownYear(r.param("year"), service.today())),
                    service.today().toString(), null, null, null, null, null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, false));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.page(FORM_TEMPLATE, formModel(actor, form(service.get(actor, id)),
                        Map.of(), id, false));
                case "POST": return saveSession(r, id);
                default: throw notFound(r);
            }
        }
        if (!method.equals("POST") || !(path.get(2).equals("delete") || path.get(2).equals(ATTENDEES))) {
            throw notFound(r);
        }
        if (path.size() == 3 && path.get(2).equals("delete")) {
            service.delete(actor, id);
            return WebResult.redirect("/" + PATH);
        }
        if (path.size() == 3) {
            TrainingInput.Attendee input = TrainingInput.Attendee.fromForm(r);
            try {
                service.addAttendee(actor, id, input);
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id, true);
                model.put("attendeeForm", attendeeForm(input));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        long attendee = id(r, path.get(3));
        if (path.size() == 4) {
            try {
                service.followUp(actor, id, attendee, r.param("followUp"));
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                // The note's input carries its row: only that row shows the error and keeps what was typed.
                Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id, true);
                model.put("failedAttendee", String.valueOf(attendee));
                model.put("attendeeForm", attendeeForm(new TrainingInput.Attendee(null, r.param("followUp"))));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        if (path.size() == 5 && path.get(4).equals("delete")) {
            service.removeAttendee(actor, id, attendee);
            return WebResult.redirect("/" + PATH + "/" + id);
        }
        throw notFound(r);
    }

    private WebResult planHtml(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 2) {
            switch (method) {
                case "GET": return plansPage(r);
                case "POST": return savePlan(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && method.equals("GET") && path.get(2).equals("new")) {
            requireWriter(actor);
            TrainingInput.Plan blank = new TrainingInput.Plan(ownCounty(actor),
                    String.valueOf(service.today().getYear()), null, null, null, service.today().toString());
            return WebResult.page(PLAN_FORM_TEMPLATE, planFormModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(2));
        if (path.size() == 3) {
            switch (method) {
                case "GET": return WebResult.page(PLAN_FORM_TEMPLATE, planFormModel(actor,
                        planForm(service.plan(actor, id)), Map.of(), id));
                case "POST": return savePlan(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 4 && method.equals("POST") && path.get(3).equals("delete")) {
            service.deletePlan(actor, id);
            return WebResult.redirect("/" + PATH + "/" + PLANS);
        }
        throw notFound(r);
    }

    private WebResult saveSession(WebRequest r, Long id) {
        TrainingInput.Session input = TrainingInput.Session.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, false))
                    .withStatus(400);
        }
    }

    private WebResult savePlan(WebRequest r, Long id) {
        TrainingInput.Plan input = TrainingInput.Plan.fromForm(r);
        try {
            if (id == null) {
                service.createPlan(r.actor(), input);
            } else {
                service.updatePlan(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH + "/" + PLANS);
        } catch (ValidationException e) {
            return WebResult.page(PLAN_FORM_TEMPLATE, planFormModel(r.actor(), input.toForm(), e.fieldErrors(), id))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        int year = TrainingFields.shownYear(r.param("year"), service.today());
        Long county = ProjectValidator.positiveId(r.param("county"));
        TrainingRepository.Filter filter = filter(r, year);
        Page<Training.Session> page = service.list(actor, filter, county, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Training.Session s : page.items()) {
            rows.add(row(s, countyNames.getOrDefault(s.countyId(), "")));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("summary", service.summary(actor, year, county).stream()
                .map(s -> summaryRow(s, countyNames.getOrDefault(s.countyId(), ""))).toList());
        model.put("year", String.valueOf(year));
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("category", filter.category() == null ? "" : filter.category().name());
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("categories", names(TrainingCategory.values()));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private WebResult plansPage(WebRequest r) {
        Actor actor = r.actor();
        int year = TrainingFields.shownYear(r.param("year"), service.today());
        Long county = ProjectValidator.positiveId(r.param("county"));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        Map<String, Object> model = new HashMap<>();
        model.put("items", service.plans(actor, year, county).stream()
                .map(p -> planRow(p, countyNames.getOrDefault(p.countyId(), ""))).toList());
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(PLANS_TEMPLATE, model);
    }

    /**
     * The session form; for a stored session also its attendees and the form adding one. {@code attendeeFailed}
     * says whose errors are shown: the attendee forms' (true) or the session's.
     */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            boolean attendeeFailed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("attendeeFailed", attendeeFailed);
        model.put("failedAttendee", "");
        model.put("attendeeForm", Map.of());
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("categories", names(TrainingCategory.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("sessionId", String.valueOf(id));
            model.put("attendees", service.detail(actor, id).attendees().stream().map(TrainingWeb::attendee)
                    .toList());
        }
        return model;
    }

    private Map<String, Object> planFormModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("planId", String.valueOf(id));
        }
        return model;
    }

    private static Map<String, Object> attendeeForm(TrainingInput.Attendee input) {
        Map<String, Object> m = new HashMap<>();
        m.put("youth", input.youth() == null ? "" : input.youth());
        m.put("followUp", input.followUp() == null ? "" : input.followUp());
        return m;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": {
                    int year = TrainingFields.shownYear(r.param("year"), service.today());
                    Page<Training.Session> page = service.list(actor, filter(r, year),
                            ProjectValidator.positiveId(r.param("county")), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(s -> items.add(json(s)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.create(actor, TrainingInput.Session.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.get(1).equals("summary") && path.size() == 2 && method.equals("GET")) {
            int year = TrainingFields.shownYear(r.param("year"), service.today());
            List<Map<String, Object>> items = new ArrayList<>();
            for (Training.Summary s : service.summary(actor, year, ProjectValidator.positiveId(r.param("county")))) {
                Map<String, Object> m = summaryRow(s, service.countyName(s.countyId()));
                m.put("county", s.countyId());
                m.put("plan", s.plan() == null ? null : planJson(s.plan()));
                items.add(m);
            }
            return WebResult.json(Map.of("year", year, "items", items));
        }
        if (path.get(1).equals(PLANS)) {
            return planApi(r, method, path);
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.update(actor, id, TrainingInput.Session.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.delete(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (!path.get(2).equals(ATTENDEES)) {
            throw notFound(r);
        }
        if (path.size() == 3 && method.equals("POST")) {
            long created = service.addAttendee(actor, id, TrainingInput.Attendee.fromJson(body(r)));
            return WebResult.json(Map.of("id", created)).withStatus(201);
        }
        if (path.size() == 4 && method.equals("PUT")) {
            service.followUp(actor, id, id(r, path.get(3)), TrainingInput.Attendee.fromJson(body(r)).followUp());
            return WebResult.json(detailJson(actor, id));
        }
        if (path.size() == 4 && method.equals("DELETE")) {
            service.removeAttendee(actor, id, id(r, path.get(3)));
            return WebResult.json(Map.of("deleted", true));
        }
        throw notFound(r);
    }

    private WebResult planApi(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    // Every year unless one is asked for: a client syncing plans wants them all.
                    Integer year = r.param("year") == null ? null
                            : TrainingFields.shownYear(r.param("year"), service.today());
                    List<Map<String, Object>> items = new ArrayList<>();
                    service.plans(actor, year, ProjectValidator.positiveId(r.param("county")))
                            .forEach(p -> items.add(planJson(p)));
                    return WebResult.json(Map.of("items", items));
                }
                case "POST": {
                    long id = service.createPlan(actor, TrainingInput.Plan.fromJson(body(r)));
                    return WebResult.json(planJson(service.plan(actor, id))).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        long id = id(r, path.get(2));
        if (path.size() != 3) {
            throw notFound(r);
        }
        switch (method) {
            case "GET": return WebResult.json(planJson(service.plan(actor, id)));
            case "PUT":
                service.updatePlan(actor, id, TrainingInput.Plan.fromJson(body(r)));
                return WebResult.json(planJson(service.plan(actor, id)));
            case "DELETE":
                service.deletePlan(actor, id);
                return WebResult.json(Map.of("deleted", true));
            default: throw notFound(r);
        }
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Training.Detail d = service.detail(actor, id);
        Map<String, Object> m = json(d.session());
        m.put("attendeeList", d.attendees().stream().map(TrainingWeb::attendee).toList());
        return m;
    }

    private Map<String, Object> json(Training.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("county", s.countyId());
        m.put("countyName", service.countyName(s.countyId()));
        m.put("heldOn", s.heldOn().toString());
        m.put("topic", s.topic());
        m.put("category", s.category().name());
        m.put("partner", s.partner());
        m.put("place", s.place());
        m.put("satisfaction", s.satisfaction());
        m.put("feedback", s.feedback());
        m.put("attendees", s.attendees());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        return m;
    }

    private Map<String, Object> planJson(Training.Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("county", p.countyId());
        m.put("countyName", service.countyName(p.countyId()));
        m.put("year", p.year());
        m.put("plannedSessions", p.plannedSessions());
        m.put("plannedTrainees", p.plannedTrainees());
        m.put("content", p.content());
        m.put("plannedOn", p.plannedOn().toString());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static void requireWriter(Actor actor) {
        if (!actor.canWrite()) {
            throw new AccessDeniedException("training: read-only role");
        }
    }

    private static String ownCounty(Actor actor) {
        return actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
    }

    private static TrainingRepository.Filter filter(WebRequest r, int year) {
        return new TrainingRepository.Filter(year, r.param("q"),
                Enums.parse(TrainingCategory.class, r.param("category")).orElse(null));
    }

    private static Map<String, Object> form(Training.Session s) {
        return new TrainingInput.Session(String.valueOf(s.countyId()), String.valueOf(s.heldOn().getYear()),
                s.heldOn().toString(), s.topic(), s.category().name(), s.partner(), s.place(),
                s.satisfaction() == null ? null : String.valueOf(s.satisfaction()), s.feedback()).toForm();
    }

    private static Map<String, Object> planForm(Training.Plan p) {
        return new TrainingInput.Plan(String.valueOf(p.countyId()), String.valueOf(p.year()),
                String.valueOf(p.plannedSessions()), String.valueOf(p.plannedTrainees()), p.content(),
                p.plannedOn().toString()).toForm();
    }

    private static Map<String, Object> row(Training.Session s, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(s.id()));
        m.put("heldOn", s.heldOn().toString());
        m.put("topic", s.topic());
        m.put("category", s.category().name());
        m.put("partner", s.partner() == null ? "" : s.partner());
        m.put("place", s.place() == null ? "" : s.place());
        m.put("countyName", countyName);
        m.put("attendees", s.attendees());
        m.put("satisfaction", s.satisfaction() == null ? "" : String.valueOf(s.satisfaction()));
        return m;
    }

    private static Map<String, Object> summaryRow(Training.Summary s, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("countyName", countyName);
        m.put("hasPlan", s.plan() != null);
        m.put("planId", s.plan() == null ? "" : String.valueOf(s.plan().id()));
        m.put("plannedSessions", s.plan() == null ? 0 : s.plan().plannedSessions());
        m.put("plannedTrainees", s.plan() == null ? 0 : s.plan().plannedTrainees());
        m.put("sessions", s.sessions());
        m.put("trainees", s.trainees());
        return m;
    }

    private static Map<String, Object> planRow(Training.Plan p, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("countyName", countyName);
        m.put("year", String.valueOf(p.year()));
        m.put("plannedSessions", p.plannedSessions());
        m.put("plannedTrainees", p.plannedTrainees());
        m.put("content", p.content());
        m.put("plannedOn", p.plannedOn().toString());
        return m;
    }

    private static Map<String, Object> attendee(Training.Attendee a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("youth", String.valueOf(a.youthId()));
        m.put("youthName", a.youthName());
        m.put("followUp", a.followUp() == null ? "" : a.followUp());
        return m;
    }
}
