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
 * The YBC service platform: pages under {@code /p/employment/ybc} (the stations and the demonstration projects on
 * one page, a form for each) and JSON under {@code /api/v1/p/employment/ybc/stations} and {@code .../ybc/projects}.
 */
final class YbcWeb implements Register.Pages {

    static final String PATH = "ybc";
    static final String STATIONS = "stations";
    static final String PROJECTS = "projects";
    static final String LIST_TEMPLATE = "ybc-list";
    static final String STATION_TEMPLATE = "ybc-station-form";
    static final String PROJECT_TEMPLATE = "ybc-project-form";

    private final YbcService service;

    YbcWeb(YbcService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1 && method.equals("GET")) {
            return listPage(r);
        }
        if (path.size() < 2 || !(path.get(1).equals(STATIONS) || path.get(1).equals(PROJECTS))) {
            throw notFound(r);
        }
        boolean stations = path.get(1).equals(STATIONS);
        if (path.size() == 2 && method.equals("POST")) {
            return stations ? saveStation(r, null) : saveProject(r, null);
        }
        if (path.size() == 3 && path.get(2).equals("new") && method.equals("GET")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("ybc: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            String today = service.today().toString();
            if (stations) {
                return WebResult.page(STATION_TEMPLATE, formModel(actor,
                        new YbcInput.Station(null, county, today, null, null, null).toForm(), Map.of(), null, null));
            }
            return WebResult.page(PROJECT_TEMPLATE, formModel(actor, new YbcInput.Project(r.param("project"), county,
                    String.valueOf(service.today().getYear()), today, null).toForm(), Map.of(), null, null));
        }
        if (path.size() < 3) {
            throw notFound(r);
        }
        long id = id(r, path.get(2));
        if (path.size() == 3 && method.equals("GET")) {
            if (stations) {
                return WebResult.page(STATION_TEMPLATE, formModel(actor, form(service.station(actor, id)), Map.of(),
                        id, null));
            }
            YbcProject p = service.project(actor, id);
            return WebResult.page(PROJECT_TEMPLATE, formModel(actor, form(p), Map.of(), id, p.projectName()));
        }
        if (path.size() == 3 && method.equals("POST")) {
            return stations ? saveStation(r, id) : saveProject(r, id);
        }
        if (path.size() == 4 && path.get(3).equals("delete") && method.equals("POST")) {
            if (stations) {
                service.deleteStation(actor, id);
            } else {
                service.deleteProject(actor, id);
            }
            return WebResult.redirect("/" + PATH);
        }
        throw notFound(r);
    }

    private WebResult saveStation(WebRequest r, Long id) {
        YbcInput.Station input = YbcInput.Station.fromForm(r);
        try {
            if (id == null) {
                service.createStation(r.actor(), input);
            } else {
                service.updateStation(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(STATION_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, null))
                    .withStatus(400);
        }
    }

    private WebResult saveProject(WebRequest r, Long id) {
        YbcInput.Project input = YbcInput.Project.fromForm(r);
        try {
            if (id == null) {
                service.createProject(r.actor(), input);
            } else {
                service.updateProject(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(PROJECT_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, null))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        YbcRepository.Filter filter = filter(r);
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> stationRows = new ArrayList<>();
        for (YbcStation s : service.stations(actor, filter.countyId())) {
            Map<String, Object> row = new LinkedHashMap<>(form(s));
            row.put("id", String.valueOf(s.id()));
            row.put("countyName", countyNames.getOrDefault(s.countyId(), ""));
            stationRows.add(row);
        }
        Page<YbcProject> page = service.projects(actor, filter, pageNumber(r));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (YbcProject p : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>(form(p));
            row.put("id", String.valueOf(p.id()));
            row.put("projectName", p.projectName());
            row.put("countyName", countyNames.getOrDefault(p.countyId(), ""));
            row.put("support", p.support() == null ? "" : p.support());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("stations", stationRows);
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("year", filter.year() == null ? "" : String.valueOf(filter.year()));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String projectName) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("recordId", String.valueOf(id));
        }
        if (projectName != null) {
            model.put("projectName", projectName);
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() < 2 || !(path.get(1).equals(STATIONS) || path.get(1).equals(PROJECTS))) {
            throw notFound(r);
        }
        boolean stations = path.get(1).equals(STATIONS);
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    if (stations) {
                        List<Map<String, Object>> items = new ArrayList<>();
                        service.stations(actor, ProjectValidator.positiveId(r.param("county")))
                                .forEach(s -> items.add(json(s)));
                        return WebResult.json(Map.of("items", items, "total", items.size()));
                    }
                    Page<YbcProject> page = service.projects(actor, filter(r), pageNumber(r));
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(p -> items.add(json(p)));
                    return pageJson(page, items);
                }
                case "POST": {
                    if (stations) {
                        long id = service.createStation(actor, YbcInput.Station.fromJson(body(r)));
                        return WebResult.json(json(service.station(actor, id))).withStatus(201);
                    }
                    long id = service.createProject(actor, YbcInput.Project.fromJson(body(r)));
                    return WebResult.json(json(service.project(actor, id))).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        long id = id(r, path.get(2));
        if (path.size() != 3) {
            throw notFound(r);
        }
        switch (method) {
            case "GET":
                return WebResult.json(stations ? json(service.station(actor, id)) : json(service.project(actor, id)));
            case "PUT":
                if (stations) {
                    service.updateStation(actor, id, YbcInput.Station.fromJson(body(r)));
                    return WebResult.json(json(service.station(actor, id)));
                }
                service.updateProject(actor, id, YbcInput.Project.fromJson(body(r)));
                return WebResult.json(json(service.project(actor, id)));
            case "DELETE":
                if (stations) {
                    service.deleteStation(actor, id);
                } else {
                    service.deleteProject(actor, id);
                }
                return WebResult.json(Map.of("deleted", true));
            default:
                throw notFound(r);
        }
    }

    private Map<String, Object> json(YbcStation s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("county", s.countyId());
        m.put("countyName", service.countyName(s.countyId()));
        m.put("setUpOn", s.setUpOn().toString());
        m.put("address", s.address());
        m.put("head", s.head());
        m.put("contact", s.contact());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        return m;
    }

    private Map<String, Object> json(YbcProject p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("project", p.projectId());
        m.put("projectName", p.projectName());
        m.put("county", p.countyId());
        m.put("countyName", service.countyName(p.countyId()));
        m.put("year", p.year());
        m.put("recognisedOn", p.recognisedOn().toString());
        m.put("support", p.support());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> form(YbcStation s) {
        return new YbcInput.Station(s.name(), String.valueOf(s.countyId()), s.setUpOn().toString(), s.address(),
                s.head(), s.contact()).toForm();
    }

    private static Map<String, Object> form(YbcProject p) {
        return new YbcInput.Project(String.valueOf(p.projectId()), String.valueOf(p.countyId()),
                String.valueOf(p.year()), p.recognisedOn().toString(), p.support()).toForm();
    }

    private static YbcRepository.Filter filter(WebRequest r) {
        String year = r.param("year");
        return new YbcRepository.Filter(r.param("q"), year != null && year.matches("\\d{4}") ? Integer.valueOf(year)
                : null, ProjectValidator.positiveId(r.param("county")));
    }
}
