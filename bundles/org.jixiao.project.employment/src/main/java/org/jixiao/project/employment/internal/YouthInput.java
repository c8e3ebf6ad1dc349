package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/**
 * A youth record as submitted, every field still the raw text: validation reports what is wrong with it,
 * and a form shown again after an error repeats exactly what the user typed.
 */
record YouthInput(String name, String gender, String birthDate, String idNumber, String county, String education,
        String type, String needs, List<String> needCategories, String registeredOn, String phone) {

    static final List<String> FIELDS = List.of("name", "gender", "birthDate", "idNumber", "county", "education", "type",
            "needs", "needCategories", "registeredOn", "phone");

    YouthInput {
        needCategories = needCategories == null ? List.of() : List.copyOf(needCategories);
    }

    static YouthInput fromForm(WebRequest request) {
        List<String> needs = new ArrayList<>();
        List<String> raw = request.params("needCategories");
        if (raw != null) {
            for (String v : raw) {
                if (v != null && !v.isBlank()) {
                    needs.add(v.strip());
                }
            }
        }
        return new YouthInput(request.param("name"), request.param("gender"), request.param("birthDate"),
                request.param("idNumber"), request.param("county"), request.param("education"), request.param("type"),
                request.param("needs"), needs, request.param("registeredOn"), request.param("phone"));
    }

    /**
     * Reads a JSON object bound to a map. Numbers, booleans and lists are accepted wherever text is expected,
     * since JSON binders differ (Gson makes every number a double).
     */
    static YouthInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new YouthInput(text(b.get("name")), text(b.get("gender")), text(b.get("birthDate")),
                text(b.get("idNumber")), text(b.get("county")), text(b.get("education")), text(b.get("type")),
                text(b.get("needs")), list(b.get("needCategories")), text(b.get("registeredOn")), text(b.get("phone")));
    }

    /** The values for a form: strings and a list, which any template engine shows without conversion. */
    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("gender", gender);
        m.put("birthDate", birthDate);
        m.put("idNumber", idNumber);
        m.put("county", county);
        m.put("education", education);
        m.put("type", type);
        m.put("needs", needs);
        m.put("needCategories", needCategories);
        m.put("registeredOn", registeredOn);
        m.put("phone", phone);
        return m;
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof Number n) {
            s = plainNumber(n);
        } else if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
            // A structure where text belongs is as wrong as a word where a date belongs: let validation say so.
            s = "?";
        } else {
            s = v.toString();
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static String plainNumber(Number n) {
        try {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                String s = o instanceof Collection<?> || o instanceof Map<?, ?> ? "?" : text(o);
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (v != null) {
            String s = text(v);
            if (s != null) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }
}
