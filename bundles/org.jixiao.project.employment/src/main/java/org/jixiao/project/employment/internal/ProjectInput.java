package org.jixiao.project.employment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** An entrepreneurship project as submitted, every field still the raw text. {@code founder} is a youth id. */
record ProjectInput(String name, String founder, String sector, String stage, String support, String county,
        String registeredOn) {

    static final List<String> FIELDS = List.of("name", "founder", "sector", "stage", "support", "county",
            "registeredOn");

    static ProjectInput fromForm(WebRequest r) {
        return new ProjectInput(r.param("name"), r.param("founder"), r.param("sector"), r.param("stage"),
                r.param("support"), r.param("county"), r.param("registeredOn"));
    }

    static ProjectInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new ProjectInput(YouthInput.text(b.get("name")), YouthInput.text(b.get("founder")),
                YouthInput.text(b.get("sector")), YouthInput.text(b.get("stage")), YouthInput.text(b.get("support")),
                YouthInput.text(b.get("county")), YouthInput.text(b.get("registeredOn")));
    }

    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("founder", founder);
        m.put("sector", sector);
        m.put("stage", stage);
        m.put("support", support);
        m.put("county", county);
        m.put("registeredOn", registeredOn);
        return m;
    }
}
