package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.time.LocalDate;
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
 * The internship bases: pages under {@code /p/employment/internship-bases} (list with the per-county figures, form)
 * and JSON under {@code /api/v1/p/employment/internship-bases}. {@link YouthWeb} routes here.
 */
final class InternshipBaseWeb implements Register.Pages {

    static final String PATH = "internship-bases";
    static final String LIST_TEMPLATE = "internship-base-list";
    static final String FORM_TEMPLATE = "internship-base-form";
    /** The policy minimum shown beside each county's figures; the evaluated target is set per unit elsewhere. */
    static final int POLICY_MINIMUM = 80;

    private final InternshipBaseService service;

    InternshipBaseWeb(InternshipBaseService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return save(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("new") && method.equals("GET")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("base: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            InternshipBaseInput blank = new InternshipBaseInput(null, null, null, null, null, county,
                    service.today().toString(), null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    InternshipBase b = service.get(actor, id);
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, InternshipBaseInput.of(b).toForm(),
                            Map.of(), String.valueOf(id)));
                }
                case "POST": return save(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            try {
                service.delete(actor, id);
                return WebResult.redirect("/" + PATH);
            } catch (ValidationException e) {
                InternshipBase b = service.get(actor, id);
                return WebResult.page(FORM_TEMPLATE, formModel(actor, InternshipBaseInput.of(b).toForm(),
                        e.fieldErrors(), String.valueOf(id))).withStatus(400);
            }
        }
        throw notFound(r);
    }

    private WebResult save(WebRequest r, Long id) {
        InternshipBaseInput input = InternshipBaseInput.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(),
                    id == null ? null : String.valueOf(id))).withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        InternshipBaseService.Filter filter = filter(r);
        Page<InternshipBase> page = service.list(actor, filter, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        LocalDate today = service.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InternshipBase b : page.items()) {
            Map<String, Object> m = row(b, countyNames.getOrDefault(b.countyId(), ""));
            m.put("live", b.liveOn(today));
            m.put("counts", b.countsOn(today));
            rows.add(m);
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        service.counts(actor, filter.countyId(), today).forEach((county, n) -> {
            Map<String, Object> s = new HashMap<>();
            s.put("countyName", countyNames.getOrDefault(county, ""));
            s.put("live", n.live());
            s.put("entered", n.entered());
            s.put("met", n.entered() >= POLICY_MINIMUM);
            summary.add(s);
        });
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("summary", summary);
        model.put("minimum", POLICY_MINIMUM);
        model.put("today", today.toString());
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("sector", filter.sector() == null ? "" : filter.sector().name());
        model.put("entered", filter.entered() == null ? "" : filter.entered() ? "yes" : "no");
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("sectors", names(ProjectSector.values()));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            String baseId) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("sectors", names(ProjectSector.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (baseId != null) {
            model.put("baseId", baseId);
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            return internshipBaseJson(r, actor).route(r, method, path, 1);
        }
        if (path.size() == 2 && path.get(1).equals("summary") && method.equals("GET")) {
            LocalDate today = service.today();
            List<Map<String, Object>> items = new ArrayList<>();
            service.counts(actor, ProjectValidator.positiveId(r.param("county")), today).forEach((county, n) -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("county", county);
                s.put("countyName", service.countyName(county));
                s.put("live", n.live());
                s.put("entered", n.entered());
                items.add(s);
            });
            return WebResult.json(Map.of("day", today.toString(), "items", items));
        }
        return internshipBaseJson(r, actor).route(r, method, path, 1);
    }

    private Map<String, Object> record(InternshipBase b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("name", b.name());
        m.put("sector", b.sector().name());
        m.put("address", b.address());
        m.put("contact", b.contact());
        m.put("capacity", b.capacity());
        m.put("county", b.countyId());
        m.put("countyName", service.countyName(b.countyId()));
        m.put("establishedOn", b.establishedOn().toString());
        m.put("enteredOn", b.enteredOn() == null ? null : b.enteredOn().toString());
        m.put("closedOn", b.closedOn() == null ? null : b.closedOn().toString());
        m.put("createdAt", b.createdAt().toString());
        m.put("updatedAt", b.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> row(InternshipBase b, String countyName) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", String.valueOf(b.id()));
        m.put("name", b.name());
        m.put("sector", b.sector().name());
        m.put("address", b.address());
        m.put("contact", b.contact());
        m.put("capacity", String.valueOf(b.capacity()));
        m.put("countyName", countyName);
        m.put("establishedOn", b.establishedOn().toString());
        m.put("enteredOn", b.enteredOn() == null ? "" : b.enteredOn().toString());
        m.put("closedOn", b.closedOn() == null ? "" : b.closedOn().toString());
        return m;
    }

    private static InternshipBaseService.Filter filter(WebRequest r) {
        String entered = r.param("entered");
        return new InternshipBaseService.Filter(r.param("q"),
                Enums.parse(ProjectSector.class, r.param("sector")).orElse(null),
                "yes".equals(entered) ? Boolean.TRUE : "no".equals(entered) ? Boolean.FALSE : null,
                ProjectValidator.positiveId(r.param("county")));
    }

    /** The JSON of the InternshipBase records: list, create, get, replace and delete. */
    private JsonCrud<InternshipBase> internshipBaseJson(WebRequest r, Actor actor) {
        return new JsonCrud<>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, InternshipBaseInput.fromJson(b)),
                id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, InternshipBaseInput.fromJson(b)),
                id -> service.delete(actor, id),
                this::record);
    }
}
