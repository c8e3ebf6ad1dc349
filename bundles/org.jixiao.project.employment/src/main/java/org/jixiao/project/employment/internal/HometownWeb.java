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
 * "A thousand students see their hometown": pages under {@code /p/employment/hometown} (the year's events with each
 * county's student count, the event form with its participants, the students) and JSON under
 * {@code /api/v1/p/employment/hometown}. {@link YouthWeb} routes here; models hold only plain values.
 */
final class HometownWeb implements Register.Pages {

    static final String PATH = "hometown";
    static final String STUDENTS = "students";
    static final String PARTICIPANTS = "participants";
    static final String LIST_TEMPLATE = "hometown-list";
    static final String FORM_TEMPLATE = "hometown-form";
    static final String STUDENTS_TEMPLATE = "hometown-students";
    static final String STUDENT_FORM_TEMPLATE = "hometown-student-form";

    private final HometownService service;

    HometownWeb(HometownService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveEvent(r, null);
                default: throw notFound(r);
            }
        }
        if (path.get(1).equals(STUDENTS)) {
            return studentHtml(r, method, path);
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("new")) {
            requireWriter(actor);
            HometownInput.Event blank = new HometownInput.Event(ownCounty(actor),
                    String.valueOf(TrainingFields.shownYear(r.param("year"), service.today())),
                    service.today().toString(), null, null, null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, false));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.page(FORM_TEMPLATE, formModel(actor, form(service.event(actor, id)),
                        Map.of(), id, false));
                case "POST": return saveEvent(r, id);
                default: throw notFound(r);
            }
        }
        if (!method.equals("POST")) {
            throw notFound(r);
        }
        if (path.size() == 3 && path.get(2).equals("delete")) {
            service.deleteEvent(actor, id);
            return WebResult.redirect("/" + PATH);
        }
        if (path.size() == 3 && path.get(2).equals(PARTICIPANTS)) {
            try {
                service.addParticipant(actor, id, r.param("student"));
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = formModel(actor, form(service.event(actor, id)), e.fieldErrors(), id,
                        true);
                model.put("studentInput", r.param("student") == null ? "" : r.param("student"));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        if (path.size() == 5 && path.get(2).equals(PARTICIPANTS) && path.get(4).equals("delete")) {
            service.removeParticipant(actor, id, id(r, path.get(3)));
            return WebResult.redirect("/" + PATH + "/" + id);
        }
        throw notFound(r);
    }

    private WebResult studentHtml(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 2) {
            switch (method) {
                case "GET": return studentsPage(r);
                case "POST": return saveStudent(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && method.equals("GET") && path.get(2).equals("new")) {
            requireWriter(actor);
            HometownInput.Student blank = new HometownInput.Student(null, null, null, null, ownCounty(actor), null);
            return WebResult.page(STUDENT_FORM_TEMPLATE, studentFormModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(2));
        if (path.size() == 3) {
            switch (method) {
                case "GET": return WebResult.page(STUDENT_FORM_TEMPLATE, studentFormModel(actor,
                        studentForm(service.student(actor, id)), Map.of(), id));
                case "POST": return saveStudent(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 4 && method.equals("POST") && path.get(3).equals("delete")) {
            service.deleteStudent(actor, id);
            return WebResult.redirect("/" + PATH + "/" + STUDENTS);
        }
        throw notFound(r);
    }

    private WebResult saveEvent(WebRequest r, Long id) {
        HometownInput.Event input = HometownInput.Event.fromForm(r);
        try {
            if (id == null) {
                service.createEvent(r.actor(), input);
            } else {
                service.updateEvent(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, false))
                    .withStatus(400);
        }
    }

    private WebResult saveStudent(WebRequest r, Long id) {
        HometownInput.Student input = HometownInput.Student.fromForm(r);
        try {
            if (id == null) {
                service.createStudent(r.actor(), input);
            } else {
                service.updateStudent(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH + "/" + STUDENTS);
        } catch (ValidationException e) {
            return WebResult.page(STUDENT_FORM_TEMPLATE, studentFormModel(r.actor(), input.toForm(), e.fieldErrors(),
                    id)).withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        int year = TrainingFields.shownYear(r.param("year"), service.today());
        Long county = ProjectValidator.positiveId(r.param("county"));
        Page<Hometown.Event> page = service.events(actor, year, r.param("q"), county, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Hometown.Event e : page.items()) {
            rows.add(row(e, countyNames.getOrDefault(e.countyId(), "")));
        }
        List<Map<String, Object>> progress = new ArrayList<>();
        service.progress(actor, year, county).forEach((unit, students) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("countyName", countyNames.getOrDefault(unit, ""));
            m.put("students", students);
            progress.add(m);
        });
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("progress", progress);
        model.put("year", String.valueOf(year));
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private WebResult studentsPage(WebRequest r) {
        Actor actor = r.actor();
        Long county = ProjectValidator.positiveId(r.param("county"));
        Page<Hometown.Student> page = service.students(actor, r.param("q"), county, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Hometown.Student s : page.items()) {
            rows.add(studentRow(s, countyNames.getOrDefault(s.countyId(), "")));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(STUDENTS_TEMPLATE, model);
    }

    /** The event form; for a stored event also its participants. {@code participantFailed}: whose errors show. */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            boolean participantFailed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("participantFailed", participantFailed);
        model.put("studentInput", "");
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("eventId", String.valueOf(id));
            model.put("participants", service.detail(actor, id).participants().stream()
                    .map(HometownWeb::participant).toList());
        }
        return model;
    }

    private Map<String, Object> studentFormModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        if (id != null) {
            model.put("studentId", String.valueOf(id));
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": {
                    int year = TrainingFields.shownYear(r.param("year"), service.today());
                    Page<Hometown.Event> page = service.events(actor, year, r.param("q"),
                            ProjectValidator.positiveId(r.param("county")), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(e -> items.add(json(e)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.createEvent(actor, HometownInput.Event.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.get(1).equals(STUDENTS)) {
            return studentApi(r, method, path);
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.updateEvent(actor, id, HometownInput.Event.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.deleteEvent(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && method.equals("POST") && path.get(2).equals(PARTICIPANTS)) {
            long created = service.addParticipant(actor, id, YouthInput.text(body(r).get("student")));
            return WebResult.json(Map.of("id", created)).withStatus(201);
        }
        if (path.size() == 4 && method.equals("DELETE") && path.get(2).equals(PARTICIPANTS)) {
            service.removeParticipant(actor, id, id(r, path.get(3)));
            return WebResult.json(Map.of("deleted", true));
        }
        throw notFound(r);
    }

    private WebResult studentApi(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        return studentJson(r, actor).route(r, method, path, 2);
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Hometown.Detail d = service.detail(actor, id);
        Map<String, Object> m = json(d.event());
        m.put("participantList", d.participants().stream().map(HometownWeb::participant).toList());
        return m;
    }

    private Map<String, Object> json(Hometown.Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("county", e.countyId());
        m.put("countyName", service.countyName(e.countyId()));
        m.put("heldOn", e.heldOn().toString());
        m.put("title", e.title());
        m.put("place", e.place());
        m.put("organiser", e.organiser());
        m.put("notes", e.notes());
        m.put("participants", e.participants());
        m.put("createdAt", e.createdAt().toString());
        m.put("updatedAt", e.updatedAt().toString());
        return m;
    }

    private Map<String, Object> studentJson(Hometown.Student s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("university", s.university());
        m.put("major", s.major());
        m.put("phone", s.phone());
        m.put("county", s.countyId());
        m.put("countyName", service.countyName(s.countyId()));
        m.put("youth", s.youthId());
        m.put("youthName", s.youthName());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static void requireWriter(Actor actor) {
        if (!actor.canWrite()) {
            throw new AccessDeniedException("hometown: read-only role");
        }
    }

    private static String ownCounty(Actor actor) {
        return actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
    }

    private static Map<String, Object> form(Hometown.Event e) {
        return new HometownInput.Event(String.valueOf(e.countyId()), String.valueOf(e.heldOn().getYear()),
                e.heldOn().toString(), e.title(), e.place(), e.organiser(), e.notes()).toForm();
    }

    private static Map<String, Object> studentForm(Hometown.Student s) {
        Map<String, Object> m = new HometownInput.Student(s.name(), s.university(), s.major(), s.phone(),
                String.valueOf(s.countyId()), s.youthId() == null ? null : String.valueOf(s.youthId())).toForm();
        m.put("youthName", s.youthName() == null ? "" : s.youthName());
        return m;
    }

    private static Map<String, Object> row(Hometown.Event e, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(e.id()));
        m.put("heldOn", e.heldOn().toString());
        m.put("title", e.title());
        m.put("place", e.place());
        m.put("organiser", e.organiser());
        m.put("countyName", countyName);
        m.put("participants", e.participants());
        return m;
    }

    private static Map<String, Object> studentRow(Hometown.Student s, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(s.id()));
        m.put("name", s.name());
        m.put("university", s.university());
        m.put("major", s.major() == null ? "" : s.major());
        m.put("phone", s.phone() == null ? "" : s.phone());
        m.put("countyName", countyName);
        m.put("youth", s.youthId() == null ? "" : String.valueOf(s.youthId()));
        m.put("youthName", s.youthName() == null ? "" : s.youthName());
        return m;
    }

    private static Map<String, Object> participant(Hometown.Participant p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("student", String.valueOf(p.studentId()));
        m.put("name", p.name());
        m.put("university", p.university());
        m.put("major", p.major() == null ? "" : p.major());
        return m;
    }

    /** The JSON of the Hometown.Student records: list, create, get, replace and delete. */
    private JsonCrud<Hometown.Student> studentJson(WebRequest r, Actor actor) {
        return new JsonCrud<>(() -> service.students(actor, r.param("q"),
                            ProjectValidator.positiveId(r.param("county")), pageNumber(r)), b -> service.createStudent(actor, HometownInput.Student.fromJson(b)), id -> service.student(actor, id), (id, b) -> service.updateStudent(actor, id, HometownInput.Student.fromJson(b)), id -> service.deleteStudent(actor, id), this::studentJson);
    }
}
