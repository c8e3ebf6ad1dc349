package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a training plan, a session and an attendee. */
final class TrainingInput {

    private TrainingInput() {
    }

    record Plan(String county, String year, String plannedSessions, String plannedTrainees, String content,
            String plannedOn) {

        static Plan fromForm(WebRequest r) {
            return new Plan(r.param("county"), r.param("year"), r.param("plannedSessions"),
                    r.param("plannedTrainees"), r.param("content"), r.param("plannedOn"));
        }

        static Plan fromJson(Map<?, ?> b) {
            return new Plan(text(b.get("county")), text(b.get("year")), text(b.get("plannedSessions")),
                    text(b.get("plannedTrainees")), text(b.get("content")), text(b.get("plannedOn")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("year", year);
            m.put("plannedSessions", plannedSessions);
            m.put("plannedTrainees", plannedTrainees);
            m.put("content", content);
            m.put("plannedOn", plannedOn);
            return m;
        }
    }

    record Session(String county, String year, String heldOn, String topic, String category, String partner,
            String place, String satisfaction, String feedback) {

        static Session fromForm(WebRequest r) {
            return new Session(r.param("county"), r.param("year"), r.param("heldOn"), r.param("topic"),
                    r.param("category"), r.param("partner"), r.param("place"), r.param("satisfaction"),
                    r.param("feedback"));
        }

        static Session fromJson(Map<?, ?> b) {
            return new Session(text(b.get("county")), text(b.get("year")), text(b.get("heldOn")),
                    text(b.get("topic")), text(b.get("category")), text(b.get("partner")), text(b.get("place")),
                    text(b.get("satisfaction")), text(b.get("feedback")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("year", year);
            m.put("heldOn", heldOn);
            m.put("topic", topic);
            m.put("category", category);
            m.put("partner", partner);
            m.put("place", place);
            m.put("satisfaction", satisfaction);
            m.put("feedback", feedback);
            return m;
        }
    }

    /** An attendee to add ({@code youth} is a youth id) or the follow-up note of one already added. */
    record Attendee(String youth, String followUp) {

        static Attendee fromForm(WebRequest r) {
            return new Attendee(r.param("youth"), r.param("followUp"));
        }

        static Attendee fromJson(Map<?, ?> b) {
            return new Attendee(text(b.get("youth")), text(b.get("followUp")));
        }
    }
}
