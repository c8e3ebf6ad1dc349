package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
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
 * The entrepreneurship project registry: pages under {@code /p/employment/projects} and JSON under
 * {@code /api/v1/p/employment/projects}. {@link YouthWeb} routes here; models hold only plain values.
 */
final class ProjectWeb implements Register.Pages {

    static final String PATH = "projects";
    static final String LIST_TEMPLATE = "project-list";
    static final String FORM_TEMPLATE = "project-form";

    private final ProjectService service;

    ProjectWeb(ProjectService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return save(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("new") && method.equals("GET")) {
            Actor actor = r.actor();
            if (!actor.canWrite()) {
                throw new AccessDeniedException("venture: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            ProjectInput blank = new ProjectInput(null, r.param("founder"), null, null, null, county,
                    service.today().toString());
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    Project p = service.get(r.actor(), id);
                    ProjectInput shown = new ProjectInput(p.name(), String.valueOf(p.founderId()), p.sector().name(),
                            p.stage().name(), p.support(), String.valueOf(p.countyId()), p.registeredOn().toString());
                    Map<String, Object> model = formModel(r.actor(), shown.toForm(), Map.of(), String.valueOf(id));
                    model.put("founderName", p.founderName());
                    return WebResult.page(FORM_TEMPLATE, model);
                }
                case "POST": return save(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            service.delete(r.actor(), id);
            return WebResult.redirect("/" + PATH);
        }
        throw notFound(r);
    }

    private WebResult save(WebRequest r, Long id) {
        ProjectInput input = ProjectInput.fromForm(r);
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
        ProjectFilter filter = filter(r);
        Page<Project> page = service.list(actor, filter, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Project p : page.items()) {
            Map<String, Object> m = record(p);
            m.put("id", String.valueOf(p.id()));
            m.put("founder", String.valueOf(p.founderId()));
            m.put("county", String.valueOf(p.countyId()));
            m.put("countyName", countyNames.getOrDefault(p.countyId(), ""));
            m.put("support", p.support() == null ? "" : p.support());
            rows.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("sector", filter.sector() == null ? "" : filter.sector().name());
        model.put("stage", filter.stage() == null ? "" : filter.stage().name());
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        options(model);
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            String projectId) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (projectId != null) {
            model.put("projectId", projectId);
        }
        options(model);
        return model;
    }

    private static void options(Map<String, Object> model) {
        model.put("sectors", names(ProjectSector.values()));
        model.put("stages", names(ProjectStage.values()));
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        return new JsonCrud<Project>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, ProjectInput.fromJson(b)), id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, ProjectInput.fromJson(b)), id -> service.delete(actor, id),
                this::record).route(r, method, path, 1);
    }

    private Map<String, Object> record(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("founder", p.founderId());
        m.put("founderName", p.founderName());
        m.put("sector", p.sector().name());
        m.put("stage", p.stage().name());
        m.put("support", p.support());
        m.put("county", p.countyId());
        m.put("countyName", service.countyName(p.countyId()));
        m.put("registeredOn", p.registeredOn().toString());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    private static ProjectFilter filter(WebRequest r) {
        return new ProjectFilter(r.param("q"), Enums.parse(ProjectSector.class, r.param("sector")).orElse(null),
                Enums.parse(ProjectStage.class, r.param("stage")).orElse(null),
                ProjectValidator.positiveId(r.param("county")));
    }
}
