package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a YBC service station and of a demonstration project. */
final class YbcInput {

    private YbcInput() {
    }

    record Station(String name, String county, String setUpOn, String address, String head, String contact) {

        static Station fromForm(WebRequest r) {
            return new Station(r.param("name"), r.param("county"), r.param("setUpOn"), r.param("address"),
                    r.param("head"), r.param("contact"));
        }

        static Station fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Station(text(b.get("name")), text(b.get("county")), text(b.get("setUpOn")),
                    text(b.get("address")), text(b.get("head")), text(b.get("contact")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("county", county);
            m.put("setUpOn", setUpOn);
            m.put("address", address);
            m.put("head", head);
            m.put("contact", contact);
            return m;
        }
    }

    /** {@code project} is the id of an entrepreneurship project of the project database. */
    record Project(String project, String county, String year, String recognisedOn, String support) {

        static Project fromForm(WebRequest r) {
            return new Project(r.param("project"), r.param("county"), r.param("year"), r.param("recognisedOn"),
                    r.param("support"));
        }

        static Project fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Project(text(b.get("project")), text(b.get("county")), text(b.get("year")),
                    text(b.get("recognisedOn")), text(b.get("support")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", project);
            m.put("county", county);
            m.put("year", year);
            m.put("recognisedOn", recognisedOn);
            m.put("support", support);
            return m;
        }
    }
}
