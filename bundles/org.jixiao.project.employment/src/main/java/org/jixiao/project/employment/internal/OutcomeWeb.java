package org.jixiao.project.employment.internal;

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
import org.jixiao.api.OrgLevel;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * Employment outcomes: pages under {@code /p/employment/outcomes} and JSON under
 * {@code /api/v1/p/employment/outcomes}. {@link YouthWeb} routes here; models hold only plain values.
 */
final class OutcomeWeb implements Register.Pages {

    static final String PATH = "outcomes";
    static final String LIST_TEMPLATE = "outcome-list";
    static final String FORM_TEMPLATE = "outcome-form";

    private final OutcomeService service;

    OutcomeWeb(OutcomeService service) {
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
                throw new AccessDeniedException("outcome: read-only role");
            }
            String county = actor.orgUnit().level() == OrgLevel.COUNTY ? String.valueOf(actor.orgUnit().id()) : null;
            OutcomeInput blank = new OutcomeInput(r.param("youth"), county, null, null,
                    String.valueOf(service.today().getYear()), service.today().toString(), null, null);
            return WebResult.page(FORM_TEMPLATE, formModel(actor, blank.toForm(), Map.of(), null, null));
        }
        long id = id(r, path.get(1));
        if (path.size() == 2) {
            switch (method) {
                case "GET": {
                    Outcome o = service.get(actor, id);
                    return WebResult.page(FORM_TEMPLATE, formModel(actor, form(o), Map.of(), id, o.youthName()));
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
        OutcomeInput input = OutcomeInput.fromForm(r);
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
        OutcomeRepository.Filter filter = filter(r);
        Page<Outcome> page = service.list(actor, filter, pageNumber(r));
        Map<Long, String> countyNames = countyNames(service.counties(actor));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome o : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>(form(o));
            row.put("id", String.valueOf(o.id()));
            row.put("youthName", o.youthName());
            row.put("countyName", countyNames.getOrDefault(o.countyId(), ""));
            row.put("post", o.post() == null ? "" : o.post());
            row.put("note", o.note() == null ? "" : o.note());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", new Page<>(rows, page.page(), page.size(), page.total()));
        model.put("items", rows);
        model.put("q", r.param("q") == null ? "" : r.param("q"));
        model.put("channel", filter.channel() == null ? "" : filter.channel().name());
        model.put("year", filter.year() == null ? "" : String.valueOf(filter.year()));
        model.put("county", filter.countyId() == null ? "" : String.valueOf(filter.countyId()));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("channels", names(OutcomeChannel.values()));
        model.put("canWrite", actor.canWrite());
        model.put("errors", Map.of());
        return WebResult.page(LIST_TEMPLATE, model);
    }

    private Map<String, Object> formModel(Actor actor, Map<String, Object> form, Map<String, String> errors, Long id,
            String youthName) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("counties", countyOptions(service.counties(actor)));
        model.put("channels", names(OutcomeChannel.values()));
        model.put("canWrite", actor.canWrite());
        model.put("today", service.today().toString());
        if (id != null) {
            model.put("outcomeId", String.valueOf(id));
        }
        if (youthName != null) {
            model.put("youthName", youthName);
        }
        return model;
    }

    // ---------------------------------------------------------------- JSON

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        Actor actor = r.actor();
        return new JsonCrud<Outcome>(() -> service.list(actor, filter(r), pageNumber(r)),
                b -> service.create(actor, OutcomeInput.fromJson(b)), id -> service.get(actor, id),
                (id, b) -> service.update(actor, id, OutcomeInput.fromJson(b)), id -> service.delete(actor, id),
                this::json).route(r, method, path, 1);
    }

    private Map<String, Object> json(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("youth", o.youthId());
        m.put("youthName", o.youthName());
        m.put("county", o.countyId());
        m.put("countyName", service.countyName(o.countyId()));
        m.put("employer", o.employer());
        m.put("post", o.post());
        m.put("year", o.year());
        m.put("employedOn", o.employedOn().toString());
        m.put("channel", o.channel().name());
        m.put("note", o.note());
        m.put("createdAt", o.createdAt().toString());
        m.put("updatedAt", o.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> form(Outcome o) {
        return new OutcomeInput(String.valueOf(o.youthId()), String.valueOf(o.countyId()), o.employer(), o.post(),
                String.valueOf(o.year()), o.employedOn().toString(), o.channel().name(), o.note()).toForm();
    }

    private static OutcomeRepository.Filter filter(WebRequest r) {
        String year = r.param("year");
        return new OutcomeRepository.Filter(r.param("q"), Enums.parse(OutcomeChannel.class, r.param("channel"))
                .orElse(null), year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null,
                ProjectValidator.positiveId(r.param("county")));
    }
}
