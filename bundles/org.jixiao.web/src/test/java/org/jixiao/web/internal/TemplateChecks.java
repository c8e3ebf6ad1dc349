package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.PerformanceYear;
import org.junit.jupiter.params.provider.Arguments;

/** Renders templates as the servlets do and checks what every page must hold, for the template tests. */
final class TemplateChecks {

    static final String EVIL = "<script>alert('x')</script>";
    /** A CSRF token with characters that must be escaped where it is written. */
    static final String TOKEN = "tok\"en<>";
    static final OrgUnit CITY = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    /** The county whose pages are rendered: its name is hostile text. */
    static final OrgUnit COUNTY = new OrgUnit(4, 1L, "c1", EVIL, OrgLevel.COUNTY, "/1/4/");
    static final List<Locale> LOCALES = List.of(Messages.ZH_CN, Locale.ENGLISH);

    private static final Templates TEMPLATES = new Templates();

    private TemplateChecks() {
    }

    /** What PageServlet.Call.model() puts in every model, with {@link #TOKEN} as the CSRF token. */
    static Map<String, Object> model(Actor actor, String path) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("actor", actor);
        model.put("csrfToken", TOKEN);
        model.put("path", path);
        model.put("errors", new java.util.HashMap<String, String>());
        model.put("isAdmin", actor != null && actor.has(Role.ADMIN));
        model.put("base", "");
        return model;
    }

    /** The model of a page of {@link #COUNTY} in a year, as the page handlers begin it. */
    static Map<String, Object> unitModel(Actor actor, String path, PerformanceYear py) {
        Map<String, Object> model = model(actor, path);
        model.put("py", py);
        model.put("unit", COUNTY);
        return model;
    }

    /**
     * The two sides a unit's page is checked from: the city's administrator, offered every form, or the county's
     * viewer, offered none.
     */
    static Actor cityAdminOrCountyViewer(boolean city, Locale locale) {
        return city ? new Actor(1, "admin", Set.of(Role.ADMIN, Role.STAFF), CITY, locale)
                : new Actor(2, "viewer", Set.of(Role.VIEWER), COUNTY, locale);
    }

    /** Each language with each side of {@link #cityAdminOrCountyViewer}: the cases of a unit's page test. */
    static Stream<Arguments> localesAndSides() {
        return LOCALES.stream().flatMap(locale -> Stream.of(Arguments.of(locale, true), Arguments.of(locale, false)));
    }

    static String render(String template, Map<String, Object> model, Locale locale) throws Exception {
        model.put("lang", Http.lang(locale));
        StringWriter out = new StringWriter();
        TEMPLATES.render(null, template, model, new Messages(locale), out);
        PageLanguage.check(out.toString(), locale, model, template);
        return out.toString();
    }

    /**
     * The page rendered to its end, shows no markup from the data (and shows {@link #EVIL} escaped when
     * {@code hostileShown}), escapes the CSRF token, carries it in every POST form, and leaves no message key
     * of the given families untranslated.
     */
    static void check(String html, String what, String keyFamilies, boolean hostileShown) {
        assertTrue(html.contains("</html>"), what + " rendered to the end");
        assertFalse(html.contains("<script"), "unescaped markup in " + what + ":\n" + html);
        if (hostileShown) {
            assertTrue(html.contains("&lt;script&gt;"), "the hostile text shows, escaped, in " + what);
        }
        assertFalse(html.contains(TOKEN), "the CSRF token is escaped");
        assertFalse(html.matches("(?s).*[>\\s\"](" + keyFamilies + ")\\.[A-Za-z_.]+[<\\s\"].*"),
                "untranslated key in " + what + ":\n" + html);
        int forms = html.split("<form method=\"post\"", -1).length - 1;
        int tokens = html.split("name=\"_csrf\"", -1).length - 1;
        assertEquals(forms, tokens, "every POST form carries the CSRF token in " + what);
    }
}
