package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The micro-loans' monthly reports: the page {@code /p/employment/loans/reports} (with the year's quarterly checks)
 * and its JSON under {@code /api/v1/p/employment/loans/reports}. The register engine serves the loans and checks and
 * passes these paths on; {@link YouthWeb} routes here.
 */
final class LoanWeb implements Register.Pages {

    static final String PATH = "loans";
    static final String REPORTS_TEMPLATE = "loan-reports";
    static final String REPORTS = "reports";

    private final LoanService service;

    LoanWeb(LoanService service) {
        this.service = service;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (path.size() == 2 && path.get(1).equals(REPORTS)) {
            switch (method) {
                case "GET": return WebResult.page(REPORTS_TEMPLATE, reportsModel(r, Map.of(), Map.of()));
                case "POST": return submitReport(r);
                default: throw notFound(r);
            }
        }
        throw notFound(r);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (path.size() == 2 && path.get(1).equals(REPORTS)) {
            Actor actor = r.actor();
            switch (method) {
                case "GET": {
                    int year = SummaryWeb.year(r, service.today());
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
        throw notFound(r);
    }

    private WebResult submitReport(WebRequest r) {
        LoanInput.Report input = LoanInput.Report.fromForm(r);
        try {
            service.submitReport(r.actor(), input);
            String month = input.month().strip();
            return WebResult.redirect("/" + PATH + "/" + REPORTS + "?year=" + month.substring(0, 4) + "&saved=1");
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
        int year = SummaryWeb.year(r, service.today());
        Long county = ProjectValidator.positiveId(r.param("county"));
        Map<Long, String> names = countyNames(service.counties(actor));
        Map<String, Object> model = new HashMap<>();
        model.put("year", String.valueOf(year));
        model.put("county", county == null ? "" : String.valueOf(county));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("months", service.months(actor, year, county).stream().map(m -> monthRow(m, names)).toList());
        model.put("checks", service.checks(actor, year, county).stream().map(k -> checkRow(k, names)).toList());
        model.put("canWrite", actor.canWrite());
        model.put("saved", r.param("saved") != null);
        model.put("thisMonth", service.today().toString().substring(0, 7));
        Map<String, Object> form = new HashMap<>(Map.of("county", ownCounty(actor) == null ? "" : ownCounty(actor),
                "month", "", "note", ""));
        form.putAll(reportForm);
        model.put("reportForm", form);
        model.put("errors", new LinkedHashMap<>(errors));
        return model;
    }

    // ---------------------------------------------------------------- shared

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

    /** A county user's own county, the default of every county field; null for the city. */
    static String ownCounty(Actor actor) {
        return actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
    }
}
