package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanWeb.ownCounty;
import static org.jixiao.project.employment.internal.LoanWeb.year;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.names;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageNumber;

import java.math.BigDecimal;
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
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The credit demonstration households: pages under {@code /p/employment/credit-households} and JSON under
 * {@code /api/v1/p/employment/credit-households}. {@link YouthWeb} routes here.
 */
final class CreditWeb implements Register.Pages {

    static final String PATH = "credit-households";
    static final String LIST_TEMPLATE = "credit-list";
    static final String FORM_TEMPLATE = "credit-form";
    /** The policy's growth, as the core applies it to last year's figure. */
    static final TargetRule POLICY_GROWTH = new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST,
            BigDecimal.TEN);

    private final CreditService service;

    CreditWeb(CreditService service) {
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
                throw new AccessDeniedException("credit: read-only role");
            }
            CreditInput blank = new CreditInput(ownCounty(actor), null, null, service.today().toString(), null, null,
                    null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": return WebResult.page(FORM_TEMPLATE, formModel(actor, form(service.get(actor, id)),
                        Map.of(), id));
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
        CreditInput input = CreditInput.fromForm(r);
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
        CreditHousehold.Filter filter = filter(r);
        Page<CreditHousehold> page = service.list(actor, filter, pageNumber(r));
        List<OrgUnit> counties = service.counties(actor);
        Map<Long, String> names = countyNames(counties);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CreditHousehold h : page.items()) {
            Map<String, Object> m = row(h);
            m.put("countyName", names.getOrDefault(h.countyId(), ""));
            rows.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("year", String.valueOf(filter.year()));
        model.put("rating", filter.rating() == null ? "" : filter.rating().name());
        model.put("ratings", names(CreditRating.values()));
        model.put("counties", countyOptions(counties));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        model.put("summary", summary(counties, filter.year(), filter.countyId(), names));
        return WebResult.page(LIST_TEMPLATE, model);
    }

    /**
     * Per county in scope: the year's households and amount as of today, last year's amount from the live records,
     * and the amount that grows it by the policy's 10% (the target table uses the approved figure once published).
     */
    private List<Map<String, Object>> summary(List<OrgUnit> counties, int year, Long countyId,
            Map<Long, String> names) {
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> countyId == null || id.equals(countyId))
                .toList();
        Map<Long, Map<String, BigDecimal>> now = service.actualsAsOf(ids, year, service.today());
        Map<Long, Map<String, BigDecimal>> last = service.actualsAsOf(ids, year - 1, service.today());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Long id : ids) {
            BigDecimal lastAmount = last.get(id).get(CreditService.INDICATOR_AMOUNT);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("countyName", names.getOrDefault(id, ""));
            m.put("households", now.get(id).get(CreditService.INDICATOR_HOUSEHOLDS).toPlainString());
            m.put("amountWanyuan", now.get(id).get(CreditService.INDICATOR_AMOUNT).toPlainString());
            m.put("lastWanyuan", lastAmount.toPlainString());
            m.put("growthTarget", POLICY_GROWTH.resolve(lastAmount).toPlainString());
            m.put("growthMet", POLICY_GROWTH.met(now.get(id).get(CreditService.INDICATOR_GROWTH), lastAmount));
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors,
            Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("ratings", names(CreditRating.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("householdId", String.valueOf(id));
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        return creditHouseholdJson(r, actor).route(r, method, path, 1);
    }

    // ---------------------------------------------------------------- shared

    /** Amounts as exact text in 元 and 万元. */
    private Map<String, Object> json(CreditHousehold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("county", h.countyId());
        m.put("countyName", service.countyName(h.countyId()));
        m.put("headName", h.headName());
        m.put("village", h.village());
        m.put("ratedOn", h.ratedOn().toString());
        m.put("rating", h.rating() == null ? null : h.rating().name());
        m.put("loanAmount", Money.plain(h.loanAmount(), Money.Unit.YUAN));
        m.put("loanAmountWanyuan", Money.plain(h.loanAmount(), Money.Unit.WANYUAN));
        m.put("loanOn", h.loanOn() == null ? null : h.loanOn().toString());
        m.put("createdAt", h.createdAt().toString());
        m.put("updatedAt", h.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> row(CreditHousehold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(h.id()));
        m.put("headName", h.headName());
        m.put("village", h.village());
        m.put("ratedOn", h.ratedOn().toString());
        m.put("rating", h.rating() == null ? "" : h.rating().name());
        m.put("loanAmount", Money.number(h.loanAmount(), Money.Unit.YUAN));
        m.put("loanOn", h.loanOn() == null ? "" : h.loanOn().toString());
        return m;
    }

    private static Map<String, Object> form(CreditHousehold h) {
        return new CreditInput(String.valueOf(h.countyId()), h.headName(), h.village(), h.ratedOn().toString(),
                h.rating() == null ? null : h.rating().name(),
                h.loanAmount().signum() == 0 ? null : Money.plain(h.loanAmount(), Money.Unit.YUAN),
                h.loanOn() == null ? null : h.loanOn().toString()).toForm();
    }

    private CreditHousehold.Filter filter(WebRequest r) {
        return new CreditHousehold.Filter(r.param("q"), ProjectValidator.positiveId(r.param("county")),
                year(r, service.today()), Enums.parse(CreditRating.class, r.param("rating")).orElse(null));
    }

    /** The JSON of the CreditHousehold records: list, create, get, replace and delete. */
    private JsonCrud<CreditHousehold> creditHouseholdJson(WebRequest r, Actor actor) {
        return new JsonCrud<>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, CreditInput.fromJson(b)),
                id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, CreditInput.fromJson(b)),
                id -> service.delete(actor, id),
                this::json);
    }
}
