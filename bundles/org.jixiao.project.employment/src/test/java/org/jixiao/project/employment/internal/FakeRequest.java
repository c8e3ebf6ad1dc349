package org.jixiao.project.employment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.web.WebRequest;

/** A request as the web layer hands it over: trimmed parameters, an optional JSON body already bound. */
final class FakeRequest implements WebRequest {

    private final String method;
    private final String path;
    private final boolean api;
    private final Actor actor;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private Object body;

    private FakeRequest(String method, String path, boolean api, Actor actor) {
        this.method = method;
        this.path = path;
        this.api = api;
        this.actor = actor;
    }

    static FakeRequest html(String method, String path, Actor actor) {
        return new FakeRequest(method, path, false, actor);
    }

    static FakeRequest api(String method, String path, Actor actor) {
        return new FakeRequest(method, path, true, actor);
    }

    FakeRequest param(String name, String value) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    FakeRequest form(Map<String, ?> values) {
        values.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                l.forEach(x -> param(k, String.valueOf(x)));
            } else if (v != null) {
                param(k, String.valueOf(v));
            }
        });
        return this;
    }

    FakeRequest body(Object value) {
        this.body = value;
        return this;
    }

    @Override
    public String method() {
        return method;
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
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? null : v;
    }

    @Override
    public List<String> params(String name) {
        return List.copyOf(params.getOrDefault(name, List.of()));
    }

    @Override
    public <T> Optional<T> body(Class<T> type) {
        return type.isInstance(body) ? Optional.of(type.cast(body)) : Optional.empty();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Locale locale() {
        return actor.locale();
    }

    @Override
    public String message(String key, Object... args) {
        return key;
    }
}
