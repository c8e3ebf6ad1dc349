package org.jixiao.register.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The openings of sealed records as pages, beside their JSON: {@code GET /unseal-requests}, the requests the caller
 * may approve, each with its approval form ({@code POST /unseal-requests/<id>/approve}); {@code GET
 * /<register>/<id>/unseal}, the form asking to open one sealed record with the legal reason, and its {@code POST}.
 * Only holders of an office of a sealed register reach them; the service refuses a requester's approval of their
 * own request, so a second person always approves.
 */
final class UnsealPages {

    static final String PATH = "unseal-requests";

    private final Site site;

    UnsealPages(Site site) {
        this.site = site;
    }

    /** {@code /unseal-requests[/<id>/approve]}. */
    WebResult requests(WebRequest r, String method, List<String> path) {
        if (site.project.registers().stream().noneMatch(d -> d.sealedBy() != null && office(r, d))) {
            throw new NotFoundException(r.path());
        }
        if (path.size() == 1 && "GET".equals(method)) {
            return list(r);
        }
        Long id = path.size() == 3 && "approve".equals(path.get(2)) && "POST".equals(method)
                ? Values.id(path.get(1)) : null;
        if (id == null) {
            throw new NotFoundException(r.path());
        }
        site.service.approveUnseal(r.actor(), site.project, id);
        return WebResult.redirect("/" + PATH + "?saved=approved");
    }

    /** {@code /<register>/<id>/unseal}: the form, or the request it sends; null for a register that seals nothing. */
    WebResult ask(WebRequest r, String method, RegisterDefinition d, long id) {
        if (d.sealedBy() == null) {
            return null;
        }
        if (!office(r, d)) {
            throw new NotFoundException(r.path());
        }
        if ("GET".equals(method)) {
            return form(r, d, id, Map.of(), "");
        }
        if (!"POST".equals(method)) {
            return null;
        }
        try {
            site.service.requestUnseal(r.actor(), site.project, d.id(), id, r.param("reason"));
        } catch (ValidationException e) {
            return form(r, d, id, e.fieldErrors(), r.param("reason") == null ? "" : r.param("reason"))
                    .withStatus(400);
        }
        return WebResult.redirect("/" + PATH + "?saved=asked");
    }

    private WebResult list(WebRequest r) {
        List<Map<String, Object>> rows = site.service.unsealRequests(r.actor(), site.project).stream()
                .map(q -> row(r, q)).toList();
        Map<String, Object> model = site.model(r, r.message("register.unseal.title"));
        model.put("requests", rows);
        return WebResult.page("register/unseal-requests", model);
    }

    private Map<String, Object> row(WebRequest r, RegisterService.UnsealRequest q) {
        RegisterDefinition d = site.register(q.register());
        Map<String, Object> m = new HashMap<>();
        m.put("id", String.valueOf(q.id()));
        m.put("record", (d == null ? q.register() : Values.title(r, d)) + " " + q.recordId());
        m.put("requester", q.requesterName());
        m.put("at", Values.when(q.requestedAt()));
        m.put("reason", q.reason());
        return m;
    }

    private WebResult form(WebRequest r, RegisterDefinition d, long id, Map<String, String> errors, String reason) {
        Map<String, Object> model = site.model(r, r.message("register.unseal.ask"));
        model.put("record", Values.title(r, d) + " " + id);
        model.put("action", "/" + d.id() + "/" + id + "/unseal");
        model.put("errors", errors);
        model.put("reason", reason);
        return WebResult.page("register/unseal", model);
    }

    private static boolean office(WebRequest r, RegisterDefinition d) {
        return r.actor() != null && d.offices().stream().anyMatch(r.actor()::hasRole);
    }
}
