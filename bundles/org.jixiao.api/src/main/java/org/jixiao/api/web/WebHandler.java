package org.jixiao.api.web;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the requests under a plugin's paths. Throw {@link org.jixiao.api.NotFoundException},
 * {@link org.jixiao.api.AccessDeniedException} or {@link org.jixiao.api.ValidationException} and the web
 * layer answers 404, 403 or 400 in the caller's language, as a page or as JSON.
 */
@ConsumerType
@FunctionalInterface
public interface WebHandler {
    WebResult handle(WebRequest request);

    /**
     * Read-only pages, one per path below the plugin's root (no leading or trailing slash): answers a GET of one of
     * them, and anything else (another path, another method) with null, for the next handler or a 404.
     *
     * @since 1.3
     */
    static WebHandler gets(Map<String, WebHandler> pages) {
        Map<String, WebHandler> byPath = Map.copyOf(pages);
        return r -> {
            WebHandler page = r.method().equals("GET") ? byPath.get(r.path().replaceAll("^/+|/+$", "")) : null;
            return page == null ? null : page.handle(r);
        };
    }
}
