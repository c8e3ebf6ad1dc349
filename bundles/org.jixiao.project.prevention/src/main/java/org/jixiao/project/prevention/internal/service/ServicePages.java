package org.jixiao.project.prevention.internal.service;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.jixiao.project.prevention.internal.statistics.AnnualReport;
import org.jixiao.project.prevention.internal.survey.SurveyPages;
import org.jixiao.project.prevention.internal.transfer.DueTransfers;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * The overdue list of the month ({@code overdue?month=yyyy-MM}, this month by default): a helper's own youth, a county
 * office's whole county, each by youth and helper; the city's office gets the counts per county and per helper and no
 * youth's name (the city sees aggregates). The pairing coverage ({@code coverage}) per county and category, with the
 * county's unpaired youth. A page that names youth is audited with the youth shown, like the register's own lists.
 */
public final class ServicePages implements WebHandler {

    /** Ids per audit line: the detail column holds 1,000 characters. */
    private static final int IDS_PER_AUDIT_LINE = 50;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final RegisterService engine;
    private final KeyProject project;
    private final AuditLog audit;
    private final Clock clock;

    /** @param engine and {@code project}: the youth's names, encrypted, are read through the engine */
    public ServicePages(Store store, OrgUnitService orgUnits, RegisterService engine, KeyProject project,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.engine = engine;
        this.project = project;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The names of the youth a page lists, decrypted by the engine for the reader, who reaches each of them (the
     * engine's list read, audited and kept in each youth's access log); a youth it does not reach stays unnamed.
     */
    private Map<Long, String> youthNames(Actor actor, List<Long> youth) {
        return youth.isEmpty() ? Map.of() : engine.titles(actor, project, YouthRegister.YOUTH,
                youth.stream().distinct().toList());
    }

    @Override
    public WebResult handle(WebRequest r) {
        String path = r.path().replaceAll("^/+|/+$", "");
        if (!r.method().equals("GET")) {
            return null;
        }
        return switch (path) {
            case "overdue" -> overdue(r);
            case "coverage" -> coverage(r);
            case "transfers-due" -> transfersDue(r);
            case "annual-report" -> annualReport(r);
            default -> null;
        };
    }

    /**
     * Pairing coverage at both levels per county and category and per city department; the county's office also gets
     * its youth still without either pairing by name (audited), the city's office the counts only. A city department
     * (a member unit at city level) gets the same for the youth of the categories it is named for, whatever county.
     */
    private WebResult coverage(WebRequest r) {
        Actor actor = r.actor();
        boolean department = !actor.hasRole(Roles.PREVENTION_OFFICE) && actor.hasRole(Roles.MEMBER_UNIT)
                && actor.orgUnit().level() == OrgLevel.CITY_UNIT;
        if (!actor.hasRole(Roles.PREVENTION_OFFICE) && !department) {
            throw new AccessDeniedException("prevention coverage: an office or a city department");
        }
        boolean city = !department && actor.orgUnit().level() == OrgLevel.CITY;
        List<OrgUnit> all = orgUnits.subtree(orgUnits.root().id());
        Map<Long, String> counties = department ? evaluated(all) : counties(actor);
        String cityUnit = department ? actor.orgUnit().code() : null;
        record Found(List<Coverage.Cell> cells, List<Coverage.Department> departments,
                List<Coverage.Unpaired> unpaired) {
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Found found = store.read(c -> new Found(Coverage.cells(c, counties.keySet(), cityUnit, today),
                Coverage.departments(c, counties.keySet(), cityUnit, today),
                city ? List.of() : Coverage.unpaired(c, counties.keySet(), cityUnit, today)));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Coverage.Cell x : found.cells()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", counties.getOrDefault(x.unitId(), ""));
            row.put("category", x.category());
            row.put("youth", x.youth());
            row.put("paired", x.paired());
            row.put("unpaired", x.youth() - x.paired());
            row.put("cityPaired", x.cityPaired());
            row.put("cityUnpaired", x.youth() - x.cityPaired());
            cells.add(row);
        }
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(u -> names.put(u.code(), u.name()));
        List<Map<String, Object>> departments = new ArrayList<>();
        for (Coverage.Department x : found.departments()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("department", x.cityUnit() == null ? "" : names.getOrDefault(x.cityUnit(), x.cityUnit()));
            row.put("youth", x.youth());
            row.put("cityPaired", x.cityPaired());
            row.put("cityUnpaired", x.youth() - x.cityPaired());
            departments.add(row);
        }
        List<Map<String, Object>> unpaired = new ArrayList<>();
        Map<Long, String> youthNames = youthNames(actor, found.unpaired().stream().map(Coverage.Unpaired::youthId)
                .toList());
        for (Coverage.Unpaired x : found.unpaired()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("youthId", x.youthId());
            row.put("youth", youthNames.getOrDefault(x.youthId(), ""));
            row.put("county", counties.getOrDefault(x.unitId(), ""));
            row.put("category", x.category());
            row.put("noProfessional", x.noProfessional());
            row.put("noVolunteer", x.noVolunteer());
            row.put("noCity", x.noCity());
            unpaired.add(row);
        }
        auditShown(actor, "youth.coverage", found.unpaired().stream().map(Coverage.Unpaired::youthId).toList());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("city", city);
        model.put("cells", cells);
        model.put("departments", departments);
        model.put("unpaired", unpaired);
        return r.api() ? WebResult.json(model) : WebResult.page("coverage", model);
    }

    /**
     * The city's annual report to the city leader in charge, printed as a document of the year (red header, number,
     * date): the crime statistics against last year, against the key youth registered, and the city's analysis and
     * proposals. Counts only, so nothing to audit; the city's office only.
     */
    private WebResult annualReport(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.hasRole(Roles.PREVENTION_OFFICE) || actor.orgUnit().level() != OrgLevel.CITY) {
            throw new AccessDeniedException("prevention annual report: the city's office");
        }
        // Written in December and January: in January the year is the one just ended.
        int year = SurveyPages.year(r, java.time.LocalDate.now(clock).minusMonths(1).getYear());
        record Found(List<AnnualReport.Figure> figures, AnnualReport.Text text, AnnualReport.Youth youth,
                AnnualReport.Youth before, List<AnnualReport.Analysis> analyses) {
        }
        Found found = store.read(c -> new Found(AnnualReport.figures(c, year), AnnualReport.text(c, year),
                AnnualReport.youth(c, year), AnnualReport.youth(c, year - 1), AnnualReport.analyses(c, year)));
        List<Map<String, Object>> figures = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (AnnualReport.Figure f : found.figures()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", f.source());
            row.put("category", f.category());
            row.put("under25", f.under25());
            row.put("under25Before", f.under25Before());
            row.put("change", change(f.under25(), f.under25Before()));
            row.put("minors", f.minors());
            row.put("minorsBefore", f.minorsBefore());
            figures.add(row);
            long[] t = totals.computeIfAbsent(f.source(), k -> new long[4]);
            t[0] += f.under25();
            t[1] += f.under25Before();
            t[2] += f.minors();
            t[3] += f.minorsBefore();
        }
        List<Map<String, Object>> bySource = new ArrayList<>();
        totals.forEach((source, t) -> bySource.add(Map.of("source", source, "under25", t[0], "under25Before", t[1],
                "change", change(t[0], t[1]), "minors", t[2], "minorsBefore", t[3])));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("documentYear", year);
        model.put("year", year);
        model.put("figures", figures);
        model.put("bySource", bySource);
        model.put("registered", found.youth().registered());
        model.put("registeredBefore", found.before().registered());
        model.put("offended", found.youth().offended());
        model.put("offendedBefore", found.before().offended());
        Map<Long, String> units = new LinkedHashMap<>();
        orgUnits.subtree(orgUnits.root().id()).forEach(u -> units.put(u.id(), u.name()));
        model.put("analyses", found.analyses().stream().map(a -> Map.of("unit", units.getOrDefault(a.unitId(), ""),
                "memberUnit", a.memberUnit(), "causes", a.causes(), "measures", a.measures())).toList());
        AnnualReport.Text text = found.text();
        model.put("written", text != null);
        model.put("leader", text == null ? "" : text.leader());
        model.put("causes", text == null ? "" : text.causes());
        model.put("measures", text == null ? "" : text.measures());
        model.put("proposals", text == null ? "" : text.proposals());
        return r.api() ? WebResult.json(model) : WebResult.page("annual-report", model);
    }

    /** The change against last year in per cent, one decimal, or "" when last year had none. */
    private static String change(long now, long before) {
        return before == 0 ? "" : java.math.BigDecimal.valueOf((now - before) * 100.0 / before)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The task transfers past their deadline and not reported back: by youth for a county's office or member unit
     * (audited), as counts per county for the city's office.
     */
    private WebResult transfersDue(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.hasRole(Roles.PREVENTION_OFFICE) && !actor.hasRole(Roles.MEMBER_UNIT)) {
            throw new AccessDeniedException("prevention transfers due: an office or a member unit");
        }
        boolean city = actor.orgUnit().level() == OrgLevel.CITY;
        Map<Long, String> counties = counties(actor);
        List<DueTransfers.Row> due = store.read(c -> DueTransfers.of(c, counties.keySet(),
                java.time.LocalDate.now(clock)));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, String> youthNames = city ? Map.of() : youthNames(actor, due.stream().map(DueTransfers.Row::youthId)
                .toList());
        for (DueTransfers.Row x : city ? List.<DueTransfers.Row>of() : due) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("transferId", x.transferId());
            row.put("youth", youthNames.getOrDefault(x.youthId(), ""));
            row.put("county", counties.getOrDefault(x.unitId(), ""));
            row.put("toUnit", x.toUnit());
            row.put("deadline", x.deadline().toString());
            row.put("state", x.state());
            rows.add(row);
        }
        if (!city) {
            auditShown(actor, "youth.transfersDue", due.stream().map(DueTransfers.Row::youthId).toList());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("city", city);
        model.put("total", due.size());
        model.put("rows", rows);
        model.put("byCounty", city ? counts(due, x -> counties.getOrDefault(x.unitId(), "")) : List.of());
        return r.api() ? WebResult.json(model) : WebResult.page("transfers-due", model);
    }

    /** The evaluated units in the actor's reach, by id, with their names. */
    private Map<Long, String> counties(Actor actor) {
        return evaluated(orgUnits.visibleTo(actor));
    }

    private static Map<Long, String> evaluated(List<OrgUnit> units) {
        Map<Long, String> counties = new LinkedHashMap<>();
        units.stream().filter(u -> u.level().evaluated()).forEach(u -> counties.put(u.id(), u.name()));
        return counties;
    }

    private WebResult overdue(WebRequest r) {
        Actor actor = r.actor();
        boolean office = actor.hasRole(Roles.PREVENTION_OFFICE);
        boolean helper = actor.hasRole(Roles.PROFESSIONAL) || actor.hasRole(Roles.VOLUNTEER);
        if (!office && !helper) {
            throw new AccessDeniedException("prevention overdue: an office or a helper");
        }
        YearMonth month = month(r);
        boolean city = office && actor.orgUnit().level() == OrgLevel.CITY;
        Map<Long, String> counties = counties(actor);
        // An office lists its county's youth; anyone else (a helper, a helper of the city) only their own.
        Long own = office ? null : actor.userId();
        record Found(List<Overdue.Row> rows, Map<Long, String> helpers) {
        }
        Found found = store.read(c -> {
            List<Overdue.Row> all = Overdue.of(c, counties.keySet(), month, own);
            return new Found(all, Overdue.names(c, all.stream().map(Overdue.Row::helperId).distinct().toList()));
        });
        List<Overdue.Row> rows = found.rows();
        Map<Long, String> helpers = found.helpers();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("month", month.toString());
        model.put("total", rows.size());
        model.put("city", city);
        if (city) {
            model.put("byCounty", counts(rows, x -> counties.getOrDefault(x.unitId(), "")));
            model.put("byHelper", counts(rows, x -> helpers.getOrDefault(x.helperId(), "")));
            model.put("rows", List.of());
        } else {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<Long, String> youthNames = youthNames(actor, rows.stream().map(Overdue.Row::youthId).toList());
            for (Overdue.Row x : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("youthId", x.youthId());
                row.put("youth", youthNames.getOrDefault(x.youthId(), ""));
                row.put("county", counties.getOrDefault(x.unitId(), ""));
                row.put("helper", helpers.getOrDefault(x.helperId(), ""));
                row.put("role", x.professional() ? Roles.PROFESSIONAL : Roles.VOLUNTEER);
                out.add(row);
            }
            model.put("rows", out);
            model.put("byCounty", List.of());
            model.put("byHelper", List.of());
            auditShown(actor, "youth.overdue", rows.stream().map(Overdue.Row::youthId).toList());
        }
        return r.api() ? WebResult.json(model) : WebResult.page("overdue", model);
    }

    /** Which youth a page named, to whom: as the register's own lists audit, in lines of 50 ids. */
    private void auditShown(Actor actor, String action, List<Long> youth) {
        List<String> ids = youth.stream().map(String::valueOf).distinct().toList();
        for (int i = 0; i < ids.size(); i += IDS_PER_AUDIT_LINE) {
            audit.record(actor, action, "youth", "ids=" + String.join(",",
                    ids.subList(i, Math.min(ids.size(), i + IDS_PER_AUDIT_LINE))));
        }
    }

    private static <T> List<Map<String, Object>> counts(List<T> rows, java.util.function.Function<T, String> key) {
        Map<String, Integer> n = new TreeMap<>();
        rows.forEach(x -> n.merge(key.apply(x), 1, Integer::sum));
        List<Map<String, Object>> out = new ArrayList<>();
        n.forEach((k, v) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", k);
            row.put("count", v);
            out.add(row);
        });
        return out;
    }

    private YearMonth month(WebRequest r) {
        String raw = r.param("month");
        if (raw == null || raw.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("month", "overdue.month.invalid");
        }
    }
}
