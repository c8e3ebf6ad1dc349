package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a micro-loans' monthly report. */
final class LoanInput {

    private LoanInput() {
    }

    /** {@code month} as yyyy-MM. */
    record Report(String county, String month, String note) {

        static Report fromForm(WebRequest r) {
            return new Report(r.param("county"), r.param("month"), r.param("note"));
        }

        static Report fromJson(Map<?, ?> b) {
            return new Report(text(b.get("county")), text(b.get("month")), text(b.get("note")));
        }
    }
}
