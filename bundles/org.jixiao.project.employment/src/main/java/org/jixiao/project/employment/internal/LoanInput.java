package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.util.Collection;
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

    /**
     * A JSON value where text is expected, since JSON binders differ (Gson makes every number a double): a number
     * as its plain digits, blank as null.
     */
    private static String text(Object v) {
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
}
