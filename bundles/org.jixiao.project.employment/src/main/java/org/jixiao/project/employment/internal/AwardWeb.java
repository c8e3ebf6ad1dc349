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
 * Awards and competitions: pages under {@code /p/employment/awards} (list with the entrants and winners per county of
 * a year, the award form with its entrants) and JSON under {@code /api/v1/p/employment/awards}.
 */
final class AwardWeb implements Register.Pages {

    static final String PATH = "awards";
    static final String LIST_TEMPLATE = "award-list";
    static final String FORM_TEMPLATE = "award-form";
    static final String ENTRANTS = "entrants";
    static final String SUMMARY = "summary";

    private final AwardService service;

    AwardWeb(AwardService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveAward(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && method.equals("GET") && path.get(1).equals("new")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("award: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            AwardInput.Award blank = new AwardInput.Award(null, null, String.valueOf(service.today().getYear()), null,
                    county);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, ""));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET":
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, form(service.get(actor, id)), Map.of(), id,
                            ""));
                case "POST": return saveAward(r, id);
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
        if (path.size() >= 3 && path.get(2).equals(ENTRANTS)) {
            Long entrant = path.size() >= 4 ? id(r, path.get(3)) : null;
            if (path.size() == 5 && path.get(4).equals("delete")) {
                service.deleteEntrant(actor, id, entrant);
                return WebResult.redirect("/" + PATH + "/" + id);
            }
            if (path.size() > 4) {
                throw notFound(r);
            }
            try {
                if (entrant == null) {
                    service.addEntrant(actor, id, AwardInput.Entrant.fromForm(r));
                } else {
                    service.updateEntrant(actor, id, entrant, AwardInput.Entrant.fromForm(r));
                }
                return WebResult.redirect("/" + PATH + "/" + id);
            } catch (ValidationException e) {
                Map<String, Object> model = formModel(actor, form(service.get(actor, id)), e.fieldErrors(), id,
                        entrant == null ? ENTRANTS : "entrant:" + entrant);
                model.put("entrantForm", entrantForm(r));
                return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
            }
        }
        throw notFound(r);
    }

    private WebResult saveAward(WebRequest r, Long id) {
        AwardInput.Award input = AwardInput.Award.fromForm(r);
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
        AwardRepository.Filter filter = filter(r);
        Page<Award> page = service.list(actor, filter, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Award a : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>(form(a));
            row.put("id", String.valueOf(a.id()));
            row.put("name", a.name() == null ? "" : a.name());
            row.put("countyName", countyNames.getOrDefault(a.countyId(), ""));
            row.put("entrants", a.entrants());
            row.put("winners", a.winners());
            rows.add(row);
        }
        int summaryYear = filter.year() == null ? service.today().getYear() : filter.year();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Award.Summary s : service.summary(actor, summaryYear, filter.countyId())) {
            summary.add(summaryRow(s, countyNames.getOrDefault(s.countyId(), "")));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("summary", summary);
        model.put("summaryYear", String.valueOf(summaryYear));
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("kind", filter.kind() == null ? "" : filter.kind().name());
        model.put("year", filter.year() == null ? "" : String.valueOf(filter.year()));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        options(model);
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /**
     * The award form; for a stored award also its entrants, each with a small result form, and the form to add one.
     * {@code failed} names the form whose errors show: "" (the award's), "entrants" or "entrant:&lt;id&gt;".
     */
    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("failed", failed);
        model.put("entrantForm", Map.of());
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        options(model);
        if (id != null) {
            Award.Detail d = service.detail(actor, id);
            model.put("awardId", String.valueOf(id));
            model.put("entrants", d.entrants().stream().map(AwardWeb::entrant).toList());
        }
        return model;
    }

    private static void options(Map<String, Object> model) {
        model.put("kinds", names(AwardKind.values()));
        model.put("levels", names(AwardLevel.values()));
        model.put("results", names(AwardResult.values()));
    }

    private static Map<String, Object> entrantForm(WebRequest r) {
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of("youth", "project", "result", "prize")) {
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
                    Page<Award> page = service.list(actor, filter(r), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(a -> items.add(json(a)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = service.create(actor, AwardInput.Award.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals(SUMMARY) && method.equals("GET")) {
            AwardRepository.Filter f = filter(r);
            int year = f.year() == null ? service.today().getYear() : f.year();
            List<Map<String, Object>> items = new ArrayList<>();
            for (Award.Summary s : service.summary(actor, year, f.countyId())) {
                Map<String, Object> row = summaryRow(s, service.countyName(s.countyId()));
                row.put("county", s.countyId());
                items.add(row);
            }
            return WebResult.json(Map.of("year", year, "items", items));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.json(detailJson(actor, id));
                case "PUT":
                    service.update(actor, id, AwardInput.Award.fromJson(body(r)));
                    return WebResult.json(detailJson(actor, id));
                case "DELETE":
                    service.delete(actor, id);
                    return WebResult.json(Map.of("deleted", true));
                default: throw notFound(r);
            }
        }
        if (path.get(2).equals(ENTRANTS)) {
            if (path.size() == 3 && method.equals("POST")) {
                long created = service.addEntrant(actor, id, AwardInput.Entrant.fromJson(body(r)));
                return WebResult.json(Map.of("id", created)).withStatus(201);
            }
            if (path.size() == 4 && method.equals("PUT")) {
                service.updateEntrant(actor, id, id(r, path.get(3)), AwardInput.Entrant.fromJson(body(r)));
                return WebResult.json(detailJson(actor, id));
            }
            if (path.size() == 4 && method.equals("DELETE")) {
                service.deleteEntrant(actor, id, id(r, path.get(3)));
                return WebResult.json(Map.of("deleted", true));
            }
        }
        throw notFound(r);
    }

    private Map<String, Object> detailJson(Actor actor, long id) {
        Award.Detail d = service.detail(actor, id);
        Map<String, Object> m = json(d.award());
        List<Map<String, Object>> entrants = new ArrayList<>();
        for (Award.Entrant e : d.entrants()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("youth", e.youthId());
            row.put("youthName", e.youthName());
            row.put("project", e.projectId());
            row.put("projectName", e.projectName());
            row.put("result", e.result().name());
            row.put("prize", e.prize());
            entrants.add(row);
        }
        m.put("entrants", entrants);
        return m;
    }

    private Map<String, Object> json(Award a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind().name());
        m.put("name", a.name());
        m.put("year", a.year());
        m.put("level", a.level().name());
        m.put("county", a.countyId());
        m.put("countyName", service.countyName(a.countyId()));
        m.put("entrants", a.entrants());
        m.put("winners", a.winners());
        m.put("createdAt", a.createdAt().toString());
        m.put("updatedAt", a.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static Map<String, Object> form(Award a) {
        return new AwardInput.Award(a.kind().name(), a.name(), String.valueOf(a.year()), a.level().name(),
                String.valueOf(a.countyId())).toForm();
    }

    private static Map<String, Object> summaryRow(Award.Summary s, String countyName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("countyName", countyName);
        row.put("awards", s.awards());
        row.put("entrants", s.entrants());
        row.put("winners", s.winners());
        return row;
    }

    private static Map<String, Object> entrant(Award.Entrant e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(e.id()));
        m.put("youth", e.youthId() == null ? "" : String.valueOf(e.youthId()));
        m.put("youthName", e.youthName() == null ? "" : e.youthName());
        m.put("project", e.projectId() == null ? "" : String.valueOf(e.projectId()));
        m.put("projectName", e.projectName() == null ? "" : e.projectName());
        m.put("result", e.result().name());
        m.put("prize", e.prize() == null ? "" : e.prize());
        return m;
    }

    private static AwardRepository.Filter filter(WebRequest r) {
        String year = r.param("year");
        return new AwardRepository.Filter(r.param("q"), Enums.parse(AwardKind.class, r.param("kind")).orElse(null),
                year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null,
                ProjectValidator.positiveId(r.param("county")));
    }
}
