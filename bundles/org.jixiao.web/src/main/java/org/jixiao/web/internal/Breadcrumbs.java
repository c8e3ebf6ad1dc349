package org.jixiao.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The pages above the one shown, each a link, home first; the page itself is its title. Read from the path alone:
 * a segment this does not know gives no crumb rather than a link that leads nowhere, and a unit is named only when
 * the caller sees it.
 */
final class Breadcrumbs {

    /** A year's sections that have a page of their own, and the message naming each. */
    private static final Map<String, String> YEAR_SECTIONS = Map.of("problems", "problems.all", "self-assessment",
            "selfAssessment.heading", "manual", "manual.heading", "campaigns", "campaigns.open.link", "evaluation",
            "evaluation.heading");
    /** A year's sections whose pages are a unit's: the section has no page, the unit's has. */
    private static final Set<String> UNIT_SECTIONS = Set.of("targets", "milestones", "tracking", "manual",
            "self-assessment");
    private static final Map<String, String> TOP = Map.of("perf", "nav.perf", "dashboard", "nav.dashboard",
            "questionnaires", "questionnaires.title");

    private Breadcrumbs() {
    }

    /**
     * @param unitName the name of a unit the caller sees, or null
     * @param projectName the name of an active key project, or null
     */
    static List<Map<String, String>> of(String[] segments, Messages messages, LongFunction<String> unitName,
            Function<String, String> projectName) {
        List<Map<String, String>> crumbs = new ArrayList<>();
        if (segments.length < 2) {
            return crumbs;
        }
        crumbs.add(crumb("/home", messages.get("nav.home")));
        StringBuilder href = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            String s = segments[i];
            href.append('/').append(s);
            String label = label(segments, i, messages, unitName, projectName);
            if (label != null) {
                crumbs.add(crumb(href.toString(), label));
            }
        }
        return crumbs;
    }

    private static String label(String[] segments, int i, Messages messages, LongFunction<String> unitName,
            Function<String, String> projectName) {
        String s = segments[i];
        if (i == 0) {
            return TOP.containsKey(s) ? messages.get(TOP.get(s)) : null;
        }
        String first = segments[0];
        String previous = segments[i - 1];
        Long id = Http.parseId(s);
        if ("admin".equals(first) && i == 1) {
            return switch (s) {
                case "units" -> messages.get("nav.units");
                case "users" -> messages.get("nav.users");
                default -> null;
            };
        }
        if ("p".equals(first) && i == 1) {
            return projectName.apply(s);
        }
        if (!"perf".equals(first)) {
            return null;
        }
        if (i == 1) {
            return id == null ? null : messages.get("nav.year", s);
        }
        if (i == 2) {
            return YEAR_SECTIONS.containsKey(s) ? messages.get(YEAR_SECTIONS.get(s)) : null;
        }
        if (id == null) {
            return null;
        }
        if (i == 3 && UNIT_SECTIONS.contains(previous)) {
            String name = unitName.apply(id);
            return name == null ? null : messages.get("crumb.unit." + previous, name);
        }
        return switch (previous) {
            case "campaigns" -> messages.get("crumb.campaign", s);
            case "runs" -> messages.get("crumb.run", s);
            default -> null;
        };
    }

    private static Map<String, String> crumb(String href, String label) {
        return Map.of("href", href, "label", label);
    }
}
