package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.Lookups;

/**
 * The JSON of one register, below {@code /api/v1/p/<project>/<register>}, shaped like the hand-written registers':
 *
 * <pre>
 * GET    /                      a page: {items, page, size, total}, filtered as the list page is
 * POST   /                      create from {field: value, unit | parent}; 201 with the record
 * GET    /lookup?q=&amp;limit=      [{id, label}] for a picker
 * GET    /{id}                  the record: id, unit, unitName, parent, state, version, its fields (a reference or
 *                               user field also as {@code <field>Name}), createdAt, updatedAt
 * PUT    /{id}                  replace the editable fields; {version} checks for a concurrent edit
 * DELETE /{id}                  soft delete; {reason} in the body or ?reason=
 * POST   /{id}/transitions/{t}  take a step with its fields and {reason}
 * GET    /{id}/history          the history, newest first
 * GET    /{id}/reveal/{field}   {field, value}: an ID number in clear (audited)
 * GET    /{id}/files/{field}    the file a file field holds, as a download (audited)
 * GET    /{id}/access           a need-to-know record's access log, for its own office
 * POST   /{id}/break-glass      {reason}: the record, read by an office above its unit (audited, in its access log)
 * POST   /{id}/unseal           {reason}: asks to open a sealed record; 201 with {request}
 * </pre>
 *
 * A value is what a form would send (text, a number, true/false, a list of codes for a multi-choice). A field absent
 * from a PUT is cleared, except a file field, which only a multipart upload (part named as the field) or an explicit
 * null changes; a file field sent back as it was read (its object or id) keeps the file. An ID number sent back as
 * its mask is kept. A file field reads as {id, fileName, contentType, size, href}.
 */
final class Api {

    static final String WRONG_TYPE = "register.error.type";

    private static final int LOOKUP_LIMIT = 20;

    private final Site site;

    Api(Site site) {
        this.site = site;
    }

    /** The answer, or null for a path or method this register does not answer. */
    WebResult route(WebRequest r, String method, RegisterDefinition d, List<String> path) {
        int n = path.size();
        if (n == 1) {
            return switch (method) {
                case "GET" -> list(r, d);
                case "POST" -> {
                    Lookups.Created made = site.lookups.createAndRead(r.actor(), site.project, d.id(),
                            input(r, d, Form.editable(d), null, true));
                    yield WebResult.json(made.record() != null ? shown(r, d, made.record())
                            : created(r, d, made.id())).withStatus(201);
                }
                default -> null;
            };
        }
        if (n == 2 && "lookup".equals(path.get(1))) {
            return "GET".equals(method) ? lookup(r, d) : null;
        }
        Long id = Values.id(path.get(1));
        if (id == null || n > 4) {
            return null;
        }
        if (n == 2) {
            return one(r, method, d, id);
        }
        String what = path.get(2);
        if (n == 3 && "history".equals(what) && "GET".equals(method)) {
            return WebResult.json(history(site.lookups.history(r.actor(), site.project, d.id(), id)));
        }
        if (n == 3 && "access".equals(what) && "GET".equals(method)) {
            return WebResult.json(site.service.accessLog(r.actor(), site.project, d.id(), id));
        }
        if (n == 3 && "break-glass".equals(what) && "POST".equals(method)) {
            RegisterRecord rec = site.service.breakGlass(r.actor(), site.project, d.id(), id,
                    text(body(r).get("reason")));
            Values values = new Values(site, r);
            values.prefetch(d, List.of(rec));
            return WebResult.json(json(values, d, rec, false));
        }
        if (n == 3 && "unseal".equals(what) && "POST".equals(method)) {
            long request = site.service.requestUnseal(r.actor(), site.project, d.id(), id,
                    text(body(r).get("reason")));
            return WebResult.json(Map.of("request", request)).withStatus(201);
        }
        if (n == 4 && "transitions".equals(what) && "POST".equals(method)) {
            return step(r, d, id, path.get(3));
        }
        if (n == 4 && "files".equals(what) && "GET".equals(method)) {
            return site.download(r, d, id, path.get(3));
        }
        if (n == 4 && "reveal".equals(what) && "GET".equals(method)) {
            Map<String, Object> clear = new LinkedHashMap<>();
            clear.put("field", path.get(3));
            clear.put("value", site.service.reveal(r.actor(), site.project, d.id(), id, path.get(3)));
            return WebResult.json(clear);
        }
        return null;
    }

    private WebResult one(WebRequest r, String method, RegisterDefinition d, long id) {
        switch (method) {
            case "GET":
                return WebResult.json(record(r, d, id));
            case "PUT": {
                RegisterRecord rec = site.service.get(r.actor(), site.project, d.id(), id);
                Object version = body(r).get("version");
                site.service.update(r.actor(), site.project, d.id(), id, input(r, d, Form.editable(d), rec, true),
                        version instanceof Number v ? v.intValue() : -1);
                return WebResult.json(record(r, d, id));
            }
            case "DELETE": {
                String reason = text(body(r).get("reason"));
                site.service.delete(r.actor(), site.project, d.id(), id, reason != null ? reason : r.param("reason"));
                return WebResult.json(Map.of("deleted", true));
            }
            default:
                return null;
        }
    }

    private WebResult list(WebRequest r, RegisterDefinition d) {
        Page<RegisterRecord> page = site.service.list(r.actor(), site.project, d.id(), ListQuery.of(r, d).query());
        Values values = new Values(site, r);
        values.prefetch(d, page.items());
        return WebResult.json(page.json(rec -> json(values, d, rec, true)));
    }

    private WebResult lookup(WebRequest r, RegisterDefinition d) {
        Long limit = Values.id(r.param("limit"));
        int n = limit == null ? LOOKUP_LIMIT : (int) Math.min(limit, Form.PICKER);
        String q = r.param("q");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Lookups.Option o : site.lookups.search(r.actor(), site.project, d.id(), q == null ? "" : q, n)) {
            out.add(Map.of("id", o.id(), "label", o.label()));
        }
        return WebResult.json(out);
    }

    private WebResult step(WebRequest r, RegisterDefinition d, long id, String transition) {
        Optional<Transition> t = d.workflow() == null ? Optional.empty() : d.workflow().transition(transition);
        if (t.isEmpty()) {
            return null;
        }
        RegisterRecord rec = site.service.get(r.actor(), site.project, d.id(), id);
        List<Field> fields = t.get().fields().stream().map(n -> d.field(n).orElseThrow()).toList();
        site.service.transition(r.actor(), site.project, d.id(), id, t.get().id(), input(r, d, fields, rec, false),
                text(body(r).get("reason")));
        return WebResult.json(record(r, d, id));
    }

    /**
     * The record just created, or only its id when it was sealed as it was written (an offence committed as a minor):
     * its writer may not read it back either.
     */
    private Map<String, Object> created(WebRequest r, RegisterDefinition d, long id) {
        try {
            return record(r, d, id);
        } catch (org.jixiao.api.AccessDeniedException e) {
            if (d.sealedBy() == null) {
                throw e;
            }
            return Map.of("id", id, "sealed", true);
        }
    }

    private Map<String, Object> record(WebRequest r, RegisterDefinition d, long id) {
        return shown(r, d, site.service.get(r.actor(), site.project, d.id(), id));
    }

    private Map<String, Object> shown(WebRequest r, RegisterDefinition d, RegisterRecord rec) {
        Values values = new Values(site, r);
        values.prefetch(d, List.of(rec));
        return json(values, d, rec, false);
    }

    // ---------------------------------------------------------------- JSON in

    /**
     * The body's values of {@code fields} as the service takes them, plus the record's place ({@code unit}, or
     * {@code parent} for a child) when {@code place}.
     */
    private Map<String, Object> input(WebRequest r, RegisterDefinition d, List<Field> fields, RegisterRecord existing,
            boolean place) {
        Map<?, ?> body = body(r);
        Form form = new Form(site, r, new Values(site, r), d);
        if (body.isEmpty()) {
            // No JSON: a multipart form, fields and files named as the page's form names them.
            Map<String, Object> in = form.input(fields, existing);
            if (place) {
                Form.place(in, d, r.param("unit"), r.param("parent"));
            }
            return in;
        }
        Map<String, Object> in = new LinkedHashMap<>();
        ValidationException.Collector wrongTypes = new ValidationException.Collector();
        for (Field f : fields) {
            if (f.type() != FieldType.FILE && !fits(f, body.get(f.name()))) {
                wrongTypes.add(f.name(), WRONG_TYPE);
            }
        }
        // Refused, not coerced: a list or an object where text belongs was stored as its printout.
        wrongTypes.throwIfAny();
        for (Field f : fields) {
            Object value;
            if (f.type() == FieldType.FILE) {
                Optional<Upload> upload = r.upload(f.name());
                Object before = existing == null ? null : existing.value(f.name());
                Object sent = body.get(f.name());
                value = upload.isPresent() ? upload.get() : !body.containsKey(f.name()) || sameFile(before, sent)
                        ? before : text(sent);
            } else if (f.type() == FieldType.MULTI_CHOICE && body.get(f.name()) instanceof Collection<?> c) {
                value = c.stream().map(Api::text).filter(x -> x != null).toList();
            } else if (f.type() == FieldType.ID_NUMBER) {
                value = form.unmasked(existing, f, text(body.get(f.name())));
            } else {
                value = text(body.get(f.name()));
            }
            if (value != null) {
                in.put(f.name(), value);
            }
        }
        if (place) {
            Form.place(in, d, text(body.get("unit")), text(body.get("parent")));
        }
        return in;
    }

    /** Whether a JSON value is of the kind the field takes: text as a string, numbers as numbers or text, … */
    private static boolean fits(Field f, Object value) {
        if (value == null) {
            return true;
        }
        return switch (f.type()) {
            case INTEGER, DECIMAL, MONEY, REFERENCE, USER -> value instanceof Number || value instanceof String;
            case BOOLEAN -> value instanceof Boolean || value instanceof String;
            case MULTI_CHOICE -> value instanceof String
                    || value instanceof Collection<?> c && c.stream().allMatch(x -> x instanceof String);
            default -> value instanceof String;
        };
    }

    /** Whether a PUT sends back the record's file as it read it: its object or its id. */
    private static boolean sameFile(Object before, Object sent) {
        Object id = sent instanceof Map<?, ?> m ? m.get("id") : sent;
        return before instanceof Attachment a && id != null && Values.plain(a.id()).equals(text(id));
    }

    /** A JSON value as the text a form sends: numbers in plain notation, blanks as null. */
    private static String text(Object value) {
        if (value == null || value instanceof Map<?, ?>) {
            return null;
        }
        String s = Values.plain(value).strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The JSON object of the request. A body that is no object (an array, a string) binds to nothing, and the
     * service's required-field errors then say what is missing instead of a 500.
     */
    private static Map<?, ?> body(WebRequest r) {
        try {
            return r.body(Map.class).map(m -> (Map<?, ?>) m).orElse(Map.of());
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    // ---------------------------------------------------------------- JSON out

    /**
     * A record as JSON: codes, ids, plain numbers and ISO dates. In a list ({@code list}) private fields are left
     * out and phone numbers masked, as on the list page.
     */
    static Map<String, Object> json(Values values, RegisterDefinition d, RegisterRecord rec, boolean list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rec.id());
        m.put("unit", rec.unitId());
        m.put("unitName", values.unit(rec.unitId()));
        if (rec.parentId() != null) {
            m.put("parent", rec.parentId());
        }
        if (d.workflow() != null) {
            m.put("state", rec.state());
        }
        m.put("version", rec.version());
        for (Field f : d.fields()) {
            Object v = rec.value(f.name());
            if (v == null || list && f.has(Field.Flag.PRIVATE)) {
                continue;
            }
            m.put(f.name(), switch (f.type()) {
                case DATE -> Values.plain(v);
                case FILE -> file((Attachment) v, "/api/v1/p/" + values.project() + "/" + d.id() + "/" + rec.id()
                        + "/files/" + f.name());
                case PHONE -> list ? Values.maskPhone(Values.plain(v)) : v;
                default -> v;
            });
            // As the hand-written registers name a reference's record ("founder", "founderName"), unless a field
            // of that name exists.
            String name = f.name() + "Name";
            if ((f.type() == FieldType.REFERENCE || f.type() == FieldType.USER) && d.field(name).isEmpty()) {
                m.put(name, values.text(d, f, v, list));
            }
        }
        m.put("createdAt", String.valueOf(rec.createdAt()));
        m.put("updatedAt", String.valueOf(rec.updatedAt()));
        return m;
    }

    private static Map<String, Object> file(Attachment a, String href) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("fileName", a.fileName());
        m.put("contentType", a.contentType());
        m.put("size", a.size());
        m.put("href", href);
        return m;
    }

    private List<Map<String, Object>> history(List<Lookups.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Lookups.Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", String.valueOf(e.at()));
            m.put("user", e.userId());
            m.put("username", e.username());
            m.put("action", e.action());
            m.put("from", e.fromState());
            m.put("to", e.toState());
            m.put("reason", e.reason());
            m.put("fields", e.fields());
            out.add(m);
        }
        return out;
    }
}
