package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** An employment outcome as submitted, every field still the raw text. {@code youth} is a youth id. */
record OutcomeInput(String youth, String county, String employer, String post, String year, String employedOn,
        String channel, String note) {

    static OutcomeInput fromForm(WebRequest r) {
        return new OutcomeInput(r.param("youth"), r.param("county"), r.param("employer"), r.param("post"),
                r.param("year"), r.param("employedOn"), r.param("channel"), r.param("note"));
    }

    static OutcomeInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new OutcomeInput(text(b.get("youth")), text(b.get("county")), text(b.get("employer")),
                text(b.get("post")), text(b.get("year")), text(b.get("employedOn")), text(b.get("channel")),
                text(b.get("note")));
    }

    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("youth", youth);
        m.put("county", county);
        m.put("employer", employer);
        m.put("post", post);
        m.put("year", year);
        m.put("employedOn", employedOn);
        m.put("channel", channel);
        m.put("note", note);
        return m;
    }
}
