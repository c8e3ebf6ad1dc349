package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageJson;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.math.BigDecimal;
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
 * Incubation bases: pages under {@code /p/employment/incubators} (list, base form with its residents) and JSON
 * under {@code /api/v1/p/employment/incubators}. {@link YouthWeb} routes here.
 */
final class IncubatorWeb implements Register.Pages {

    static final String PATH = "incubators";
    static final String LIST_TEMPLATE = "incubator-list";
    static final String FORM_TEMPLATE = "incubator-form";
    static final String RESIDENTS = "residents";
    static final String MOVE_OUT = "move-out";

    private final IncubatorService service;

    IncubatorWeb(IncubatorService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveBase(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("new")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("incubator: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            IncubatorInput.Base blank = new IncubatorInput.Base(null, null, null, county, service.today().toString(),
                    null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, ""));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET":
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, form(service.get(actor, id)), Map.of(), id,
                            ""));
                case "POST": return saveBase(r, id);
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
        if (path.size() == 3 && path.get(2).equals(RESIDENTS)) {
            try {
                service.addResident(actor, id, IncubatorInput.Resident.fromForm(r));
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id,
                        RESIDENTS);
                model.put("residentForm", residentForm(r));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        if (path.size() == 5 && path.get(2).equals(RESIDENTS)) {
            long resident = id(r, path.get(3));
            if (path.get(4).equals("delete")) {
                service.deleteResident(actor, id, resident);
                return WebResult.redirect("/" + PATH + "/" + id);
            }
            if (path.get(4).equals(MOVE_OUT)) {
                try {
                    service.moveOut(actor, id, resident, r.param("movedOutOn"));
                    return WebResult.redirect("/" + PATH + "/" + id);
                } catch (ValidationException e) {
                    Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id,
                            MOVE_OUT + ":" + resident);
                    model.put("residentForm", residentForm(r));
                    return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
                }
            }
        }
        throw notFound(r);
    }

    private WebResult saveBase(WebRequest r, Long id) {
        IncubatorInput.Base input = IncubatorInput.Base.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, ""))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        Long county = ProjectValidator.positiveId(r.param("county"));
        Page<Incubator> page = service.list(actor, r.param("q"), county, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        LocalDate today = service.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Incubator b : page.items()) {
            Map<String, Object> row = row(b, countyNames.getOrDefault(b.countyId(), ""));
            row.put("open", b.openOn(today));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("minResidents", IncubatorService.MIN_RESIDENTS);
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /**
     * The base form; for a stored base also its residents with the move-in form and a move-out form per current
     * resident. {@code failed} names the small form whose errors show: "" (the base's), "residents" or
     * "move-out:&lt;resident id&gt;".
     */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("failed", failed);
        model.put("residentForm", Map.of());
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        LocalDate today = service.today();
        model.put("today", today.toString());
        if (id != null) {
            Incubator.Detail d = service.detail(actor, id);
            model.put("baseId", String.valueOf(id));
            model.put("closed", d.base().closedOn() != null);
            model.put("residentsToday", d.base().residentsToday());
            model.put("residents", d.residents().stream().map(x -> resident(x, today)).toList());
        }
        return model;
    }

    private static Map<String, Object> residentForm(WebRequest r) {
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of("project", "movedInOn", "movedOutOn")) {
            m.put(f, r.param(f) == null ? "" : r.param(f));
        }
        return m;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": {
                    Page<Incubator> page = service.list(actor, r.param("q"),
                            ProjectValidator.positiveId(r.param("county")), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(b -> items.add(json(b)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.create(actor, IncubatorInput.Base.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.update(actor, id, IncubatorInput.Base.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.delete(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && method.equals("POST") && path.get(2).equals(RESIDENTS)) {
            long created = service.addResident(actor, id, IncubatorInput.Resident.fromJson(body(r)));
            return WebResult.json(Map.of("id", created)).withStatus(201);
        }
        if (path.size() == 4 && method.equals("DELETE") && path.get(2).equals(RESIDENTS)) {
            service.deleteResident(actor, id, id(r, path.get(3)));
            return WebResult.json(Map.of("deleted", true));
        }
        if (path.size() == 5 && method.equals("POST") && path.get(2).equals(RESIDENTS) && path.get(4).equals(MOVE_OUT)) {
            Object on = body(r).get("movedOutOn");
            service.moveOut(actor, id, id(r, path.get(3)), YouthInput.text(on));
            return WebResult.json(detailJson(actor, id));
        }
        throw notFound(r);
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Incubator.Detail d = service.detail(actor, id);
        Map<String, Object> m = json(d.base());
        LocalDate today = service.today();
        List<Map<String, Object>> residents = new ArrayList<>();
        for (Incubator.Resident x : d.residents()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", x.id());
            row.put("project", x.projectId());
            row.put("projectName", x.projectName());
            row.put("movedInOn", x.movedInOn().toString());
            row.put("movedOutOn", x.movedOutOn() == null ? null : x.movedOutOn().toString());
            row.put("resident", x.residentOn(today));
            residents.add(row);
        }
        m.put("residents", residents);
        return m;
    }

    private Map<String, Object> json(Incubator b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("name", b.name());
        m.put("address", b.address());
        m.put("operator", b.operator());
        m.put("county", b.countyId());
        m.put("countyName", service.countyName(b.countyId()));
        m.put("openedOn", b.openedOn().toString());
        m.put("area", b.areaM2() == null ? null : b.areaM2().toPlainString());
        m.put("closedOn", b.closedOn() == null ? null : b.closedOn().toString());
        m.put("residentsToday", b.residentsToday());
        m.put("createdAt", b.createdAt().toString());
        m.put("updatedAt", b.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static String area(BigDecimal area) {
        return area == null ? null : area.toPlainString();
    }

    private static Map<String, Object> form(Incubator b) {
        return new IncubatorInput.Base(b.name(), b.address(), b.operator(), String.valueOf(b.countyId()),
                b.openedOn().toString(), area(b.areaM2()), b.closedOn() == null ? null : b.closedOn().toString())
                .toForm();
    }

    private static Map<String, Object> row(Incubator b, String countyName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(b.id()));
        row.put("name", b.name());
        row.put("address", b.address());
        row.put("operator", b.operator());
        row.put("countyName", countyName);
        row.put("openedOn", b.openedOn().toString());
        row.put("closedOn", b.closedOn() == null ? "" : b.closedOn().toString());
        row.put("area", b.areaM2() == null ? "" : b.areaM2().toPlainString());
        row.put("residentsToday", b.residentsToday());
        return row;
    }

    private static Map<String, Object> resident(Incubator.Resident x, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(x.id()));
        m.put("project", String.valueOf(x.projectId()));
        m.put("projectName", x.projectName());
        m.put("movedInOn", x.movedInOn().toString());
        m.put("movedOutOn", x.movedOutOn() == null ? "" : x.movedOutOn().toString());
        m.put("current", x.movedOutOn() == null);
        m.put("residentToday", x.residentOn(today));
        return m;
    }
}
