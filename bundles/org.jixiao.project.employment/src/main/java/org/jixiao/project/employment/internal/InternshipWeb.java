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
 * The internship plan: pages under {@code /p/employment/internships} (positions of a year with the per-county
 * figures, a position with its placements, a placement's outcome) and JSON under
 * {@code /api/v1/p/employment/internships}. {@link YouthWeb} routes here.
 */
final class InternshipWeb implements Register.Pages {

    static final String PATH = "internships";
    static final String LIST_TEMPLATE = "internship-list";
    static final String FORM_TEMPLATE = "internship-form";
    static final String PLACEMENT_TEMPLATE = "internship-placement";
    static final String PLACEMENTS = "placements";

    private final InternshipService service;

    InternshipWeb(InternshipService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return savePosition(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("new") && method.equals("GET")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("internship: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            InternshipInput.Position blank = new InternshipInput.Position(county, null, null, null, r.param("base"),
                    null, String.valueOf(service.today().getYear()), null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, false));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    InternshipPosition p = service.get(actor, id);
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, InternshipInput.Position.of(p).toForm(),
                            Map.of(), id, false));
                }
                case "POST": return savePosition(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            try {
                service.delete(actor, id);
                return WebResult.redirect("/" + PATH);
            } catch (ValidationException e) {
                InternshipPosition p = service.get(actor, id);
                return WebResult.page(FORM_TEMPLATE, formModel(actor, InternshipInput.Position.of(p).toForm(),
                        e.fieldErrors(), id, false)).withStatus(400);
            }
        }
        if (path.size() == 3 && path.get(2).equals(PLACEMENTS) && method.equals("POST")) {
            InternshipInput.Placement input = InternshipInput.Placement.fromForm(r);
            try {
                service.place(actor, id, input);
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                InternshipPosition p = service.get(actor, id);
                Map<String, Object> model = formModel(actor, InternshipInput.Position.of(p).toForm(),
                        e.fieldErrors(), id, true);
                model.put("placementForm", input.toForm());
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        if (path.size() >= 4 && path.get(2).equals(PLACEMENTS)) {
            long placementId = id(r, path.get(3));
            if (path.size() == 4 && method.equals("GET")) {
                InternshipPlacement pl = service.placement(actor, id, placementId);
                return WebResult.page(PLACEMENT_TEMPLATE, placementModel(actor, id, pl,
                        InternshipInput.Placement.of(pl).toForm(), Map.of()));
            }
            if (path.size() == 4 && method.equals("POST")) {
                InternshipInput.Placement input = InternshipInput.Placement.fromForm(r);
                try {
                    service.updatePlacement(actor, id, placementId, input);
                    return WebResult.redirect("/" + PATH + "/" + id);
                } catch (ValidationException e) {
                    InternshipPlacement pl = service.placement(actor, id, placementId);
                    return WebResult.page(PLACEMENT_TEMPLATE, placementModel(actor, id, pl, input.toForm(),
                            e.fieldErrors())).withStatus(400);
                }
            }
            if (path.size() == 5 && path.get(4).equals("delete") && method.equals("POST")) {
                service.deletePlacement(actor, id, placementId);
                return WebResult.redirect("/" + PATH + "/" + id);
            }
        }
        throw notFound(r);
    }

    private WebResult savePosition(WebRequest r, Long id) {
        InternshipInput.Position input = InternshipInput.Position.fromForm(r);
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

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        InternshipService.Filter filter = filter(r);
        Page<InternshipPosition> page = service.list(actor, filter, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InternshipPosition p : page.items()) {
            rows.add(row(p, countyNames.getOrDefault(p.countyId(), "")));
        }
        List<Map<String, Object>> figures = new ArrayList<>();
        service.figures(actor, filter.year(), filter.countyId()).forEach((county, f) -> {
            Map<String, Object> m = new HashMap<>();
            m.put("countyName", countyNames.getOrDefault(county, ""));
            m.put("interns", f.interns());
            m.put("gm", f.gm());
            m.put("converted", f.converted());
            m.put("gmShare", f.gmShare().toPlainString());
            m.put("conversion", f.conversion().toPlainString());
            figures.add(m);
        });
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("figures", figures);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("year", String.valueOf(filter.year()));
        model.put("gm", filter.gmAssistant() == null ? "" : filter.gmAssistant() ? "yes" : "no");
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /**
     * The position form; for a stored position also its placements and the small form placing a youth.
     * {@code placementFailed} says the errors belong to that small form.
     */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            boolean placementFailed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("failed", placementFailed ? PLACEMENTS : "");
        model.put("placementForm", Map.of());
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            InternshipPosition p = service.get(actor, id);
            model.put("positionId", String.valueOf(id));
            model.put("baseName", p.baseName() == null ? "" : p.baseName());
            // Text, so MessageFormat shows 1000 places as 1000, not 1,000.
            model.put("placed", String.valueOf(p.placed()));
            model.put("places", String.valueOf(p.places()));
            model.put("full", p.full());
            model.put("placements", service.placements(actor, id).stream().map(InternshipWeb::placement).toList());
        }
        return model;
    }

    private Map<String, Object> placementModel(Actor actor, long positionId, InternshipPlacement pl,
            Map<String, Object> form, Map<String, String> errors) {
        InternshipPosition p = service.get(actor, positionId);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("positionId", String.valueOf(positionId));
        model.put("placementId", String.valueOf(pl.id()));
        model.put("youthName", pl.youthName());
        model.put("employer", p.employer());
        model.put("post", p.post());
        model.put("year", String.valueOf(p.year()));
        model.put("outcomes", names(InternshipOutcome.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": {
                    Page<InternshipPosition> page = service.list(actor, filter(r), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(p -> items.add(record(p)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.create(actor, InternshipInput.Position.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("figures") && method.equals("GET")) {
            InternshipService.Filter f = filter(r);
            List<Map<String, Object>> items = new ArrayList<>();
            service.figures(actor, f.year(), f.countyId()).forEach((county, v) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("county", county);
                m.put("countyName", service.countyName(county));
                m.put("interns", v.interns());
                m.put("gmAssistant", v.gm());
                m.put("converted", v.converted());
                m.put("gmShare", v.gmShare().toPlainString());
                m.put("conversion", v.conversion().toPlainString());
                items.add(m);
            });
            return WebResult.json(Map.of("year", f.year(), "items", items));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.update(actor, id, InternshipInput.Position.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.delete(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals(PLACEMENTS) && method.equals("POST")) {
            long created = service.place(actor, id, InternshipInput.Placement.fromJson(body(r)));
            return WebResult.json(placement(service.placement(actor, id, created))).withStatus(201);
        }
        if (path.size() == 4 && path.get(2).equals(PLACEMENTS)) {
            long placementId = id(r, path.get(3));
            switch (method) {
                case "GET": return WebResult.json(placement(service.placement(actor, id, placementId)));
                case "PUT":
                    service.updatePlacement(actor, id, placementId, InternshipInput.Placement.fromJson(body(r)));
                    return WebResult.json(placement(service.placement(actor, id, placementId)));
                case "DELETE":
                    service.deletePlacement(actor, id, placementId);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        throw notFound(r);
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Map<String, Object> m = record(service.get(actor, id));
        m.put("placements", service.placements(actor, id).stream().map(InternshipWeb::placement).toList());
        return m;
    }

    private Map<String, Object> record(InternshipPosition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("county", p.countyId());
        m.put("countyName", service.countyName(p.countyId()));
        m.put("employer", p.employer());
        m.put("post", p.post());
        m.put("gmAssistant", p.gmAssistant());
        m.put("base", p.baseId());
        m.put("baseName", p.baseName());
        m.put("places", p.places());
        m.put("placed", p.placed());
        m.put("year", p.year());
        m.put("startsOn", p.startsOn().toString());
        m.put("endsOn", p.endsOn().toString());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static Map<String, Object> row(InternshipPosition p, String countyName) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("employer", p.employer());
        m.put("post", p.post());
        m.put("gmAssistant", p.gmAssistant());
        m.put("baseName", p.baseName() == null ? "" : p.baseName());
        m.put("places", p.places());
        m.put("placed", p.placed());
        m.put("year", String.valueOf(p.year()));
        m.put("startsOn", p.startsOn().toString());
        m.put("endsOn", p.endsOn().toString());
        m.put("countyName", countyName);
        return m;
    }

    private static Map<String, Object> placement(InternshipPlacement p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("youth", String.valueOf(p.youthId()));
        m.put("youthName", p.youthName());
        m.put("startsOn", p.startsOn().toString());
        m.put("endsOn", p.endsOn() == null ? "" : p.endsOn().toString());
        m.put("outcome", p.outcome().name());
        m.put("convertedEmployer", p.convertedEmployer() == null ? "" : p.convertedEmployer());
        m.put("convertedOn", p.convertedOn() == null ? "" : p.convertedOn().toString());
        return m;
    }

    /** The year shown: from 2000 to next year, otherwise this year. */
    private InternshipService.Filter filter(WebRequest r) {
        int current = service.today().getYear();
        int year = current;
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= ProjectValidator.EARLIEST.getYear() && y <= current + 1) {
                year = y;
            }
        }
        String gm = r.param("gm");
        return new InternshipService.Filter(r.param("q"), year,
                "yes".equals(gm) ? Boolean.TRUE : "no".equals(gm) ? Boolean.FALSE : null,
                ProjectValidator.positiveId(r.param("county")));
    }
}
