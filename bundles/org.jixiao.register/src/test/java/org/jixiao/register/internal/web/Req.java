package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebRequest;

/**
 * A request as the web layer hands it over: trimmed parameters, a JSON body already bound, uploads, and messages
 * from the project's bundle then the web layer's, which fail on a missing key so a test sees every gap.
 */
final class Req implements WebRequest {

    private final String method;
    private final String path;
    private final boolean api;
    private final Actor actor;
    private final Locale locale;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new HashMap<>();
    private Object body;

    private Req(String method, String path, boolean api, Actor actor, Locale locale) {
        this.method = method;
        this.path = path;
        this.api = api;
        this.actor = actor;
        this.locale = locale;
    }

    static Req html(String method, String path, Actor actor) {
        return new Req(method, path, false, actor, Locale.SIMPLIFIED_CHINESE);
    }

    static Req html(String method, String path, Actor actor, Locale locale) {
        return new Req(method, path, false, actor, locale);
    }

    static Req api(String method, String path, Actor actor) {
        return new Req(method, path, true, actor, Locale.SIMPLIFIED_CHINESE);
    }

    Req param(String name, String value) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    Req body(Object value) {
        this.body = value;
        return this;
    }

    Req upload(String name, Upload upload) {
        uploads.put(name, upload);
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
        return params.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    @Override
    public <T> Optional<T> body(Class<T> type) {
        return type.isInstance(body) ? Optional.of(type.cast(body)) : Optional.empty();
    }

    @Override
    public Optional<Upload> upload(String name) {
        return Optional.ofNullable(uploads.get(name));
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public String message(String key, Object... args) {
        return Render.message(locale, key, args);
    }
}
