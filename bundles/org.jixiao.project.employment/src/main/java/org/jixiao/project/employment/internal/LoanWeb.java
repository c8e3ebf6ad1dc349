package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The micro-loan register: pages under {@code /p/employment/loans} (list with the year's figures, form, monthly
 * reports and quarterly checks) and JSON under {@code /api/v1/p/employment/loans}. {@link YouthWeb} routes here.
 */
final class LoanWeb implements Register.Pages {

    static final String PATH = "loans";
    static final String LIST_TEMPLATE = "loan-list";
    static final String FORM_TEMPLATE = "loan-form";
    static final String REPORTS_TEMPLATE = "loan-reports";
    static final String CHECK_TEMPLATE = "loan-check-form";
    static final String REPORTS = "reports";
    static final String CHECKS = "checks";

    private final LoanService service;

    LoanWeb(LoanService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return saveLoan(r, null);
                default: throw notFound(r);
            }
        }
        String second = path.get(1);
        if (second.equals(REPORTS) && path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.page(REPORTS_TEMPLATE, reportsModel(r, Map.of(), Map.of()));
                case "POST": return submitReport(r);
                default: throw notFound(r);
            }
        }
        if (second.equals(CHECKS)) {
            return checkPages(r, method, path);
        }
        if (path.size() == 2 && second.equals("new") && method.equals("GET")) {
            requireWriter(actor);
            LoanInput.Loan blank = new LoanInput.Loan(ownCounty(actor), r.param("borrower"), null, null,
                    service.today().toString(), null, LoanStatus.DISBURSED.name(), null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, null));
        }
        long id = id(r, second);
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    Loan l = service.get(actor, id);
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, form(l), Map.of(), id, l.borrowerName()));
                }
                case "POST": return saveLoan(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            service.delete(actor, id);
            return WebResult.redirect("/" + PATH);
        }
        throw notFound(r);
    }

    private WebResult saveLoan(WebRequest r, Long id) {
        LoanInput.Loan input = LoanInput.Loan.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id, null))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        Loan.Filter filter = filter(r);
        Page<Loan> page = service.list(actor, filter, pageNumber(r));
        List<OrgUnit> counties = service.counties(actor);
        Map<Long, String> names = countyNames(counties);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Loan l : page.items()) {
            rows.add(row(l, names.getOrDefault(l.countyId(), "")));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("year", String.valueOf(filter.year()));
        model.put("status", filter.status() == null ? "" : filter.status().name());
        model.put("statuses", names(LoanStatus.values()));
        model.put("counties", countyOptions(counties));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        model.put("summary", summary(actor, filter.year(), filter.countyId(), names));
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /** The year's two indicator figures per county in scope, as of today, with the policy's per-county minimums. */
    private List<Map<String, Object>> summary(Actor actor, int year, Long countyId, Map<Long, String> names) {
        List<Long> ids = service.counties(actor).stream().map(OrgUnit::id)
                .filter(id -> countyId == null || id.equals(countyId)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        service.actualsAsOf(ids, year, service.today()).forEach((county, values) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("countyName", names.getOrDefault(county, ""));
            m.put("count", values.get(LoanService.INDICATOR_COUNT).toPlainString());
            m.put("amountWanyuan", values.get(LoanService.INDICATOR_AMOUNT).toPlainString());
            out.add(m);
        });
        return out;
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String borrowerName) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("statuses", names(LoanStatus.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        model.put("termMax", LoanService.TERM_MAX);
        if (id != null) {
            model.put("loanId", String.valueOf(id));
        }
        if (borrowerName != null) {
            model.put("borrowerName", borrowerName);
        }
        return model;
    }

    // ---------------------------------------------------------------- reports and checks

    private WebResult submitReport(WebRequest r) {
        LoanInput.Report input = LoanInput.Report.fromForm(r);
        try {
            service.submitReport(r.actor(), input);
            String month = input.month().strip();
            return WebResult.redirect("/" + PATH + "/" + REPORTS + "?year=" + month.substring(0, 4));
        } catch (ValidationException e) {
            Map<String, Object> reportForm = new HashMap<>();
            reportForm.put("county", input.county() == null ? "" : input.county());
            reportForm.put("month", input.month() == null ? "" : input.month());
            reportForm.put("note", input.note() == null ? "" : input.note());
            return WebResult.page(REPORTS_TEMPLATE, reportsModel(r, reportForm, e.fieldErrors())).withStatus(400);
        }
    }

    private Map<String, Object> reportsModel(WebRequest r, Map<String, Object> reportForm,
            Map<String, String> errors) {
        Actor actor = r.actor();
        int year = year(r, service.today());
        Long county = ProjectValidator.positiveId(r.param("county"));
        Map<Long, String> names = countyNames(service.counties(actor));
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("months", service.months(actor, year, county).stream().map(m -> monthRow(m, names)).toList());
        model.put("checks", service.checks(actor, year, county).stream().map(k -> checkRow(k, names)).toList());
        model.put("canWrite", actor.canWrite());
        model.put("thisMonth", service.today().toString().substring(0, 7));
        Map<String, Object> form = new HashMap<>(Map.of("county", ownCounty(actor) == null ? "" : ownCounty(actor),
                "month", "", "note", ""));
        form.putAll(reportForm);
        model.put("reportForm", form);
        model.put("errors", new LinkedHashMap<>(errors));
        return model;
    }

    private WebResult checkPages(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 2 && method.equals("POST")) {
            return saveCheck(r, null);
        }
        if (path.size() == 3 && path.get(2).equals("new") && method.equals("GET")) {
            requireWriter(actor);
            LoanInput.Check blank = new LoanInput.Check(ownCounty(actor), String.valueOf(year(r, service.today())),
                    r.param("quarter"), service.today().toString(), null, null, "0", null, null);
            return WebResult.page(CHECK_TEMPLATE, checkModel(actor, blank.toForm(), Map.of(), null));
        }
        if (path.size() < 3) {
            throw notFound(r);
        }
        long id = id(r, path.get(2));
        if (path.size() == 3) {
            switch (method) {
                case "GET": return WebResult.page(CHECK_TEMPLATE, checkModel(actor,
                        checkForm(service.check(actor, id)), Map.of(), id));
                case "POST": return saveCheck(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 4 && path.get(3).equals("delete") && method.equals("POST")) {
            Loan.Check k = service.check(actor, id);
            service.deleteCheck(actor, id);
            return WebResult.redirect("/" + PATH + "/" + REPORTS + "?year=" + k.year());
        }
        throw notFound(r);
    }

    private WebResult saveCheck(WebRequest r, Long id) {
        LoanInput.Check input = LoanInput.Check.fromForm(r);
        try {
            long saved;
            if (id == null) {
                saved = service.createCheck(r.actor(), input);
            } else {
                service.updateCheck(r.actor(), id, input);
                saved = id;
            }
            return WebResult.redirect("/" + PATH + "/" + REPORTS + "?year=" + service.check(r.actor(), saved).year());
        } catch (ValidationException e) {
            return WebResult.page(CHECK_TEMPLATE, checkModel(r.actor(), input.toForm(), e.fieldErrors(), id))
                    .withStatus(400);
        }
    }

    private Map<String, Object> checkModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("checkId", String.valueOf(id));
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            return loanJson(r, actor).route(r, method, path, 1);
        }
        if (path.get(1).equals(REPORTS) && path.size() == 2) {
            switch (method) {
                case "GET": {
                    int year = year(r, service.today());
                    Map<Long, String> names = countyNames(service.counties(actor));
                    List<Map<String, Object>> items = service.months(actor, year,
                            ProjectValidator.positiveId(r.param("county"))).stream().map(m -> monthRow(m, names))
                            .toList();
                    return WebResult.json(Map.of("year", year, "items", items));
                }
                case "POST": {
                    long id = service.submitReport(actor, LoanInput.Report.fromJson(body(r)));
                    return WebResult.json(Map.of("id", id)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.get(1).equals(CHECKS)) {
            return checksApi(r, method, path);
        }
        return loanJson(r, actor).route(r, method, path, 1);
    }

    private WebResult checksApi(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        Map<Long, String> names = countyNames(service.counties(actor));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    int year = year(r, service.today());
                    List<Map<String, Object>> items = service.checks(actor, year,
                            ProjectValidator.positiveId(r.param("county"))).stream().map(k -> checkRow(k, names))
                            .toList();
                    return WebResult.json(Map.of("year", year, "items", items));
                }
                case "POST": {
                    long id = service.createCheck(actor, LoanInput.Check.fromJson(body(r)));
                    return WebResult.json(checkRow(service.check(actor, id), names)).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        long id = id(r, path.get(2));
        if (path.size() != 3) {
            throw notFound(r);
        }
        switch (method) {
            case "GET":
                return WebResult.json(checkRow(service.check(actor, id), names));
            case "PUT":
                service.updateCheck(actor, id, LoanInput.Check.fromJson(body(r)));
                return WebResult.json(checkRow(service.check(actor, id), names));
            case "DELETE":
                service.deleteCheck(actor, id);
                return WebResult.json(Map.of("deleted", true));
            default:
                throw notFound(r);
        }
    }

    // ---------------------------------------------------------------- shared

    /** Exact amounts as text: JSON numbers would reach most clients as doubles. */
    private Map<String, Object> json(Loan l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("county", l.countyId());
        m.put("countyName", service.countyName(l.countyId()));
        m.put("borrower", l.borrowerId());
        m.put("borrowerName", l.borrowerName());
        m.put("bank", l.bank());
        m.put("amount", Money.plain(l.amount(), Money.Unit.YUAN));
        m.put("amountWanyuan", Money.plain(l.amount(), Money.Unit.WANYUAN));
        m.put("grantedOn", l.grantedOn().toString());
        m.put("termMonths", l.termMonths());
        m.put("status", l.status().name());
        m.put("enteredOn", l.enteredOn() == null ? null : l.enteredOn().toString());
        m.put("createdAt", l.createdAt().toString());
        m.put("updatedAt", l.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> row(Loan l, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(l.id()));
        m.put("countyName", countyName);
        m.put("borrower", String.valueOf(l.borrowerId()));
        m.put("borrowerName", l.borrowerName());
        m.put("bank", l.bank());
        m.put("amountYuan", Money.number(l.amount(), Money.Unit.YUAN));
        m.put("amountWanyuan", Money.plain(l.amount(), Money.Unit.WANYUAN));
        m.put("grantedOn", l.grantedOn().toString());
        m.put("termMonths", String.valueOf(l.termMonths()));
        m.put("status", l.status().name());
        m.put("enteredOn", l.enteredOn() == null ? "" : l.enteredOn().toString());
        return m;
    }

    private static Map<String, Object> form(Loan l) {
        return new LoanInput.Loan(String.valueOf(l.countyId()), String.valueOf(l.borrowerId()), l.bank(),
                Money.plain(l.amount(), Money.Unit.WANYUAN), l.grantedOn().toString(),
                String.valueOf(l.termMonths()), l.status().name(),
                l.enteredOn() == null ? null : l.enteredOn().toString()).toForm();
    }

    private static Map<String, Object> monthRow(Loan.Month m, Map<Long, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("county", String.valueOf(m.countyId()));
        row.put("countyName", names.getOrDefault(m.countyId(), ""));
        row.put("month", m.month().toString());
        row.put("reported", m.report() != null);
        row.put("reportCount", m.report() == null ? "" : String.valueOf(m.report().count()));
        row.put("reportAmount", m.report() == null ? "" : Money.plain(m.report().amount(), Money.Unit.YUAN));
        row.put("submittedOn", m.report() == null ? "" : m.report().submittedOn().toString());
        row.put("note", m.report() == null || m.report().note() == null ? "" : m.report().note());
        row.put("liveCount", String.valueOf(m.live().count()));
        row.put("liveAmount", Money.plain(m.live().amount(), Money.Unit.YUAN));
        row.put("changed", m.changed());
        return row;
    }

    private static Map<String, Object> checkRow(Loan.Check k, Map<Long, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(k.id()));
        row.put("county", String.valueOf(k.countyId()));
        row.put("countyName", names.getOrDefault(k.countyId(), ""));
        row.put("year", k.year());
        row.put("quarter", k.quarter());
        row.put("checkedOn", k.checkedOn().toString());
        row.put("checker", k.checker());
        row.put("loansChecked", k.loansChecked());
        row.put("problems", k.problems());
        row.put("findings", k.findings());
        row.put("rectification", k.rectification() == null ? "" : k.rectification());
        return row;
    }

    private static Map<String, Object> checkForm(Loan.Check k) {
        return new LoanInput.Check(String.valueOf(k.countyId()), String.valueOf(k.year()), String.valueOf(k.quarter()),
                k.checkedOn().toString(), k.checker(), String.valueOf(k.loansChecked()), String.valueOf(k.problems()),
                k.findings(), k.rectification()).toForm();
    }

    private Loan.Filter filter(WebRequest r) {
        return new Loan.Filter(r.param("q"), ProjectValidator.positiveId(r.param("county")), year(r, service.today()),
                Enums.parse(LoanStatus.class, r.param("status")).orElse(null));
    }

    /** The {@code year} parameter when it is a year from 2000 to this one; this year otherwise. */
    static int year(WebRequest r, LocalDate today) {
        String raw = r.param("year");
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= ProjectValidator.EARLIEST.getYear() && y <= today.getYear()) {
                return y;
            }
        }
        return today.getYear();
    }

    /** A county user's own county, the default of every county field; null for the city. */
    static String ownCounty(Actor actor) {
        return actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
    }

    private static void requireWriter(Actor actor) {
        if (!actor.canWrite()) {
            throw new AccessDeniedException("loan: read-only role");
        }
    }

    /** The JSON of the Loan records: list, create, get, replace and delete. */
    private JsonCrud<Loan> loanJson(WebRequest r, Actor actor) {
        return new JsonCrud<>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, LoanInput.Loan.fromJson(b)),
                id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, LoanInput.Loan.fromJson(b)),
                id -> service.delete(actor, id),
                this::json);
    }
}
