package org.jixiao.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jixiao.api.Actor;
import org.jixiao.api.web.WebRequest;

import com.google.gson.JsonElement;

/** A servlet request seen through the plugin contract. */
final class ProjectWebRequest implements WebRequest {

    private final HttpServletRequest request;
    private final String path;
    private final boolean api;
    private final Actor actor;
    private final Messages messages;
    private final JsonElement body;

    ProjectWebRequest(HttpServletRequest request, String path, boolean api, Actor actor, Messages messages,
            JsonElement body) {
        this.request = request;
        this.path = path.isEmpty() ? "/" : path;
        this.api = api;
        this.actor = actor;
        this.messages = messages;
        this.body = body;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean api() {
        return api;
    }

    @Override
    public String param(String name) {
        return Http.trimmed(request.getParameter(name));
    }

    @Override
    public List<String> params(String name) {
        String[] values = request.getParameterValues(name);
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String t = Http.trimmed(v);
                if (t != null) {
                    result.add(t);
                }
            }
        }
        return result;
    }

    @Override
    public <T> Optional<T> body(Class<T> type) {
        if (body == null || body.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Json.GSON.fromJson(body, type));
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Locale locale() {
        return messages.locale();
    }

    @Override
    public String message(String key, Object... args) {
        return messages.get(key, args);
    }
}
