package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The HTML pages of one register, below {@code /<register>}:
 *
 * <pre>
 * GET  /                    the list                 GET  /{id}            the record
 * GET  /new[?parent={id}]   the form                 POST /new             create
 * GET  /{id}/edit           the form                 POST /{id}/edit       update
 * POST /{id}/delete         delete, with a reason    POST /{id}/step/{t}   take a workflow step
 * GET  /{id}/history        the whole history        POST /{id}/reveal     the record with an ID number in clear
 * GET  /{id}/unseal         the form asking to open  POST /{id}/unseal     ask, with the legal reason
 *                           a sealed record ({@link UnsealPages})
 * </pre>
 *
 * A write redirects to the list, or to the parent record for a child, with {@code ?saved=}; a form the service
 * refuses is shown again with its errors and the input kept, status 400.
 */
final class Pages {

    private final Site site;

    Pages(Site site) {
        this.site = site;
    }

    /** The page, or null for a path or method this register does not answer. */
    WebResult route(WebRequest r, String method, RegisterDefinition d, List<String> path) {
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        int n = path.size();
        if (n == 1) {
            return get ? ListPage.page(site, r, d) : null;
        }
        if (n == 2 && "new".equals(path.get(1))) {
            return get ? newForm(r, d) : post ? create(r, d) : null;
        }
        Long id = Values.id(path.get(1));
        if (id == null || n > 4) {
            return null;
        }
        if (n == 2) {
            return get ? record(r, d, id).page(Map.of(), null, Map.of()) : null;
        }
        String action = path.get(2);
        if (n == 4) {
            return post && "step".equals(action) ? step(r, d, id, path.get(3))
                    : get && "files".equals(action) ? site.download(r, d, id, path.get(3)) : null;
        }
        return switch (action) {
            case "edit" -> get ? editForm(r, d, id) : post ? update(r, d, id) : null;
            case "delete" -> post ? delete(r, d, id) : null;
            case "history" -> get ? record(r, d, id).historyPage() : null;
            case "reveal" -> post ? reveal(r, d, id) : null;
            case "unseal" -> new UnsealPages(site).ask(r, method, d, id);
            default -> null;
        };
    }

    private RecordPage record(WebRequest r, RegisterDefinition d, long id) {
        return new RecordPage(site, r, d, get(r, d, id));
    }

    private RegisterRecord get(WebRequest r, RegisterDefinition d, long id) {
        return site.service.get(r.actor(), site.project, d.id(), id);
    }

    // ---------------------------------------------------------------- create and edit

    /** What a form page shows: the record edited (null for a new one), the values, its place, the errors. */
    private record State(RegisterRecord existing, Map<String, Object> shown, String unit, String parent,
            String version, Map<String, String> errors) {
    }

    private WebResult newForm(WebRequest r, RegisterDefinition d) {
        requireWriter(r, d);
        String unit = d.parent() != null ? null : Form.defaultUnit(r, site.lookups.units(r.actor()));
        return form(r, d, new State(null, Map.of(), unit, r.param("parent"), "", Map.of()));
    }

    private WebResult create(WebRequest r, RegisterDefinition d) {
        Form form = new Form(site, r, new Values(site, r), d);
        State again = new State(null, form.sent(d.fields()), r.param("unit"), r.param("parent"), "", Map.of());
        if (r.param(Form.FIND) != null) {
            return form(r, d, again);
        }
        try {
            // Inside the try: reading an upload may refuse it, and the form shows that beside the file input.
            Map<String, Object> input = form.input(Form.editable(d), null);
            Form.place(input, d, r.param("unit"), r.param("parent"));
            site.service.create(r.actor(), site.project, d.id(), input);
        } catch (ValidationException e) {
            return form(r, d, withErrors(again, e)).withStatus(400);
        }
        return saved(d, Values.id(r.param("parent")), "saved");
    }

    private WebResult editForm(WebRequest r, RegisterDefinition d, long id) {
        RegisterRecord rec = editable(r, d, id);
        Map<String, Object> shown = new Form(site, r, new Values(site, r), d).shown(rec);
        return form(r, d, new State(rec, shown, String.valueOf(rec.unitId()), parentOf(rec),
                String.valueOf(rec.version()), Map.of()));
    }

    private WebResult update(WebRequest r, RegisterDefinition d, long id) {
        RegisterRecord rec = editable(r, d, id);
        Form form = new Form(site, r, new Values(site, r), d);
        State again = new State(rec, form.sent(d.fields()), r.param("unit"), parentOf(rec), r.param("version"),
                Map.of());
        if (r.param(Form.FIND) != null) {
            return form(r, d, again);
        }
        String version = r.param("version");
        try {
            Map<String, Object> input = form.input(Form.editable(d), rec);
            Form.place(input, d, r.param("unit"), parentOf(rec));
            site.service.update(r.actor(), site.project, d.id(), id, input,
                    version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1);
        } catch (ValidationException e) {
            return form(r, d, withErrors(again, e)).withStatus(400);
        }
        return saved(d, rec.parentId(), "saved");
    }

    private RegisterRecord editable(WebRequest r, RegisterDefinition d, long id) {
        requireWriter(r, d);
        RegisterRecord rec = get(r, d, id);
        if (Site.locked(d, rec.state())) {
            throw new AccessDeniedException(d.id() + " " + id + " is locked in " + rec.state());
        }
        return rec;
    }

    private static State withErrors(State s, ValidationException e) {
        return new State(s.existing(), s.shown(), s.unit(), s.parent(), s.version(), e.fieldErrors());
    }

    private static String parentOf(RegisterRecord rec) {
        return rec.parentId() == null ? null : String.valueOf(rec.parentId());
    }

    private WebResult form(WebRequest r, RegisterDefinition d, State s) {
        RegisterRecord existing = s.existing();
        Values values = new Values(site, r);
        if (existing != null) {
            values.prefetch(d, List.of(existing));
        }
        Form form = new Form(site, r, values, d);
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Map<String, Object>> readOnly = new ArrayList<>();
        for (Field f : d.fields()) {
            Object before = existing == null ? null : existing.value(f.name());
            if (!f.has(Field.Flag.READ_ONLY)) {
                inputs.add(form.input(f, s.shown().get(f.name()), f.mandatory(), "f-",
                        f.type() == FieldType.FILE && before != null));
            } else if (existing != null) {
                readOnly.add(Map.of("label", Values.label(r, d, f), "text", values.text(d, f, before, false)));
            }
        }
        String self = existing == null ? "/" + d.id() + "/new" : "/" + d.id() + "/" + existing.id() + "/edit";
        Map<String, Object> model = new HashMap<>();
        model.put("title", existing == null ? r.message("register.new.title", Values.title(r, d))
                : r.message("register.edit.title", Values.title(r, d)));
        model.put("nav", site.nav(r, d));
        model.put("action", self);
        model.put("inputs", inputs);
        model.put("readOnly", readOnly);
        model.put("multipart", inputs.stream().anyMatch(i -> "file".equals(i.get("kind"))));
        model.put("version", s.version() == null ? "" : s.version());
        model.put("errors", new LinkedHashMap<>(s.errors()));
        List<String> named = new ArrayList<>(List.of("unit", "parent"));
        inputs.forEach(i -> named.add((String) i.get("name")));
        model.put("topErrors", Form.others(s.errors(), named));
        placeModel(r, d, s, form, values, model);
        Long parent = Values.id(s.parent());
        model.put("cancelHref", existing != null ? "/" + d.id() + "/" + existing.id()
                : d.parent() != null && parent != null ? "/" + d.parent() + "/" + parent : "/" + d.id());
        return WebResult.page("register/form", model);
    }

    /**
     * Where the record belongs: a select of units, or for a child its parent, fixed when known (and visible to the
     * reader), else picked like a reference.
     */
    private void placeModel(WebRequest r, RegisterDefinition d, State s, Form form, Values values,
            Map<String, Object> model) {
        model.put("parent", "");
        model.put("parentTitle", "");
        if (d.parent() == null) {
            Map<String, Object> unit = Form.descriptor("unit", "f-unit", r.message("register.unit"), true);
            unit.put("value", s.unit() == null ? "" : s.unit());
            model.put("place", Form.select(unit, Form.units(site.lookups.units(r.actor())), null));
            return;
        }
        RegisterDefinition parentDef = site.register(d.parent());
        Long parent = Values.id(s.parent());
        String find = r.param("parent.find");
        if (parent != null && !s.errors().containsKey("parent") && !"parent".equals(r.param(Form.FIND))) {
            // Reading it checks that the reader may see it: a parent out of their scope is not found.
            site.service.get(r.actor(), site.project, parentDef.id(), parent);
            model.put("parent", String.valueOf(parent));
            model.put("parentLabel", Values.title(r, parentDef));
            model.put("parentTitle", values.title(parentDef.id(), parent));
            model.put("place", Map.of());
            return;
        }
        Map<String, Object> picker = Form.descriptor("parent", "f-parent", Values.title(r, parentDef), true);
        picker.put("value", parent == null ? "" : String.valueOf(parent));
        model.put("place", Form.select(picker, form.records(parentDef.id(), find, s.parent()), find == null ? ""
                : find));
    }

    // ---------------------------------------------------------------- actions on a record

    private WebResult delete(WebRequest r, RegisterDefinition d, long id) {
        RegisterRecord rec = get(r, d, id);
        try {
            site.service.delete(r.actor(), site.project, d.id(), id, r.param("reason"));
        } catch (ValidationException e) {
            return new RecordPage(site, r, d, rec).page(e.fieldErrors(), "delete", Map.of()).withStatus(400);
        }
        return saved(d, rec.parentId(), "deleted");
    }

    private WebResult step(WebRequest r, RegisterDefinition d, long id, String transition) {
        Transition t = d.workflow() == null ? null : d.workflow().transition(transition).orElse(null);
        if (t == null) {
            return null;
        }
        RegisterRecord rec = get(r, d, id);
        if (r.param(Form.FIND) != null) {
            return new RecordPage(site, r, d, rec).page(Map.of(), t.id(), Map.of());
        }
        List<Field> fields = t.fields().stream().map(n -> d.field(n).orElseThrow()).toList();
        try {
            Map<String, Object> input = new Form(site, r, new Values(site, r), d).input(fields, rec);
            site.service.transition(r.actor(), site.project, d.id(), id, t.id(), input, r.param("reason"));
        } catch (ValidationException e) {
            return new RecordPage(site, r, d, rec).page(e.fieldErrors(), t.id(), Map.of()).withStatus(400);
        }
        return WebResult.redirect("/" + d.id() + "/" + id + "?saved=step");
    }

    private WebResult reveal(WebRequest r, RegisterDefinition d, long id) {
        Field f = d.field(String.valueOf(r.param("field"))).filter(x -> x.type() == FieldType.ID_NUMBER)
                .orElse(null);
        if (f == null) {
            return null;
        }
        String clear = site.service.reveal(r.actor(), site.project, d.id(), id, f.name());
        return record(r, d, id).page(Map.of(), null, Map.of(f.name(), clear == null ? "" : clear));
    }

    /** After a write: the list, or the parent's page for a child's record. */
    private static WebResult saved(RegisterDefinition d, Long parent, String what) {
        String to = d.parent() != null && parent != null ? "/" + d.parent() + "/" + parent : "/" + d.id();
        return WebResult.redirect(to + "?saved=" + what);
    }

    private static void requireWriter(WebRequest r, RegisterDefinition d) {
        if (!Site.writes(r.actor(), d)) {
            throw new AccessDeniedException(d.id() + ": read-only role");
        }
    }
}
