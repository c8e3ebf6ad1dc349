package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Scope;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.RegisterEngine;

/**
 * A register's list page: search, filters, sortable columns, page size, pager, and the links to a new record, to
 * import and to export what the filters select. Also the tables of a record's children on its page.
 */
final class ListPage {

    private ListPage() {
    }

    /** Whether the register archives records ({@link Field.Flag#ARCHIVE}). */
    static boolean archives(RegisterDefinition d) {
        return d.fields().stream().anyMatch(f -> f.has(Field.Flag.ARCHIVE));
    }

    static WebResult page(Site site, WebRequest r, RegisterDefinition d) {
        ListQuery lq = ListQuery.of(r, d);
        Page<RegisterRecord> page = site.service.list(r.actor(), site.project, d.id(), lq.query());
        Values values = new Values(site, r);
        values.prefetch(d, page.items());
        List<OrgUnit> units = site.lookups.units(r.actor());
        String path = "/" + d.id();
        Form form = new Form(site, r, values, d);

        Map<String, Object> model = new HashMap<>();
        model.put("title", Values.title(r, d));
        model.put("nav", site.nav(r, d));
        model.put("flash", flash(r));
        Table table = table(site, r, values, d, page.items(), page.offset(), units.size() > 1, lq);
        model.put("columns", table.columns());
        model.put("rows", table.rows());
        model.put("page", new Page<>(table.rows(), page.page(), page.size(), page.total()));
        model.put("pagerUrl", lq.url(path, Set.of(), Map.of()));
        model.put("listHref", path);
        model.put("searchable", d.fields().stream().anyMatch(f -> f.has(Field.Flag.SEARCHABLE)));
        model.put("q", lq.param("q"));
        // The fields searched by their whole value (encrypted: only a keyed hash is in the database) are named, so
        // that a part typed and nothing found is not taken for "not registered".
        List<String> whole = d.fields().stream().filter(f -> f.has(Field.Flag.SEARCHABLE)
                && f.has(Field.Flag.ENCRYPTED)).map(f -> Values.label(r, d, f)).toList();
        model.put("searchHelp", whole.isEmpty() ? "" : r.message("register.search.whole", String.join("、", whole)));
        model.put("filters", filters(r, d, form, lq, units));
        model.put("sizes", ListQuery.SIZES.stream().map(String::valueOf).toList());
        model.put("size", lq.param("size"));
        List<Map<String, Object>> hidden = new ArrayList<>();
        for (String keep : List.of("sort", "dir", "parent")) {
            if (!lq.param(keep).isEmpty()) {
                hidden.add(Map.of("name", keep, "value", lq.param(keep)));
            }
        }
        model.put("hidden", hidden);
        boolean writes = Site.writes(r.actor(), d);
        String parent = lq.param("parent");
        model.put("newHref", !writes ? "" : path + "/new" + (parent.isEmpty() ? "" : "?parent=" + parent));
        model.put("importHref", writes ? path + "/import" : "");
        model.put("exportHref", lq.url(path + "/export", Set.of("size"), Map.of()));
        // Archived records are left out unless asked for: the link switches between the current and the archived.
        boolean archived = !lq.param(RegisterEngine.ARCHIVED).isEmpty();
        // A need-to-know register's archive is its office's: a helper gets no link to a list it would be refused.
        boolean mayArchive = archives(d) && (d.scope() != Scope.NEED_TO_KNOW
                || d.offices().stream().anyMatch(r.actor()::hasRole));
        model.put("archivedHref", !mayArchive ? "" : archived ? lq.url(path, Set.of(RegisterEngine.ARCHIVED), Map.of())
                : lq.url(path, Set.of(), Map.of(RegisterEngine.ARCHIVED, "true")));
        model.put("archivedLabel", r.message(archived ? "register.list.current" : "register.list.archived"));
        model.put("pages", d.pages().stream().map(p -> Map.of("href", "/" + p.path(), "label", r.message(p.labelKey())))
                .toList());
        return WebResult.page("register/list", model);
    }

    /** The message a list or record page shows after the write that led there. */
    static String flash(WebRequest r) {
        String what = r.param("saved");
        if (what == null) {
            return "";
        }
        return r.message(switch (what) {
            case "deleted" -> "register.flash.deleted";
            case "step" -> "register.flash.step";
            case "asked" -> "register.flash.unsealAsked";
            case "approved" -> "register.flash.unsealApproved";
            default -> "register.flash.saved";
        });
    }

    // ---------------------------------------------------------------- table

    /** Column heads ({@code label}, sort {@code href} and {@code sort} state) and rows of cells. */
    record Table(List<Map<String, Object>> columns, List<Map<String, Object>> rows) {
    }

    /**
     * The listed fields of {@code records} as a table: a row number, the parent of a child register's record, the
     * listed fields (private ones left out), the workflow state and, for a reader of several units, the unit. The
     * title cell links to the record. With {@code lq}, sortable heads link to the list sorted by them.
     */
    static Table table(Site site, WebRequest r, Values values, RegisterDefinition d, List<RegisterRecord> records,
            int offset, boolean showUnit, ListQuery lq) {
        List<Field> listed = d.fields().stream().filter(f -> f.has(Field.Flag.LISTED) && !f.has(Field.Flag.PRIVATE))
                .toList();
        Field linked = listed.stream().filter(f -> f.has(Field.Flag.TITLE)).findFirst()
                .orElse(listed.isEmpty() ? null : listed.get(0));
        boolean showParent = d.parent() != null && lq != null;
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(r.message("register.column.number"), "", ""));
        if (showParent) {
            columns.add(column(Values.title(r, site.register(d.parent())), "", ""));
        }
        for (Field f : listed) {
            columns.add(sortColumn(Values.label(r, d, f), f, d, lq));
        }
        if (d.workflow() != null) {
            columns.add(column(r.message("register.state"), "", ""));
        }
        if (showUnit) {
            columns.add(column(r.message("register.unit"), "", ""));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RegisterRecord rec : records) {
            String self = "/" + d.id() + "/" + rec.id();
            List<Map<String, Object>> cells = new ArrayList<>();
            cells.add(cell(String.valueOf(offset + rows.size() + 1), linked == null ? self : null));
            if (showParent) {
                cells.add(rec.parentId() == null ? cell("", null)
                        : cell(values.title(d.parent(), rec.parentId()), "/" + d.parent() + "/" + rec.parentId()));
            }
            for (Field f : listed) {
                Object v = rec.value(f.name());
                cells.add(cell(values.text(d, f, v, true), f == linked ? self : Values.link(f, v)));
            }
            if (d.workflow() != null) {
                cells.add(cell(Values.state(r, d, rec.state()), null));
            }
            if (showUnit) {
                cells.add(cell(values.unit(rec.unitId()), null));
            }
            rows.add(Map.of("cells", cells, "href", self));
        }
        return new Table(columns, rows);
    }

    private static Map<String, Object> sortColumn(String label, Field f, RegisterDefinition d, ListQuery lq) {
        if (lq == null || !f.has(Field.Flag.SORTABLE)) {
            return column(label, "", "");
        }
        boolean sorted = f.name().equals(lq.query().sort());
        boolean descending = sorted && lq.query().descending();
        String href = lq.url("/" + d.id(), Set.of("sort", "dir"),
                sorted && !descending ? Map.of("sort", f.name(), "dir", "desc") : Map.of("sort", f.name()));
        return column(label, href, !sorted ? "" : descending ? "descending" : "ascending");
    }

    private static Map<String, Object> column(String label, String href, String sort) {
        return Map.of("label", label, "href", href, "sort", sort);
    }

    private static Map<String, Object> cell(String text, String link) {
        return Map.of("text", text, "link", link == null ? "" : link);
    }

    // ---------------------------------------------------------------- filters

    /**
     * The list's filters: a select for fields picked from a list, a date range, a text box for the rest; the
     * workflow state; the unit for a reader of several units. Each with its current value.
     */
    private static List<Map<String, Object>> filters(WebRequest r, RegisterDefinition d, Form form, ListQuery lq,
            List<OrgUnit> units) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Field f : d.fields()) {
            if (!f.has(Field.Flag.FILTER)) {
                continue;
            }
            Map<String, Object> filter = filter(f.name(), Values.label(r, d, f), lq);
            switch (f.type()) {
                case CHOICE, MULTI_CHOICE, BOOLEAN, USER -> filter.put("options", form.options(f, null,
                        lq.param(f.name())));
                case REFERENCE -> filter.put("options", form.records(f.target(), null, lq.param(f.name())));
                case DATE -> {
                    filter.put("kind", "dates");
                    filter.put("from", lq.param(f.name() + ".from"));
                    filter.put("to", lq.param(f.name() + ".to"));
                }
                default -> filter.put("kind", "text");
            }
            out.add(filter);
        }
        if (d.workflow() != null) {
            Map<String, Object> filter = filter("state", r.message("register.state"), lq);
            filter.put("options", d.workflow().states().stream()
                    .map(s -> Form.option(s, Values.state(r, d, s))).toList());
            out.add(filter);
        }
        if (units.size() > 1) {
            Map<String, Object> filter = filter("unit", r.message("register.unit"), lq);
            filter.put("options", Form.units(units));
            out.add(filter);
        }
        return out;
    }

    private static Map<String, Object> filter(String name, String label, ListQuery lq) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("kind", "select");
        filter.put("name", name);
        filter.put("label", label);
        filter.put("value", lq.param(name));
        filter.put("options", List.of());
        return filter;
    }
}
