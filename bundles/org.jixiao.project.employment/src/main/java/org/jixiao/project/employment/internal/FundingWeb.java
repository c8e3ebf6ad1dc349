package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanWeb.ownCounty;
import static org.jixiao.project.employment.internal.LoanWeb.year;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The funding applications: pages under {@code /p/employment/funding} (list with the year's counts and sums per
 * county, form) and JSON under {@code /api/v1/p/employment/funding}. {@link YouthWeb} routes here.
 */
final class FundingWeb implements Register.Pages {

    static final String PATH = "funding";
    static final String LIST_TEMPLATE = "funding-list";
    static final String FORM_TEMPLATE = "funding-form";
    static final String SUMMARY = "summary";

    private final FundingService service;

    FundingWeb(FundingService service) {
        this.service = service;
    }

    // ---------------------------------------------------------------- HTML

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            switch (method) {
                case "GET": return listPage(r);
                case "POST": return save(r, null);
                default: throw notFound(r);
            }
        }
        if (path.size() == 2 && path.get(1).equals("new") && method.equals("GET")) {
            if (!actor.canWrite()) {
                throw new AccessDeniedException("funding: read-only role");
            }
            FundingInput blank = new FundingInput(ownCounty(actor), r.param("youth"), r.param("project"), null, null,
                    service.today().toString(), FundingResult.PENDING.name(), null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    Funding f = service.get(actor, id);
                    Map<String, Object> model = formModel(actor, form(f), Map.of(), id);
                    model.put("youthName", f.youthName() == null ? "" : f.youthName());
                    model.put("projectName", f.projectName() == null ? "" : f.projectName());
                    return WebResult.page(FORM_TEMPLATE, model);
                }
                case "POST": return save(r, id);
                default: throw notFound(r);
            }
        }
        if (path.size() == 3 && path.get(2).equals("delete") && method.equals("POST")) {
            service.delete(actor, id);
            return WebResult.redirect("/" + PATH);
        }
        throw notFound(r);
    }

    private WebResult save(WebRequest r, Long id) {
        FundingInput input = FundingInput.fromForm(r);
        try {
            if (id == null) {
                service.create(r.actor(), input);
            } else {
                service.update(r.actor(), id, input);
            }
            return WebResult.redirect("/" + PATH);
        } catch (ValidationException e) {
            return WebResult.page(FORM_TEMPLATE, formModel(r.actor(), input.toForm(), e.fieldErrors(), id))
                    .withStatus(400);
        }
    }

    private WebResult listPage(WebRequest r) {
        Actor actor = r.actor();
        Funding.Filter filter = filter(r);
        Page<Funding> page = service.list(actor, filter, pageNumber(r));
        List<OrgUnit> counties = service.counties(actor);
        Map<Long, String> names = countyNames(counties);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Funding f : page.items()) {
            rows.add(row(f, names.getOrDefault(f.countyId(), "")));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("year", String.valueOf(filter.year()));
        model.put("result", filter.result() == null ? "" : filter.result().name());
        model.put("results", names(FundingResult.values()));
        model.put("counties", countyOptions(counties));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        model.put("summary", service.summary(actor, filter.year(), filter.countyId()).stream()
                .map(s -> summaryRow(s, names)).toList());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("results", names(FundingResult.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("fundingId", String.valueOf(id));
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        if (path.size() == 1) {
            return fundingJson(r, actor).route(r, method, path, 1);
        }
        if (path.size() == 2 && path.get(1).equals(SUMMARY) && method.equals("GET")) {
            int year = year(r, service.today());
            Map<Long, String> names = countyNames(service.counties(actor));
            return WebResult.json(Map.of("year", year, "items", service.summary(actor, year,
                    ProjectValidator.positiveId(r.param("county"))).stream().map(s -> summaryRow(s, names)).toList()));
        }
        return fundingJson(r, actor).route(r, method, path, 1);
    }

    // ---------------------------------------------------------------- shared

    /** Amounts as exact text in 元. */
    private Map<String, Object> json(Funding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("county", f.countyId());
        m.put("countyName", service.countyName(f.countyId()));
        m.put("youth", f.youthId());
        m.put("youthName", f.youthName());
        m.put("project", f.projectId());
        m.put("projectName", f.projectName());
        m.put("programme", f.programme());
        m.put("amountApplied", Money.plain(f.amountApplied(), Money.Unit.YUAN));
        m.put("appliedOn", f.appliedOn().toString());
        m.put("result", f.result().name());
        m.put("amountGranted", Money.plain(f.amountGranted(), Money.Unit.YUAN));
        m.put("resultOn", f.resultOn() == null ? null : f.resultOn().toString());
        m.put("createdAt", f.createdAt().toString());
        m.put("updatedAt", f.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> row(Funding f, String countyName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(f.id()));
        m.put("countyName", countyName);
        m.put("youth", f.youthId() == null ? "" : String.valueOf(f.youthId()));
        m.put("youthName", f.youthName() == null ? "" : f.youthName());
        m.put("project", f.projectId() == null ? "" : String.valueOf(f.projectId()));
        m.put("projectName", f.projectName() == null ? "" : f.projectName());
        m.put("programme", f.programme());
        m.put("amountApplied", Money.number(f.amountApplied(), Money.Unit.YUAN));
        m.put("appliedOn", f.appliedOn().toString());
        m.put("result", f.result().name());
        m.put("amountGranted", f.amountGranted() == null ? "" : Money.number(f.amountGranted(), Money.Unit.YUAN));
        m.put("resultOn", f.resultOn() == null ? "" : f.resultOn().toString());
        return m;
    }

    private static Map<String, Object> summaryRow(Funding.Summary s, Map<Long, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("county", s.countyId());
        m.put("countyName", names.getOrDefault(s.countyId(), ""));
        m.put("applications", s.applications());
        m.put("pending", s.pending());
        m.put("approved", s.approved());
        m.put("rejected", s.rejected());
        m.put("amountApplied", Money.plain(s.applied(), Money.Unit.YUAN));
        m.put("amountGranted", Money.plain(s.granted(), Money.Unit.YUAN));
        return m;
    }

    private static Map<String, Object> form(Funding f) {
        return new FundingInput(String.valueOf(f.countyId()), f.youthId() == null ? null : String.valueOf(f.youthId()),
                f.projectId() == null ? null : String.valueOf(f.projectId()), f.programme(),
                Money.plain(f.amountApplied(), Money.Unit.YUAN), f.appliedOn().toString(), f.result().name(),
                Money.plain(f.amountGranted(), Money.Unit.YUAN),
                f.resultOn() == null ? null : f.resultOn().toString()).toForm();
    }

    private Funding.Filter filter(WebRequest r) {
        return new Funding.Filter(r.param("q"), ProjectValidator.positiveId(r.param("county")),
                year(r, service.today()), Enums.parse(FundingResult.class, r.param("result")).orElse(null));
    }

    /** The JSON of the Funding records: list, create, get, replace and delete. */
    private JsonCrud<Funding> fundingJson(WebRequest r, Actor actor) {
        return new JsonCrud<>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, FundingInput.fromJson(b)),
                id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, FundingInput.fromJson(b)),
                id -> service.delete(actor, id),
                this::json);
    }
}
