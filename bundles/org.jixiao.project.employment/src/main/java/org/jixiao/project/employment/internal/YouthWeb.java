package org.jixiao.project.employment.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The pages under {@code /p/employment} and the JSON endpoints under {@code /api/v1/p/employment}.
 *
 * <p>Models hold only strings, numbers, lists and maps, so templates never depend on how the web layer's
 * FreeMarker wraps records or {@code java.time} values. Lists show the masked ID number; only the single
 * record views decrypt it, and the cipher audits each such read.
 */
final class YouthWeb implements WebHandler {

    static final String STATS_TEMPLATE = "youth-stats";
    /** The second path segment of the per-county statistics, page and JSON; no record id looks like it. */
    static final String STATS = "stats";

    // Ids are positive; a path segment that is anything else names no record.
    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");

    private final YouthService service;
    /** The other work items' registers, by the first segment of their paths. */
    private final Map<String, Register.Pages> registers;

    YouthWeb(YouthService service, List<Register> registers) {
        this.service = service;
        Map<String, Register.Pages> byPath = new HashMap<>();
        for (Register register : registers) {
            if (register.path() != null && register.pages() != null) {
                byPath.put(register.path(), register.pages());
            }
        }
        this.registers = Map.copyOf(byPath);
    }

    @Override
    public WebResult handle(WebRequest request) {
        String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
        List<String> path = segments(request.path());
        Register.Pages register = path.isEmpty() ? null : registers.get(path.get(0));
        if (register != null) {
            return request.api() ? register.api(request, method, path) : register.html(request, method, path);
        }
        return request.api() ? api(request, method, path) : html(request, method, path);
    }


    // ---------------------------------------------------------------- the youth database's statistics

    /** The records are the register engine's; what stays here is the statistics, as a page and as JSON. */
    private WebResult html(WebRequest r, String method, List<String> path) {
        if (path.size() == 2 && path.get(0).equals("youth") && path.get(1).equals(STATS) && method.equals("GET")) {
            return countyStatsPage(r);
        }
        throw notFound(r);
    }

    private WebResult api(WebRequest r, String method, List<String> path) {
        if (path.size() == 1 && path.get(0).equals("stats") && method.equals("GET")) {
            return WebResult.json(statsModel(service.stats(r.actor(), filter(r).countyId())));
        }
        if (path.size() == 2 && path.get(0).equals("youth") && path.get(1).equals(STATS) && method.equals("GET")) {
            return WebResult.json(countyStatsModel(service.countyStats(r.actor(), filter(r).countyId())));
        }
        throw notFound(r);
    }



    private WebResult countyStatsPage(WebRequest r) {
        Actor actor = r.actor();
        Long county = filter(r).countyId();
        Map<String, Object> model = countyStatsModel(service.countyStats(actor, county));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("today", service.today().toString());
        options(model);
        return WebResult.page(STATS_TEMPLATE, model);
    }

    private static void options(Map<String, Object> model) {
        model.put("types", names(YouthType.values()));
        model.put("educations", names(Education.values()));
        model.put("needOptions", names(NeedCategory.values()));
        model.put("ageBands", YouthStats.AGE_BANDS);
    }

    /** The per-county table for a page and for JSON: enum keys as names, the total row apart. */
    static Map<String, Object> countyStatsModel(YouthCountyStats stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", stats.rows().stream().map(YouthWeb::countyRow).toList());
        Map<String, Object> total = countyRow(stats.total());
        total.remove("county");
        total.remove("countyName");
        m.put("total", total);
        return m;
    }

    private static Map<String, Object> countyRow(YouthCountyStats.Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("county", row.countyId());
        m.put("countyName", row.countyName());
        m.put("total", row.total());
        m.put("byType", enumKeys(row.byType()));
        m.put("byEducation", enumKeys(row.byEducation()));
        m.put("byAgeBand", new LinkedHashMap<>(row.byAgeBand()));
        m.put("byNeed", enumKeys(row.byNeed()));
        return m;
    }








    // ---------------------------------------------------------------- JSON



    /**
     * The JSON object of the request. A body that is no object (an array, a string) binds to nothing, and the
     * required-field errors then say what is missing instead of a 500.
     */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> body(WebRequest r) {
        try {
            Optional<Map<Object, Object>> body = (Optional<Map<Object, Object>>) (Optional<?>) r.body(Map.class);
            return body.orElse(Map.of());
        } catch (RuntimeException e) {
            return Map.of();
        }
    }


    // ---------------------------------------------------------------- shared


    /** Enum keys become names so a template can build message keys from them. */
    private static Map<String, Object> statsModel(YouthStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", s.total());
        m.put("byType", enumKeys(s.byType()));
        m.put("byEducation", enumKeys(s.byEducation()));
        m.put("byAgeBand", new LinkedHashMap<>(s.byAgeBand()));
        m.put("byNeed", enumKeys(s.byNeed()));
        List<Map<String, Object>> counties = new ArrayList<>();
        for (YouthStats.CountyCount c : s.byCounty()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", c.countyId());
            row.put("countyName", c.countyName());
            row.put("JOB_SEEKING", c.jobSeeking());
            row.put("ENTREPRENEUR", c.entrepreneurs());
            counties.add(row);
        }
        m.put("byCounty", counties);
        return m;
    }

    private static <E extends Enum<E>> Map<String, Long> enumKeys(Map<E, Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.put(e.getKey().name(), e.getValue()));
        return m;
    }

    private static YouthFilter filter(WebRequest r) {
        Long county = null;
        String raw = r.param("county");
        if (raw != null && ID.matcher(raw).matches()) {
            county = Long.parseLong(raw);
        }
        return new YouthFilter(r.param("q"), Enums.parse(YouthType.class, r.param("type")).orElse(null), county,
                Enums.parse(Education.class, r.param("education")).orElse(null));
    }

    static int pageNumber(WebRequest r) {
        String raw = r.param("page");
        if (raw == null || !raw.matches("\\d{1,9}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(raw));
    }

    static List<Map<String, Object>> countyOptions(List<OrgUnit> counties) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrgUnit u : counties) {
            out.add(Map.of("id", String.valueOf(u.id()), "name", u.name()));
        }
        return out;
    }

    static Map<Long, String> countyNames(List<OrgUnit> counties) {
        Map<Long, String> m = new HashMap<>();
        for (OrgUnit u : counties) {
            m.put(u.id(), u.name());
        }
        return m;
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static long id(WebRequest r, String segment) {
        if (!ID.matcher(segment).matches()) {
            throw notFound(r);
        }
        return Long.parseLong(segment);
    }

    static NotFoundException notFound(WebRequest r) {
        return new NotFoundException(r.method() + " " + r.path());
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
