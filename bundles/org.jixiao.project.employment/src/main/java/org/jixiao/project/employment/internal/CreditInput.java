package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** A credit demonstration household as submitted, every field still the raw text; the loan amount in 元. */
record CreditInput(String county, String headName, String village, String ratedOn, String rating, String loanAmount,
        String loanOn) {

    static CreditInput fromForm(WebRequest r) {
        return new CreditInput(r.param("county"), r.param("headName"), r.param("village"), r.param("ratedOn"),
                r.param("rating"), r.param("loanAmount"), r.param("loanOn"));
    }

    static CreditInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new CreditInput(text(b.get("county")), text(b.get("headName")), text(b.get("village")),
                text(b.get("ratedOn")), text(b.get("rating")), text(b.get("loanAmount")), text(b.get("loanOn")));
    }

    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("county", county);
        m.put("headName", headName);
        m.put("village", village);
        m.put("ratedOn", ratedOn);
        m.put("rating", rating);
        m.put("loanAmount", loanAmount);
        m.put("loanOn", loanOn);
        return m;
    }
}
