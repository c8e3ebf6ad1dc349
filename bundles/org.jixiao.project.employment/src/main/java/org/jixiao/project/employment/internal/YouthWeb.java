package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
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

    static final String LIST_TEMPLATE = "youth-list";
    static final String FORM_TEMPLATE = "youth-form";
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

    // ---------------------------------------------------------------- HTML

    private WebResult html(WebRequest r, String method, List<String> path) {
        if (path.isEmpty() && method.equals("GET")) {
            return WebResult.redirect("/youth");
        }
        if (path.isEmpty() || !path.get(0).equals("youth")) {
            throw notFound(r);
        }
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return createFromForm(r);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("new") && method.equals("GET")) {
            return newForm(r);
        }
        if (path.size() == 2 && path.get(1).equals(STATS) && method.equals("GET")) {
            return countyStatsPage(r);
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return editForm(r, id);
                case "POST": return updateFromForm(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            service.delete(r.actor(), id);
            return WebResult.redirect("/youth");
        }
        throw notFound(r);
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        YouthFilter filter = filter(r);
        Page<Youth> page = service.list(actor, filter, pageNumber(r));
        List<OrgUnit> counties = service.counties(actor);
        Map<Long, String> countyNames = countyNames(counties);
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate today = service.today();
        for (Youth y : page.items()) {
            rows.add(listRow(y, countyNames, today));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("type", filter.type() == null ? "" : filter.type().name());
        model.put("education", filter.education() == null ? "" : filter.education().name());
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(counties));
        model.put("stats", statsModel(service.stats(actor, filter.countyId())));
        model.put("canWrite", actor.canWrite());
        options(model);
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
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

    private WebResult newForm(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.canWrite()) {
            throw new AccessDeniedException("youth: read-only role");
        }
        Map<String, Object> form = new YouthInput(null, null, null, null,
                actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null, null, null,
                null, List.of(), service.today().toString(), null).toForm();
        return formPage(actor, form, Map.of(), null);
    }

    private WebResult createFromForm(WebRequest r) {
        YouthInput input = YouthInput.fromForm(r);
        try {
            service.create(r.actor(), input);
            return WebResult.redirect("/youth");
        } catch (ValidationException e) {
            return formPage(r.actor(), input.toForm(), e.fieldErrors(), null).withStatus(400);
        }
    }

    private WebResult editForm(WebRequest r, long id) {
        Actor actor = r.actor();
        Youth y = service.get(actor, id);
        Map<String, Object> form = new YouthInput(y.name(), y.gender(), y.birthDate().toString(),
                service.revealIdNumber(actor, y), String.valueOf(y.countyId()), y.education().name(), y.type().name(),
                y.needs(), y.needCategories().stream().sorted().map(Enum::name).toList(), y.registeredOn().toString(),
                y.phone()).toForm();
        return formPage(actor, form, Map.of(), y);
    }

    private WebResult updateFromForm(WebRequest r, long id) {
        YouthInput input = YouthInput.fromForm(r);
        try {
            service.update(r.actor(), id, input);
            return WebResult.redirect("/youth");
        } catch (ValidationException e) {
            Map<String, Object> model = formModel(r.actor(), input.toForm(), e.fieldErrors());
            model.put("youthId", String.valueOf(id));
            return WebResult.page(FORM_TEMPLATE, model).withStatus(400);
        }
    }

    private WebResult formPage(Actor actor, Map<String, Object> form, Map<String, String> errors, Youth existing) {
        Map<String, Object> model = formModel(actor, form, errors);
        if (existing != null) {
            model.put("youthId", String.valueOf(existing.id()));
            model.put("idMask", existing.idMask());
        }
        return WebResult.page(FORM_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        options(model);
        return model;
    }

    private static void options(Map<String, Object> model) {
        model.put("genders", List.of("M", "F"));
        model.put("types", names(YouthType.values()));
        model.put("educations", names(Education.values()));
        model.put("needOptions", names(NeedCategory.values()));
        model.put("ageBands", YouthStats.AGE_BANDS);
    }

    // ---------------------------------------------------------------- JSON

    private WebResult api(WebRequest r, String method, List<String> path) {
        if (path.size() == 1 && path.get(0).equals("stats") && method.equals("GET")) {
            return WebResult.json(statsModel(service.stats(r.actor(), filter(r).countyId())));
        }
        if (path.isEmpty() || !path.get(0).equals("youth")) {
            throw notFound(r);
        }
        Actor actor = r.actor();
        if (path.size() == 2 && path.get(1).equals(STATS) && method.equals("GET")) {
            return WebResult.json(countyStatsModel(service.countyStats(actor, filter(r).countyId())));
        }
        if (path.size() == 1) {
            switch (method) {
                case "GET": return apiList(r);
                case "POST": {
                    long id = service.create(actor, YouthInput.fromJson(body(r)));
                    return WebResult.json(record(service.get(actor, id), null)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        long id = id(r, path.get(1));
        if (path.size() != 2) {
            throw notFound(r);
        }
        switch (method) {
            case "GET": {
                Youth y = service.get(actor, id);
                return WebResult.json(record(y, service.revealIdNumber(actor, y)));
            }
            case "PUT":
                service.update(actor, id, YouthInput.fromJson(body(r)));
                return WebResult.json(record(service.get(actor, id), null));
            case "DELETE":
                service.delete(actor, id);
                return WebResult.json(Map.of("deleted", true));
            default:
                throw notFound(r);
        }
    }

    private WebResult apiList(WebRequest r) {
        Page<Youth> page = service.list(r.actor(), filter(r), pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(r.actor()));
        LocalDate today = service.today();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Youth y : page.items()) {
            Map<String, Object> m = record(y, null);
            m.put("countyName", countyNames.getOrDefault(y.countyId(), ""));
            m.put("age", y.ageOn(today));
            items.add(m);
        }
        return pageJson(page, items);
    }

    /** One page of a list as JSON: its items with the page number, page size and total. */
    static WebResult pageJson(Page<?> page, List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", page.total());
        return WebResult.json(body);
    }

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

    /** One record for JSON: plain values only, dates as ISO text; the clear ID number only when given. */
    private Map<String, Object> record(Youth y, String idNumber) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", y.id());
        m.put("name", y.name());
        m.put("gender", y.gender());
        m.put("birthDate", y.birthDate().toString());
        if (idNumber != null) {
            m.put("idNumber", idNumber);
        }
        m.put("idNumberMasked", y.idMask());
        m.put("county", y.countyId());
        m.put("countyName", service.countyName(y.countyId()));
        m.put("education", y.education().name());
        m.put("type", y.type().name());
        m.put("needs", y.needs());
        m.put("needCategories", y.needCategories().stream().sorted().map(Enum::name).toList());
        m.put("registeredOn", y.registeredOn().toString());
        m.put("phone", y.phone());
        m.put("createdAt", y.createdAt().toString());
        m.put("updatedAt", y.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- shared

    private static Map<String, Object> listRow(Youth y, Map<Long, String> countyNames, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(y.id()));
        m.put("name", y.name());
        m.put("gender", y.gender());
        m.put("age", y.ageOn(today));
        m.put("idMasked", y.idMask());
        m.put("countyName", countyNames.getOrDefault(y.countyId(), ""));
        m.put("education", y.education().name());
        m.put("type", y.type().name());
        m.put("needCategories", y.needCategories().stream().sorted().map(Enum::name).toList());
        m.put("registeredOn", y.registeredOn().toString());
        m.put("phone", y.phone() == null ? "" : y.phone());
        return m;
    }

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
