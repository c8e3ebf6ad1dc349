package org.jixiao.api.testing;

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
 * A request as the web layer hands it to a project: parameters trimmed and blank ones absent, a JSON body already
 * bound, uploads, the caller's locale unless another is given, and messages as the test supplies them (by default
 * the key itself).
 */
public final class FakeWebRequest implements WebRequest {

    /** What {@link WebRequest#message} answers: for example the project's bundle, failing on a missing key. */
    @FunctionalInterface
    public interface Messages {
        String get(Locale locale, String key, Object... args);
    }

    private final String method;
    private final String path;
    private final boolean api;
    private final Actor actor;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new HashMap<>();
    private Locale locale;
    private Messages messages = (locale, key, args) -> key;
    private Object body;

    private FakeWebRequest(String method, String path, boolean api, Actor actor) {
        this.method = method;
        this.path = path;
        this.api = api;
        this.actor = actor;
    }

    /** A request of a page. */
    public static FakeWebRequest html(String method, String path, Actor actor) {
        return new FakeWebRequest(method, path, false, actor);
    }

    /** A call of {@code /api/v1/…}. */
    public static FakeWebRequest api(String method, String path, Actor actor) {
        return new FakeWebRequest(method, path, true, actor);
    }

    /** Sent as this value, untrimmed; a second call with the same name adds a value. */
    public FakeWebRequest param(String name, String value) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public FakeWebRequest body(Object value) {
        this.body = value;
        return this;
    }

    public FakeWebRequest upload(String name, Upload upload) {
        uploads.put(name, upload);
        return this;
    }

    /** The language of the request; otherwise the actor's. */
    public FakeWebRequest locale(Locale value) {
        this.locale = value;
        return this;
    }

    public FakeWebRequest messages(Messages value) {
        this.messages = value;
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
        return locale != null ? locale : actor.locale();
    }

    @Override
    public String message(String key, Object... args) {
        return messages.get(locale(), key, args);
    }
}
