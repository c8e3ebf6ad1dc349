package org.jixiao.project.employment.internal;

import java.util.Map;

import org.jixiao.api.web.WebRequest;

/**
 * A request to confirm a county's records, as strings from a form or JSON.
 *
 * @param county the county's id; may be left out by a county user, whose own county it then is
 * @param year with {@code period}, the window the user saw when confirming; left out, the open window
 */
record RefreshInput(String county, String year, String period) {

    static RefreshInput fromForm(WebRequest r) {
        return new RefreshInput(r.param("county"), r.param("year"), r.param("period"));
    }

    static RefreshInput fromJson(Map<Object, Object> body) {
        return new RefreshInput(text(body.get("county")), text(body.get("year")), text(body.get("period")));
    }

    /** JSON numbers arrive as doubles; a whole number becomes its digits, anything else its text. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }
}
