package org.jixiao.project.prevention.internal.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * {@code survey?year=}: the yearly survey update. A county's office sees its youth as they are against last year's
 * confirmation (new, left, changed, by name, audited) and confirms the year ({@code POST survey/confirm}, once);
 * the city's office sees which counties confirmed, when and with how many youth, and no name.
 */
public final class SurveyPages implements WebHandler {

    /** The policy's day: the database is updated before March every year. */
    static final int DUE_MONTH = 3;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final RegisterService engine;
    private final KeyProject project;
    private final AuditLog audit;
    private final Clock clock;

    /** @param project the project whose youth the engine names (their names are encrypted) */
    public SurveyPages(Store store, OrgUnitService orgUnits, RegisterService engine, KeyProject project,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.engine = engine;
        this.project = project;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WebResult handle(WebRequest r) {
        String path = r.path().replaceAll("^/+|/+$", "");
        if (path.equals("survey") && r.method().equals("GET")) {
            return page(r);
        }
        if (path.equals("survey/confirm") && r.method().equals("POST")) {
            return confirm(r);
        }
        return null;
    }

    private WebResult page(WebRequest r) {
        Actor actor = office(r);
        int year = year(r);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("county", keepsYouth(actor.orgUnit()));
        if (keepsYouth(actor.orgUnit())) {
            long unit = actor.orgUnit().id();
            Map<String, Object> county = store.read(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                Survey.Confirmation mine = Survey.confirmation(c, unit, year).orElse(null);
                Survey.Confirmation last = Survey.confirmation(c, unit, year - 1).orElse(null);
                m.put("confirmed", mine == null ? "" : LocalDate.ofInstant(mine.at(), clock.getZone()).toString());
                m.put("lastYear", last == null ? "" : String.valueOf(last.youth()));
                Survey.Changes changes = last == null ? new Survey.Changes(List.of(), List.of(), List.of())
                        : Survey.since(c, last.id(), unit, LocalDate.now(clock));
                m.put("changes", changes);
                return m;
            });
            Survey.Changes changes = (Survey.Changes) county.remove("changes");
            List<Long> shown = new ArrayList<>(changes.added());
            shown.addAll(changes.left());
            shown.addAll(changes.changed());
            // Decrypted by the engine for the office, which reaches them: a youth deleted since is left unnamed.
            Map<Long, String> names = shown.isEmpty() ? Map.of()
                    : engine.titles(actor, project, YouthRegister.YOUTH, shown);
            county.put("added", Survey.named(changes.added(), names));
            county.put("left", Survey.named(changes.left(), names));
            county.put("changed", Survey.named(changes.changed(), names));
            if (!shown.isEmpty()) {
                audit.record(actor, "youth.survey", "youth", "year=" + year + " ids=" + String.join(",",
                        shown.stream().limit(50).map(String::valueOf).toList()));
            }
            model.putAll(county);
            model.put("rows", List.of());
        } else {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OrgUnit u : orgUnits.visibleTo(actor)) {
                if (!keepsYouth(u)) {
                    continue;
                }
                Survey.Confirmation done = store.read(c -> Survey.confirmation(c, u.id(), year)).orElse(null);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("county", u.name());
                row.put("confirmed", done == null ? "" : LocalDate.ofInstant(done.at(), clock.getZone()).toString());
                row.put("onTime", done != null && LocalDate.ofInstant(done.at(), clock.getZone())
                        .isBefore(LocalDate.of(year, DUE_MONTH, 1)));
                row.put("youth", done == null ? 0 : done.youth());
                rows.add(row);
            }
            model.put("rows", rows);
        }
        return r.api() ? WebResult.json(model) : WebResult.page("survey", model);
    }

    /**
     * A county or a zone keeps a key-youth database; a city-level member unit (市直单位), evaluated as a member unit,
     * keeps none and confirms no survey.
     */
    private static boolean keepsYouth(OrgUnit unit) {
        return unit.level().evaluated() && unit.level() != OrgLevel.CITY_UNIT;
    }

    private WebResult confirm(WebRequest r) {
        Actor actor = office(r);
        if (!keepsYouth(actor.orgUnit())) {
            throw new AccessDeniedException("survey: a county's office confirms its own");
        }
        int year = year(r);
        long unit = actor.orgUnit().id();
        long id = engine.nextId("PRV_SURVEY");
        int youth = store.inTransaction(c -> {
            if (Survey.confirmation(c, unit, year).isPresent()) {
                throw ValidationException.of("year", "survey.confirmedAlready");
            }
            int n = Survey.confirm(c, id, unit, year, actor.userId(), clock.instant(),
                    LocalDate.now(clock));
            audit.record(c, actor, "survey.confirm", "survey:" + id, "year=" + year + " youth=" + n);
            return n;
        });
        return r.api() ? WebResult.json(Map.of("id", id, "year", year, "youth", youth))
                : WebResult.redirect("/survey?year=" + year);
    }

    private static Actor office(WebRequest r) {
        if (r.actor() == null || !r.actor().hasRole(Roles.PREVENTION_OFFICE)) {
            throw new AccessDeniedException("survey: a prevention office");
        }
        return r.actor();
    }

    private int year(WebRequest r) {
        return year(r, LocalDate.now(clock).getYear());
    }

    /** The page's {@code year}, or {@code fallback} when none is asked; a year that is none is a field error. */
    public static int year(WebRequest r, int fallback) {
        String raw = r.param("year");
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int y = Integer.parseInt(raw.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ValidationException.of("year", "survey.year.invalid");
    }
}
