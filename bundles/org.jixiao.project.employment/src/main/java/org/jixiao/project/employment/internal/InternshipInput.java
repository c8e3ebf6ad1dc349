package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of an internship position and of a placement. */
final class InternshipInput {

    private InternshipInput() {
    }

    /** {@code gmAssistant} is yes/no (true/false from JSON); {@code base} an internship base id, optional. */
    record Position(String county, String employer, String post, String gmAssistant, String base, String places,
            String year, String startsOn, String endsOn) {

        static Position fromForm(WebRequest r) {
            return new Position(r.param("county"), r.param("employer"), r.param("post"), r.param("gmAssistant"),
                    r.param("base"), r.param("places"), r.param("year"), r.param("startsOn"), r.param("endsOn"));
        }

        static Position fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Position(text(b.get("county")), text(b.get("employer")), text(b.get("post")),
                    text(b.get("gmAssistant")), text(b.get("base")), text(b.get("places")), text(b.get("year")),
                    text(b.get("startsOn")), text(b.get("endsOn")));
        }

        static Position of(InternshipPosition p) {
            return new Position(String.valueOf(p.countyId()), p.employer(), p.post(), p.gmAssistant() ? "yes" : "no",
                    p.baseId() == null ? null : String.valueOf(p.baseId()), String.valueOf(p.places()),
                    String.valueOf(p.year()), p.startsOn().toString(), p.endsOn().toString());
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("employer", employer);
            m.put("post", post);
            m.put("gmAssistant", gmAssistant);
            m.put("base", base);
            m.put("places", places);
            m.put("year", year);
            m.put("startsOn", startsOn);
            m.put("endsOn", endsOn);
            return m;
        }
    }

    /** {@code youth} is a youth id; it is fixed once placed, so an update ignores it. */
    record Placement(String youth, String startsOn, String endsOn, String outcome, String convertedEmployer,
            String convertedOn) {

        static Placement fromForm(WebRequest r) {
            return new Placement(r.param("youth"), r.param("startsOn"), r.param("endsOn"), r.param("outcome"),
                    r.param("convertedEmployer"), r.param("convertedOn"));
        }

        static Placement fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Placement(text(b.get("youth")), text(b.get("startsOn")), text(b.get("endsOn")),
                    text(b.get("outcome")), text(b.get("convertedEmployer")), text(b.get("convertedOn")));
        }

        static Placement of(InternshipPlacement p) {
            return new Placement(String.valueOf(p.youthId()), p.startsOn().toString(),
                    p.endsOn() == null ? null : p.endsOn().toString(), p.outcome().name(), p.convertedEmployer(),
                    p.convertedOn() == null ? null : p.convertedOn().toString());
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("youth", youth);
            m.put("startsOn", startsOn);
            m.put("endsOn", endsOn);
            m.put("outcome", outcome);
            m.put("convertedEmployer", convertedEmployer);
            m.put("convertedOn", convertedOn);
            return m;
        }
    }
}
