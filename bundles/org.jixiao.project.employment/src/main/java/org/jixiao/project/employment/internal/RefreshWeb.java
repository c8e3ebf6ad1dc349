package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The March and September refresh: the counties' confirmations of a window under {@code /p/employment/refresh}, one
 * county's changes since its last refresh under {@code /p/employment/refresh/<county>}, and the same as JSON under
 * {@code /api/v1/p/employment/refresh}. {@link YouthWeb} routes here; models hold only plain values.
 */
final class RefreshWeb implements Register.Pages {

    static final String PATH = "refresh";
    static final String LIST_TEMPLATE = "refresh-list";
    static final String CHANGES_TEMPLATE = "refresh-changes";
    static final String CONFIRM = "confirm";
    static final String SNAPSHOTS = "snapshots";
    static final String HISTORY = "history";
    /** How many windows back the picker offers. */
    static final int WINDOWS_OFFERED = 6;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RefreshService service;
    private final ZoneId zone;

    RefreshWeb(RefreshService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (path.size() == 1 && method.equals("GET")) {
            return WebResult.page(LIST_TEMPLATE, listModel(r, Map.of()));
        }
        if (path.size() == 2 && path.get(1).equals(CONFIRM) && method.equals("POST")) {
            try {
                RefreshConfirmation made = service.confirm(r.actor(), RefreshInput.fromForm(r)).confirmation();
                return WebResult.redirect("/" + PATH + "/" + made.countyId() + "?year=" + made.window().year()
                        + "&period=" + made.window().period() + "&saved=1");
            } catch (ValidationException e) {
                return WebResult.page(LIST_TEMPLATE, listModel(r, e.fieldErrors())).withStatus(400);
            }
        }
        if (path.size() == 2 && method.equals("GET")) {
            long county = id(r, path.get(1));
            RefreshWindow w = window(r);
            Map<String, Object> model = diffModel(service.changes(r.actor(), county, w));
            model.put("countyName", countyName(r.actor(), county));
            model.put("history", service.history(r.actor(), county).stream().map(this::confirmation).toList());
            model.put("windows", windowOptions());
            model.put("selected", key(w));
            model.put("canConfirm", canConfirm(r.actor(), w));
            model.put("saved", r.param("saved") != null);
            model.put("fieldNames", RefreshDiff.FIELDS);
            model.put("errors", Map.of());
            return WebResult.page(CHANGES_TEMPLATE, model);
        }
        throw notFound(r);
    }

    private Map<String, Object> listModel(WebRequest r, Map<String, String> errors) {
        Actor actor = r.actor();
        RefreshWindow w = window(r);
        Long county = ProjectValidator.positiveId(r.param("county"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RefreshStatus s : service.overview(actor, w, county)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", String.valueOf(s.county().id()));
            row.put("countyName", s.county().name());
            row.put("confirmed", s.confirmation() != null);
            row.put("confirmation", s.confirmation() == null ? Map.of() : confirmation(s.confirmation()));
            row.put("versions", s.versions());
            row.put("previous", s.previous() == null ? Map.of() : confirmation(s.previous()));
            row.put("live", s.live());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("window", window(w));
        model.put("openWindow", service.openWindow().map(this::window).orElse(Map.of()));
        model.put("windows", windowOptions());
        model.put("selected", key(w));
        model.put("rows", rows);
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canConfirm", canConfirm(actor, w));
        model.put("errors", new LinkedHashMap<>(errors));
        return model;
    }

    /** Confirming is offered to a writer while the window shown is the open one. */
    private boolean canConfirm(Actor actor, RefreshWindow w) {
        return actor.canWrite() && service.openWindow().filter(w::equals).isPresent();
    }

    private String countyName(Actor actor, long county) {
        return service.counties(actor).stream().filter(u -> u.id() == county).map(u -> u.name()).findFirst()
                .orElse("");
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1 && method.equals("GET")) {
            RefreshWindow w = window(r);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("window", window(w));
            body.put("openWindow", service.openWindow().map(this::window).orElse(null));
            List<Map<String, Object>> counties = new ArrayList<>();
            for (RefreshStatus s : service.overview(actor, w, ProjectValidator.positiveId(r.param("county")))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("county", s.county().id());
                row.put("countyName", s.county().name());
                row.put("confirmation", s.confirmation() == null ? null : confirmation(s.confirmation()));
                row.put("versions", s.versions());
                row.put("previous", s.previous() == null ? null : confirmation(s.previous()));
                row.put("live", s.live());
                counties.add(row);
            }
            body.put("counties", counties);
            return WebResult.json(body);
        }
        if (path.size() == 2 && path.get(1).equals(CONFIRM) && method.equals("POST")) {
            RefreshService.Confirmed done = service.confirm(actor, RefreshInput.fromJson(body(r)));
            Map<String, Object> body = confirmation(done.confirmation());
            body.put("timeNodeMarked", done.timeNodeMarked());
            return WebResult.json(body).withStatus(201);
        }
        if (!method.equals("GET")) {
            throw notFound(r);
        }
        if (path.size() == 3 && path.get(1).equals(SNAPSHOTS)) {
            long id = id(r, path.get(2));
            Map<String, Object> body = confirmation(service.get(actor, id));
            Page<RefreshItem> page = service.items(actor, id, pageNumber(r));
            body.put("items", page.json(RefreshWeb::item));
            return WebResult.json(body);
        }
        if (path.size() == 2) {
            return WebResult.json(diffModel(service.changes(actor, id(r, path.get(1)), window(r))));
        }
        if (path.size() == 3 && path.get(2).equals(HISTORY)) {
            List<Map<String, Object>> items = service.history(actor, id(r, path.get(1))).stream()
                    .map(this::confirmation).toList();
            return WebResult.json(new Page<>(items, 1, Math.max(1, items.size()), items.size()).json(m -> m));
        }
        throw notFound(r);
    }

    // ---------------------------------------------------------------- models

    /**
     * The window asked for by {@code window} ({@code 2013-MARCH}, what the picker sends) or by {@code year} and
     * {@code period}; the latest one when absent, malformed or still to come.
     */
    private RefreshWindow window(WebRequest r) {
        RefreshWindow latest = service.latestWindow();
        String year = r.param("year");
        String periodName = r.param("period");
        String picked = r.param("window");
        if (picked != null && picked.matches("\\d{4}-[A-Za-z]{1,20}")) {
            year = picked.substring(0, 4);
            periodName = picked.substring(5);
        }
        Optional<RefreshPeriod> period = Enums.parse(RefreshPeriod.class, periodName);
        if (year == null || !year.matches("\\d{4}") || period.isEmpty()) {
            return latest;
        }
        RefreshWindow asked = new RefreshWindow(Integer.parseInt(year), period.get());
        return asked.compareTo(latest) > 0 ? latest : asked;
    }

    private Map<String, Object> window(RefreshWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", String.valueOf(w.year()));
        m.put("period", w.period().name());
        m.put("key", key(w));
        m.put("opens", w.opens().toString());
        m.put("closes", w.closes().toString());
        m.put("open", w.isOpenOn(service.today()));
        return m;
    }

    private List<Map<String, Object>> windowOptions() {
        return RefreshWindow.recent(service.today(), WINDOWS_OFFERED).stream().map(this::window).toList();
    }

    private static String key(RefreshWindow w) {
        return w.year() + "-" + w.period();
    }

    private Map<String, Object> confirmation(RefreshConfirmation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("county", c.countyId());
        m.put("year", String.valueOf(c.window().year()));
        m.put("period", c.window().period().name());
        m.put("version", c.version());
        m.put("confirmedAt", c.confirmedAt().toString());
        m.put("confirmedAtLocal", LocalDateTime.ofInstant(c.confirmedAt(), zone).truncatedTo(ChronoUnit.MINUTES)
                .format(MINUTES));
        m.put("confirmedOn", c.confirmedOn().toString());
        m.put("confirmedBy", c.confirmedByName());
        m.put("total", c.total());
        m.put("jobSeeking", c.jobSeeking());
        m.put("entrepreneurs", c.entrepreneurs());
        return m;
    }

    private static Map<String, Object> item(RefreshItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("youth", i.youthId());
        m.put("type", i.type().name());
        m.put("education", i.education().name());
        m.put("ageBand", i.ageBand());
        m.put("registeredOn", i.registeredOn().toString());
        m.put("needs", i.needs().stream().map(Enum::name).toList());
        return m;
    }

    private static Map<String, Object> entry(RefreshDiff.Entry e) {
        Map<String, Object> m = item(e.item());
        m.put("name", e.name());
        if (e.gone() != null) {
            m.put("gone", e.gone().name());
        }
        return m;
    }

    private static Map<String, Object> change(RefreshDiff.Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("youth", c.before().youthId());
        m.put("name", c.name());
        m.put("fields", c.fields());
        m.put("before", item(c.before()));
        m.put("after", item(c.after()));
        return m;
    }

    private Map<String, Object> diffModel(RefreshDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("county", d.countyId());
        m.put("window", window(d.window()));
        m.put("baseline", d.base() == null ? null : confirmation(d.base()));
        m.put("target", d.target() == null ? null : confirmation(d.target()));
        m.put("added", d.added());
        m.put("removed", d.removed());
        m.put("changed", d.changed());
        m.put("unchanged", d.unchanged());
        m.put("addedList", d.addedList().stream().map(RefreshWeb::entry).toList());
        m.put("removedList", d.removedList().stream().map(RefreshWeb::entry).toList());
        m.put("changedList", d.changedList().stream().map(RefreshWeb::change).toList());
        m.put("truncated", d.truncated());
        m.put("listLimit", RefreshDiff.LIST_LIMIT);
        return m;
    }
}
