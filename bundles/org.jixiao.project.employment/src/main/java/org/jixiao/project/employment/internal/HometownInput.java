package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a hometown student, an event and a participant. */
final class HometownInput {

    private HometownInput() {
    }

    /** {@code youth} is an optional youth id. */
    record Student(String name, String university, String major, String phone, String county, String youth) {

        static Student fromForm(WebRequest r) {
            return new Student(r.param("name"), r.param("university"), r.param("major"), r.param("phone"),
                    r.param("county"), r.param("youth"));
        }

        static Student fromJson(Map<?, ?> b) {
            return new Student(text(b.get("name")), text(b.get("university")), text(b.get("major")),
                    text(b.get("phone")), text(b.get("county")), text(b.get("youth")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("university", university);
            m.put("major", major);
            m.put("phone", phone);
            m.put("county", county);
            m.put("youth", youth);
            return m;
        }
    }

    record Event(String county, String year, String heldOn, String title, String place, String organiser,
            String notes) {

        static Event fromForm(WebRequest r) {
            return new Event(r.param("county"), r.param("year"), r.param("heldOn"), r.param("title"),
                    r.param("place"), r.param("organiser"), r.param("notes"));
        }

        static Event fromJson(Map<?, ?> b) {
            return new Event(text(b.get("county")), text(b.get("year")), text(b.get("heldOn")), text(b.get("title")),
                    text(b.get("place")), text(b.get("organiser")), text(b.get("notes")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("year", year);
            m.put("heldOn", heldOn);
            m.put("title", title);
            m.put("place", place);
            m.put("organiser", organiser);
            m.put("notes", notes);
            return m;
        }
    }
}
