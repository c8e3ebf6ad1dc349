package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Page;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.Lookups;

/**
 * A record's page: every field, its workflow state with the steps the reader may take, its children's records, its
 * latest history, and the edit and delete actions; and the page of its whole history.
 */
final class RecordPage {

    /** Children shown on the parent's page; the rest are one link away. */
    static final int CHILD_ROWS = 20;
    /** History lines on the record's page; the rest are on its history page. */
    static final int HISTORY_ROWS = 10;

    private final Site site;
    private final WebRequest r;
    private final RegisterDefinition d;
    private final RegisterRecord rec;
    private final Values values;

    RecordPage(Site site, WebRequest r, RegisterDefinition d, RegisterRecord rec) {
        this.site = site;
        this.r = r;
        this.d = d;
        this.rec = rec;
        this.values = new Values(site, r);
        values.prefetch(d, List.of(rec));
    }

    /**
     * The page, with the errors of the form that failed ({@code failed}: a transition's id or {@code delete}) shown
     * beside what it sent, and the ID numbers the reader asked to see in clear.
     */
    WebResult page(Map<String, String> errors, String failed, Map<String, String> revealed) {
        Map<String, Object> model = common();
        model.put("flash", ListPage.flash(r));
        boolean writes = Site.writes(r.actor(), d);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Field f : d.fields()) {
            Object v = rec.value(f.name());
            String text = revealed.containsKey(f.name()) ? revealed.get(f.name()) : values.text(d, f, v, false);
            boolean reveal = writes && f.type() == FieldType.ID_NUMBER && v != null
                    && !revealed.containsKey(f.name());
            String link = f.type() == FieldType.FILE && v != null ? self() + "/files/" + f.name() : Values.link(f, v);
            facts.add(Map.of("name", f.name(), "label", Values.label(r, d, f), "text", text, "link",
                    link == null ? "" : link, "reveal", reveal));
        }
        model.put("facts", facts);
        model.put("unitName", values.unit(rec.unitId()));
        model.put("state", Values.state(r, d, rec.state()));
        model.put("updated", r.message("register.record.updated", Values.when(rec.updatedAt()),
                values.user(rec.updatedBy())));
        model.put("transitions", transitions(errors, failed));
        model.put("children", children());
        List<Lookups.Entry> history = site.lookups.history(r.actor(), site.project, d.id(), rec.id());
        model.put("history", history(history.subList(0, Math.min(HISTORY_ROWS, history.size()))));
        model.put("historyHref", history.size() > HISTORY_ROWS ? self() + "/history" : "");
        model.put("access", access());
        boolean editable = writes && !Site.locked(d, rec.state());
        model.put("editHref", editable ? self() + "/edit" : "");
        model.put("deleteAction", editable ? self() + "/delete" : "");
        model.put("revealAction", self() + "/reveal");
        model.put("errors", errors);
        model.put("failed", failed == null ? "" : failed);
        model.put("deleteErrors", "delete".equals(failed) ? Form.others(errors, List.of("reason")) : List.of());
        model.put("reason", "delete".equals(failed) && r.param("reason") != null ? r.param("reason") : "");
        return WebResult.page("register/record", model);
    }

    /** Every line of the record's history. */
    WebResult historyPage() {
        Map<String, Object> model = common();
        model.put("history", history(site.lookups.history(r.actor(), site.project, d.id(), rec.id())));
        return WebResult.page("register/history", model);
    }

    private Map<String, Object> common() {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title(d.title().map(f -> values.text(d, f, rec.value(f.name()), false)).orElse("")));
        model.put("nav", site.nav(r, d));
        model.put("self", self());
        List<Map<String, Object>> crumbs = new ArrayList<>();
        if (d.parent() != null && rec.parentId() != null) {
            RegisterDefinition parent = site.register(d.parent());
            crumbs.add(Map.of("href", "/" + parent.id(), "text", Values.title(r, parent)));
            crumbs.add(Map.of("href", "/" + parent.id() + "/" + rec.parentId(), "text",
                    values.title(parent.id(), rec.parentId())));
        }
        crumbs.add(Map.of("href", "/" + d.id(), "text", Values.title(r, d)));
        model.put("crumbs", crumbs);
        return model;
    }

    private String title(String recordTitle) {
        return recordTitle.isEmpty()
                ? r.message("register.record.untitled", Values.title(r, d), String.valueOf(rec.id())) : recordTitle;
    }

    private String self() {
        return "/" + d.id() + "/" + rec.id();
    }

    /** The steps the reader may take from the record's state, each a form with its fields and reason. */
    private List<Map<String, Object>> transitions(Map<String, String> errors, String failed) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (d.workflow() == null) {
            return out;
        }
        Form form = new Form(site, r, values, d);
        for (Transition t : d.workflow().transitions()) {
            if (!Site.mayTake(r.actor(), t, rec.state())) {
                continue;
            }
            boolean again = t.id().equals(failed);
            List<Field> fields = t.fields().stream().map(n -> d.field(n).orElseThrow()).toList();
            Map<String, Object> sent = again ? form.sent(fields) : Map.of();
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (Field f : fields) {
                inputs.add(form.input(f, sent.get(f.name()), true, "t" + out.size() + "-", false));
            }
            Map<String, Object> step = new HashMap<>();
            step.put("id", t.id());
            step.put("key", "t" + out.size());
            step.put("label", Values.transition(r, d, t));
            step.put("to", Values.state(r, d, t.to()));
            step.put("action", self() + "/step/" + ListQuery.encode(t.id()));
            step.put("inputs", inputs);
            step.put("reason", t.reason());
            step.put("reasonValue", again && r.param("reason") != null ? r.param("reason") : "");
            step.put("multipart", fields.stream().anyMatch(f -> f.type() == FieldType.FILE));
            step.put("failed", again);
            List<String> named = new ArrayList<>(t.fields());
            named.add("reason");
            step.put("topErrors", again ? Form.others(errors, named) : List.of());
            out.add(step);
        }
        return out;
    }

    /** The records of each child register, as small tables, with a link to add one here. */
    private List<Map<String, Object>> children() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegisterDefinition c : site.children(d)) {
            if (!Site.reads(r.actor(), c)) {
                continue;
            }
            Page<RegisterRecord> page;
            try {
                page = site.service.list(r.actor(), site.project, c.id(),
                        new RecordQuery(null, Map.of(), null, false, 1, CHILD_ROWS, rec.id()));
            } catch (AccessDeniedException e) {
                // A child register the reader may not read is left off the page, not an error.
                continue;
            }
            Values childValues = new Values(site, r);
            childValues.prefetch(c, page.items());
            ListPage.Table table = ListPage.table(site, r, childValues, c, page.items(), 0, false, null);
            Map<String, Object> child = new HashMap<>();
            child.put("title", Values.title(r, c));
            child.put("columns", table.columns());
            child.put("rows", table.rows());
            child.put("total", page.total());
            child.put("addHref", Site.writes(r.actor(), c) ? "/" + c.id() + "/new?parent=" + rec.id() : "");
            child.put("allHref", page.total() > page.items().size() ? "/" + c.id() + "?parent=" + rec.id() : "");
            // Sealed records are in no list: their office sees that they exist, to ask for an opening.
            child.put("sealed", site.lookups.sealed(r.actor(), site.project, c.id(), rec.id()).stream()
                    .map(id -> Map.of("label", Values.title(r, c) + " " + id, "href", "/" + c.id() + "/" + id
                            + "/unseal")).toList());
            child.put("unsealHref", c.sealedBy() != null && c.offices().stream().anyMatch(r.actor()::hasRole)
                    ? "/" + UnsealPages.PATH : "");
            out.add(child);
        }
        return out;
    }

    /**
     * A need-to-know record's access log, for its own office: who read it or its children, how and why. Anyone else
     * (who is refused the log) sees no such section.
     */
    private List<Map<String, Object>> access() {
        List<org.jixiao.api.register.RegisterService.Access> log;
        try {
            log = site.service.accessLog(r.actor(), site.project, d.id(), rec.id());
        } catch (org.jixiao.api.NotFoundException | org.jixiao.api.AccessDeniedException e) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (org.jixiao.api.register.RegisterService.Access a : log) {
            RegisterDefinition read = site.register(a.register());
            out.add(Map.of("when", Values.when(a.at()), "who", a.userName(), "kind",
                    r.message("register.access." + a.kind()), "what", read == null ? a.register()
                            : r.message(read.messagePrefix() + ".title") + " " + a.readId(),
                    "reason", a.reason() == null ? "" : a.reason()));
        }
        return out;
    }

    private List<Map<String, Object>> history(List<Lookups.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Lookups.Entry e : entries) {
            String change = e.toState() == null || e.toState().equals(e.fromState()) ? ""
                    : e.fromState() == null ? Values.state(r, d, e.toState())
                    : r.message("register.history.change", Values.state(r, d, e.fromState()),
                            Values.state(r, d, e.toState()));
            List<String> fields = e.fields() == null ? List.of()
                    : e.fields().stream().map(n -> d.field(n).map(f -> Values.label(r, d, f)).orElse(n)).toList();
            out.add(Map.of("when", Values.when(e.at()), "who", e.username() == null ? "" : e.username(),
                    "action", action(e.action()), "change", change, "reason", e.reason() == null ? "" : e.reason(),
                    "fields", Values.join(r, fields)));
        }
        return out;
    }

    /** A history line's action by name: a step of the workflow, or the kind of write. */
    private String action(String action) {
        if (action == null) {
            return "";
        }
        if (d.workflow() != null && d.workflow().transition(action).isPresent()) {
            return Values.transition(r, d, d.workflow().transition(action).get());
        }
        for (RecordChange.Kind kind : RecordChange.Kind.values()) {
            if (kind.name().equalsIgnoreCase(action)) {
                return r.message(switch (kind) {
                    case CREATE -> "register.history.CREATE";
                    case UPDATE -> "register.history.UPDATE";
                    case DELETE -> "register.history.DELETE";
                    case TRANSITION -> "register.history.TRANSITION";
                });
            }
        }
        return action;
    }
}
