package org.jixiao.register.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.Lookups;

/**
 * {@code /conflicts}: the registrations refused because another unit holds the person, for the city to resolve
 * ({@code POST /conflicts/<id>/resolve} with a resolution). Nobody else learns they exist: 404.
 */
final class ConflictPage {

    static final String PATH = "conflicts";

    private final Site site;

    ConflictPage(Site site) {
        this.site = site;
    }

    WebResult route(WebRequest r, String method, List<String> path) {
        if (r.actor() == null || r.actor().orgUnit().parentId() != null) {
            throw new NotFoundException(r.path());
        }
        if (path.size() == 1 && "GET".equals(method)) {
            return r.api() ? WebResult.json(site.lookups.conflicts(r.actor(), site.project)) : page(r, Map.of());
        }
        Long id = path.size() == 3 && "resolve".equals(path.get(2)) && "POST".equals(method)
                ? Values.id(path.get(1)) : null;
        if (id == null) {
            throw new NotFoundException(r.path());
        }
        try {
            site.lookups.resolveConflict(r.actor(), site.project, id, r.param("resolution"));
        } catch (ValidationException e) {
            if (r.api()) {
                throw e;
            }
            return page(r, e.fieldErrors()).withStatus(400);
        }
        return r.api() ? WebResult.json(Map.of("resolved", true)) : WebResult.redirect("/" + PATH + "?saved=1");
    }

    private WebResult page(WebRequest r, Map<String, String> errors) {
        List<Map<String, Object>> rows = site.lookups.conflicts(r.actor(), site.project).stream().map(c -> row(r, c))
                .toList();
        Map<String, Object> model = site.model(r, r.message("register.conflicts.title"));
        model.put("conflicts", rows);
        model.put("errors", errors);
        return WebResult.page("register/conflicts", model);
    }

    private Map<String, Object> row(WebRequest r, Lookups.Conflict c) {
        RegisterDefinition d = site.register(c.register());
        Map<String, Object> m = new HashMap<>();
        m.put("id", String.valueOf(c.id()));
        m.put("register", d == null ? c.register() : Values.title(r, d));
        m.put("recordHref", "/" + c.register() + "/" + c.recordId());
        m.put("record", c.recordTitle());
        m.put("holdingUnit", c.holdingUnit());
        m.put("requestingUnit", c.requestingUnit());
        m.put("requestedBy", c.requestedBy());
        m.put("at", Values.when(c.at()));
        return m;
    }
}
