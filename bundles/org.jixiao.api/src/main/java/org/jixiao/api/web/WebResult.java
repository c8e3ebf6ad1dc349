package org.jixiao.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link WebHandler} answers: a page rendered from a template of the plugin's bundle inside the
 * shared layout, a redirect, or a JSON body.
 */
public final class WebResult {

    public enum Kind { PAGE, REDIRECT, JSON, FILE }

    private final Kind kind;
    private final int status;
    private final String target;
    private final Map<String, Object> model;
    private final Object body;

    private WebResult(Kind kind, int status, String target, Map<String, Object> model, Object body) {
        this.kind = kind;
        this.status = status;
        this.target = target;
        this.model = model;
        this.body = body;
    }

    /**
     * @param template a FreeMarker template at {@code templates/<template>.ftlh} in the plugin's bundle
     */
    public static WebResult page(String template, Map<String, Object> model) {
        return new WebResult(Kind.PAGE, 200, Objects.requireNonNull(template), new LinkedHashMap<>(model), null);
    }

    /** A redirect (303, so a POST is followed by a GET) to a path below the plugin's root. */
    public static WebResult redirect(String path) {
        return new WebResult(Kind.REDIRECT, 303, Objects.requireNonNull(path), Map.of(), null);
    }

    public static WebResult json(Object body) {
        return new WebResult(Kind.JSON, 200, null, Map.of(), body);
    }

    /**
     * A download: {@code body} sent as an attachment named {@code fileName} (any characters; the web layer encodes
     * it), never sniffed or shown inline.
     *
     * @since 1.1
     */
    public static WebResult file(String fileName, String contentType, byte[] body) {
        return new WebResult(Kind.FILE, 200, Objects.requireNonNull(fileName),
                Map.of("contentType", Objects.requireNonNull(contentType)), Objects.requireNonNull(body));
    }

    /** The same result with another HTTP status, e.g. 201 for a creation or 400 for a form shown again. */
    public WebResult withStatus(int newStatus) {
        return new WebResult(kind, newStatus, target, model, body);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** The template of a page, the path of a redirect or the name of a file. */
    public String target() {
        return target;
    }

    public Map<String, Object> model() {
        return model;
    }

    public Object body() {
        return body;
    }
}
