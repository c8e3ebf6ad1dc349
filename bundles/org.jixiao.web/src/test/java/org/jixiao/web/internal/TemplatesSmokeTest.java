package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Page;
import org.jixiao.api.Role;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.security.ApiToken;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every core template in both languages with a model like the servlets build, each carrying a
 * {@code <script>} where user-controlled text goes: nothing may fail and nothing may come out unescaped.
 */
class TemplatesSmokeTest {

    static final String EVIL = "<script>alert('x')</script>";
    static final String EVIL_ESCAPED = "&lt;script&gt;";

    private static final Templates TEMPLATES = new Templates();

    private static final OrgUnit CITY = TemplateChecks.CITY;
    private static final OrgUnit COUNTY = new OrgUnit(4, 1L, "county-a", EVIL, OrgLevel.COUNTY, "/1/4/");
    private static final Actor ADMIN = new Actor(1, "admin", Set.of(Role.ADMIN, Role.STAFF), CITY, Locale.ROOT);

    private static User user(long id, String name) {
        return new User(id, name, EVIL, EnumSet.of(Role.STAFF, Role.VIEWER), COUNTY.id(), COUNTY.name(), true, false,
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
    }

    static List<Arguments> pages() {
        Map<String, Function<Map<String, Object>, Map<String, Object>>> fill = new LinkedHashMap<>();
        fill.put("login", m -> {
            m.put("actor", null);
            m.put("isAdmin", false);
            m.put("username", EVIL);
            m.put("loginError", "login.invalid");
            return m;
        });
        fill.put("error", m -> {
            m.put("status", 404);
            m.put("message", "error.notFound");
            return m;
        });
        fill.put("home", m -> {
            IndicatorDefinition d = new IndicatorDefinition("youth.jobseekers", "x", "y", Comparison.AT_LEAST,
                    BigDecimal.valueOf(200), EVIL);
            m.put("year", 2025);
            m.put("indicators", List.of(new ProjectIndicators("employment", EVIL, List.of(
                    new IndicatorStatus(d, EVIL, "人", BigDecimal.valueOf(150), BigDecimal.valueOf(200)),
                    new IndicatorStatus(d, "unknown", "人", null, BigDecimal.valueOf(200)),
                    new IndicatorStatus(d, "growth", "人", BigDecimal.TEN, null)))));
            m.put("projects", List.of(new ProjectStatus("employment", EVIL, "1.0.0", ProjectState.ACTIVE, null),
                    new ProjectStatus("broken", "Broken", "0.1.0", ProjectState.FAILED, EVIL)));
            m.put("changed", true);
            return m;
        });
        fill.put("password", m -> {
            m.put("mustChange", true);
            m.put("errors", Map.of("currentPassword", "password.wrong", "newPassword", "password.tooShort"));
            return m;
        });
        fill.put("tokens", m -> {
            m.put("newToken", "jx_" + EVIL);
            m.put("tokens", List.of(new ApiToken(3, EVIL, "jx_abcde", Instant.parse("2024-01-01T00:00:00Z"), null),
                    new ApiToken(4, "ci", "jx_fghij", Instant.parse("2024-01-01T00:00:00Z"),
                            Instant.parse("2024-02-01T00:00:00Z"))));
            m.put("errors", Map.of("name", "token.name.tooLong"));
            return m;
        });
        fill.put("units", m -> {
            m.put("units", List.of(CITY, COUNTY));
            m.put("depth", Map.of("1", 0, "4", 1));
            m.put("levels", OrgLevel.values());
            m.put("form", new OrgUnitDraft(4L, EVIL, EVIL, OrgLevel.ZONE));
            m.put("errors", Map.of("code", "orgUnit.code.format"));
            m.put("saved", true);
            return m;
        });
        fill.put("unit-edit", m -> {
            m.put("unit", COUNTY);
            m.put("levels", OrgLevel.values());
            m.put("form", new OrgUnitDraft(1L, "county-a", EVIL, OrgLevel.COUNTY));
            m.put("errors", Map.of("name", "orgUnit.name.tooLong"));
            return m;
        });
        fill.put("users", m -> {
            m.put("q", EVIL);
            m.put("page", new Page<>(List.of(user(5, "alice"), user(6, "bob")), 2, 2, 7));
            return m;
        });
        fill.put("user-edit", m -> {
            m.put("form", new UserDraft(EVIL, EVIL, EnumSet.allOf(Role.class), 4L, true, null));
            m.put("user", user(5, "alice"));
            m.put("roles", Role.values());
            m.put("units", List.of(CITY, COUNTY));
            m.put("newPassword", "Ab3" + EVIL);
            m.put("saved", true);
            m.put("created", true);
            m.put("errors", Map.of("roles", "user.roles.required"));
            return m;
        });
        fill.put("user-edit (new)", m -> {
            m.put("form", new UserDraft("", "", EnumSet.of(Role.STAFF), 1L, true, ""));
            m.put("user", null);
            m.put("roles", Role.values());
            m.put("units", List.of(CITY, COUNTY));
            m.put("errors", Map.of("password", "password.tooSimple", "username", "user.username.taken"));
            return m;
        });
        List<Arguments> out = new java.util.ArrayList<>();
        for (Locale locale : List.of(Messages.ZH_CN, Locale.ENGLISH)) {
            fill.forEach((name, f) -> out.add(Arguments.of(name, locale, f)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pages")
    void rendersAndEscapes(String name, Locale locale, Function<Map<String, Object>, Map<String, Object>> fill)
            throws Exception {
        Map<String, Object> model = fill.apply(TemplateChecks.model(ADMIN, "/x?back=" + EVIL));
        model.put("lang", Http.lang(locale));
        StringWriter out = new StringWriter();
        String template = name.replace(" (new)", "");
        TEMPLATES.render(null, template, model, new Messages(locale), out);
        String html = out.toString();
        PageLanguage.check(html, locale, model, name);

        assertTrue(html.startsWith("<!DOCTYPE html>") || html.contains("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"" + Http.lang(locale) + "\">"), "lang attribute");
        assertTrue(html.contains("</html>"), "rendered to the end");
        assertFalse(html.contains("<script"), "unescaped markup in " + name + ":\n" + html);
        assertFalse(html.contains("tok\"en<>"), "the CSRF token is escaped in its attribute");
        if (!template.equals("error") && !template.equals("password")) {
            assertTrue(html.contains(EVIL_ESCAPED), "the hostile value shows, escaped, in " + name);
        }
        // Every msg(...) found its text: no raw key of the page's own namespace is left on the page.
        for (String prefix : List.of("login.", "error.", "home.", "password.", "tokens.", "unit.", "units.",
                "user.", "users.", "role.", "level.", "nav.", "pager.", "common.", "project.state.")) {
            assertFalse(html.matches("(?s).*[>\\s]" + java.util.regex.Pattern.quote(prefix) + "[A-Za-z_.]+[<\\s].*"),
                    "untranslated key with prefix " + prefix + " in " + name + " (" + locale + ")");
        }
    }
}
