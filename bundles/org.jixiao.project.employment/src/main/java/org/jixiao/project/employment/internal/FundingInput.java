package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** A funding application as submitted, every field still the raw text; amounts in 元. */
record FundingInput(String county, String youth, String project, String programme, String amountApplied,
        String appliedOn, String result, String amountGranted, String resultOn) {

    static FundingInput fromForm(WebRequest r) {
        return new FundingInput(r.param("county"), r.param("youth"), r.param("project"), r.param("programme"),
                r.param("amountApplied"), r.param("appliedOn"), r.param("result"), r.param("amountGranted"),
                r.param("resultOn"));
    }

    static FundingInput fromJson(Map<?, ?> body) {
        Map<?, ?> b = body == null ? Map.of() : body;
        return new FundingInput(text(b.get("county")), text(b.get("youth")), text(b.get("project")),
                text(b.get("programme")), text(b.get("amountApplied")), text(b.get("appliedOn")),
                text(b.get("result")), text(b.get("amountGranted")), text(b.get("resultOn")));
    }

    Map<String, Object> toForm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("county", county);
        m.put("youth", youth);
        m.put("project", project);
        m.put("programme", programme);
        m.put("amountApplied", amountApplied);
        m.put("appliedOn", appliedOn);
        m.put("result", result);
        m.put("amountGranted", amountGranted);
        m.put("resultOn", resultOn);
        return m;
    }
}
