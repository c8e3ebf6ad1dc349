package org.jixiao.register.internal.web;

import java.util.Locale;

import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;

/**
 * The requests of the engine's web tests: in Chinese unless told otherwise, with messages from the project's bundle
 * then the web layer's, which fail on a missing key so a test sees every gap.
 */
final class Req {

    private Req() {
    }

    static FakeWebRequest html(String method, String path, Actor actor) {
        return html(method, path, actor, Locale.SIMPLIFIED_CHINESE);
    }

    static FakeWebRequest html(String method, String path, Actor actor, Locale locale) {
        return FakeWebRequest.html(method, path, actor).locale(locale).messages(Render::message);
    }

    static FakeWebRequest api(String method, String path, Actor actor) {
        return FakeWebRequest.api(method, path, actor).locale(Locale.SIMPLIFIED_CHINESE).messages(Render::message);
    }
}
