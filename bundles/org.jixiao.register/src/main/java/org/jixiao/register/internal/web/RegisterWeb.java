package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.Lookups;
import org.jixiao.register.internal.TransferPages;

/**
 * The pages and JSON every register of a project gets without project code: {@code /<register>/…} answered by
 * {@link Pages} or, for {@code /api/v1/p/<project>/<register>/…}, by {@link Api}. A path the engine does not answer
 * goes to the project's own handler, so a project may add pages beside and below its registers; without one it is
 * not found. The project's root goes to its own handler too, or else to its first register's list.
 */
public final class RegisterWeb implements WebHandler {

    private final Site site;
    private final Pages pages;
    private final Api api;
    private final WebHandler custom;
    private final TransferPages transfers;

    /**
     * @param transfers the register's import and export ({@code /<register>/import…}, {@code /<register>/export}),
     *                  or null for none
     */
    public RegisterWeb(KeyProject project, RegisterService service, Lookups lookups, WebHandler custom,
            TransferPages transfers) {
        this.site = new Site(project, service, lookups);
        this.pages = new Pages(site);
        this.api = new Api(site);
        this.custom = custom;
        this.transfers = transfers;
    }

    public RegisterWeb(KeyProject project, RegisterService service, Lookups lookups, WebHandler custom) {
        this(project, service, lookups, custom, null);
    }

    @Override
    public WebResult handle(WebRequest request) {
        String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
        // HEAD is a GET whose body the web layer drops.
        method = "HEAD".equals(method) ? "GET" : method;
        List<String> path = segments(request.path());
        RegisterDefinition d = path.isEmpty() ? null : site.register(path.get(0));
        if (d == null && !path.isEmpty() && path.get(0).equals(ConflictPage.PATH) && site.keysAcrossUnits()) {
            return new ConflictPage(site).route(request, method, path);
        }
        if (d == null && path.size() >= 1 && path.get(0).equals(UnsealPages.PATH)) {
            return request.api() ? unsealRequests(request, method, path)
                    : new UnsealPages(site).requests(request, method, path);
        }
        if (d != null && transfers != null && path.size() >= 2 && path.get(1).equals("import")) {
            return transfers.importing(request, d, path.subList(2, path.size()));
        }
        if (d != null && transfers != null && path.size() == 2 && path.get(1).equals("export") && "GET".equals(method)) {
            return transfers.export(request, d, ListQuery.of(request, d).query());
        }
        if (d != null) {
            WebResult result = request.api() ? api.route(request, method, d, path)
                    : pages.route(request, method, d, path);
            if (result != null) {
                return result;
            }
        }
        if (custom != null) {
            return custom.handle(request);
        }
        List<RegisterDefinition> menu = site.topLevel().stream().filter(x -> Site.reads(request.actor(), x))
                .toList();
        if (path.isEmpty() && !request.api() && "GET".equals(method) && !menu.isEmpty()) {
            return WebResult.redirect("/" + menu.get(0).id());
        }
        throw new NotFoundException(method + " " + request.path());
    }

    /**
     * {@code GET /unseal-requests}: the openings of sealed records the caller may approve; {@code POST
     * /unseal-requests/<id>/approve}: approves one (never the requester's own).
     */
    private WebResult unsealRequests(WebRequest request, String method, List<String> path) {
        if (path.size() == 1 && "GET".equals(method)) {
            return WebResult.json(site.service.unsealRequests(request.actor(), site.project));
        }
        Long id = path.size() == 3 && path.get(2).equals("approve") && "POST".equals(method)
                ? org.jixiao.register.internal.web.Values.id(path.get(1)) : null;
        if (id == null) {
            throw new NotFoundException(method + " " + request.path());
        }
        site.service.approveUnseal(request.actor(), site.project, id);
        return WebResult.json(Map.of("approved", true));
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path != null) {
            for (String s : path.split("/")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
