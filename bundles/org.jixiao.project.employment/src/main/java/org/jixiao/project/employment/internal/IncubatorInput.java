package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of an incubation base, of a project moving in and of a project moving out. */
final class IncubatorInput {

    private IncubatorInput() {
    }

    /** {@code area} in square metres. */
    record Base(String name, String address, String operator, String county, String openedOn, String area,
            String closedOn) {

        static Base fromForm(WebRequest r) {
            return new Base(r.param("name"), r.param("address"), r.param("operator"), r.param("county"),
                    r.param("openedOn"), r.param("area"), r.param("closedOn"));
        }

        static Base fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Base(text(b.get("name")), text(b.get("address")), text(b.get("operator")),
                    text(b.get("county")), text(b.get("openedOn")), text(b.get("area")), text(b.get("closedOn")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("address", address);
            m.put("operator", operator);
            m.put("county", county);
            m.put("openedOn", openedOn);
            m.put("area", area);
            m.put("closedOn", closedOn);
            return m;
        }
    }

    /** {@code project} is the id of an entrepreneurship project of the project database. */
    record Resident(String project, String movedInOn, String movedOutOn) {

        static Resident fromForm(WebRequest r) {
            return new Resident(r.param("project"), r.param("movedInOn"), r.param("movedOutOn"));
        }

        static Resident fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Resident(text(b.get("project")), text(b.get("movedInOn")), text(b.get("movedOutOn")));
        }
    }
}
