package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** An internship base as submitted, every field still the raw text. */
record InternshipBaseInput(String name, String sector, String address, String contact, String capacity,
        String county, String establishedOn, String enteredOn, String closedOn) {

    static InternshipBaseInput fromForm(WebRequest r) {
        return new InternshipBaseInput(r.param("name"), r.param("sector"), r.param("address"), r.param("contact"),
                r.param("capacity"), r.param("county"), r.param("establishedOn"), r.param("enteredOn"),
                r.param("closedOn"));
    }

    static InternshipBaseInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new InternshipBaseInput(text(b.get("name")), text(b.get("sector")), text(b.get("address")),
                text(b.get("contact")), text(b.get("capacity")), text(b.get("county")), text(b.get("establishedOn")),
                text(b.get("enteredOn")), text(b.get("closedOn")));
    }

    static InternshipBaseInput of(InternshipBase b) {
        return new InternshipBaseInput(b.name(), b.sector().name(), b.address(), b.contact(),
                String.valueOf(b.capacity()), String.valueOf(b.countyId()), b.establishedOn().toString(),
                b.enteredOn() == null ? null : b.enteredOn().toString(),
                b.closedOn() == null ? null : b.closedOn().toString());
    }

    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sector", sector);
        m.put("address", address);
        m.put("contact", contact);
        m.put("capacity", capacity);
        m.put("county", county);
        m.put("establishedOn", establishedOn);
        m.put("enteredOn", enteredOn);
        m.put("closedOn", closedOn);
        return m;
    }
}
