package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a mentor, a pairing and an activity. */
final class MentorInput {

    private MentorInput() {
    }

    record Mentor(String name, String field, String employer, String county, String appointedOn, String dismissedOn,
            String dismissalReason) {

        static Mentor fromForm(WebRequest r) {
            return new Mentor(r.param("name"), r.param("field"), r.param("employer"), r.param("county"),
                    r.param("appointedOn"), r.param("dismissedOn"), r.param("dismissalReason"));
        }

        static Mentor fromJson(Map<?, ?> b) {
            return new Mentor(text(b.get("name")), text(b.get("field")), text(b.get("employer")),
                    text(b.get("county")), text(b.get("appointedOn")), text(b.get("dismissedOn")),
                    text(b.get("dismissalReason")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("field", field);
            m.put("employer", employer);
            m.put("county", county);
            m.put("appointedOn", appointedOn);
            m.put("dismissedOn", dismissedOn);
            m.put("dismissalReason", dismissalReason);
            return m;
        }
    }

    record Pairing(String youth, String pairedOn) {

        static Pairing fromForm(WebRequest r) {
            return new Pairing(r.param("youth"), r.param("pairedOn"));
        }

        static Pairing fromJson(Map<?, ?> b) {
            return new Pairing(text(b.get("youth")), text(b.get("pairedOn")));
        }
    }

    record Activity(String youth, String heldOn, String content) {

        static Activity fromForm(WebRequest r) {
            return new Activity(r.param("youth"), r.param("heldOn"), r.param("content"));
        }

        static Activity fromJson(Map<?, ?> b) {
            return new Activity(text(b.get("youth")), text(b.get("heldOn")), text(b.get("content")));
        }
    }
}
