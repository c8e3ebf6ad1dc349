package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of an award or contest and of an entrant. */
final class AwardInput {

    private AwardInput() {
    }

    record Award(String kind, String name, String year, String level, String county) {

        static Award fromForm(WebRequest r) {
            return new Award(r.param("kind"), r.param("name"), r.param("year"), r.param("level"), r.param("county"));
        }

        static Award fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Award(text(b.get("kind")), text(b.get("name")), text(b.get("year")), text(b.get("level")),
                    text(b.get("county")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("name", name);
            m.put("year", year);
            m.put("level", level);
            m.put("county", county);
            return m;
        }
    }

    /** {@code youth} a youth id, {@code project} a project id; at least one of them. */
    record Entrant(String youth, String project, String result, String prize) {

        static Entrant fromForm(WebRequest r) {
            return new Entrant(r.param("youth"), r.param("project"), r.param("result"), r.param("prize"));
        }

        static Entrant fromJson(Map<?, ?> body) {
            Map<?, ?> b = body == null ? Map.of() : body;
            return new Entrant(text(b.get("youth")), text(b.get("project")), text(b.get("result")),
                    text(b.get("prize")));
        }
    }
}
