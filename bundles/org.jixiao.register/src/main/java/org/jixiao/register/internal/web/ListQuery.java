package org.jixiao.register.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.register.internal.RegisterEngine;

/**
 * What a list asks for, read from the request's parameters, and the same parameters again for the links that keep
 * it (pager, sorting, export). Page and JSON read the same names: {@code q}, a filter field's name (a date field's
 * {@code <name>.from} and {@code <name>.to}), {@code state}, {@code unit}, {@code parent}, {@code sort},
 * {@code dir=desc}, {@code size}, {@code page} and, for a register that archives, {@code archived=true}. Values that cannot mean anything are dropped, not reported.
 *
 * @param params the parameters in effect, in a stable order, without {@code page}
 */
record ListQuery(RecordQuery query, Map<String, String> params) {

    static final List<Integer> SIZES = List.of(20, 50, 100, 200);

    static ListQuery of(WebRequest r, RegisterDefinition d) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        String q = d.fields().stream().anyMatch(f -> f.has(Field.Flag.SEARCHABLE)) ? r.param("q") : null;
        put(params, "q", q);
        for (Field f : d.fields()) {
            if (!f.has(Field.Flag.FILTER)) {
                continue;
            }
            if (f.type() == FieldType.DATE) {
                String from = date(r.param(f.name() + ".from"));
                String to = date(r.param(f.name() + ".to"));
                put(params, f.name() + ".from", from);
                put(params, f.name() + ".to", to);
                if (from != null || to != null) {
                    filters.put(f.name(), (from == null ? "" : from) + ".." + (to == null ? "" : to));
                }
            } else {
                put(params, f.name(), r.param(f.name()));
                put(filters, f.name(), r.param(f.name()));
            }
        }
        String state = r.param("state");
        if (state != null && (d.workflow() == null || !d.workflow().states().contains(state))) {
            state = null;
        }
        put(params, "state", state);
        put(filters, "state", state);
        Long unit = Values.id(r.param("unit"));
        put(params, "unit", unit == null ? null : unit.toString());
        put(filters, "unit", unit == null ? null : unit.toString());
        if (ListPage.archives(d) && "true".equals(r.param(RegisterEngine.ARCHIVED))) {
            params.put(RegisterEngine.ARCHIVED, "true");
            filters.put(RegisterEngine.ARCHIVED, "true");
        }
        Long parent = d.parent() == null ? null : Values.id(r.param("parent"));
        put(params, "parent", parent == null ? null : parent.toString());
        String sort = r.param("sort");
        if (sort == null || d.field(sort).filter(f -> f.has(Field.Flag.SORTABLE)).isEmpty()) {
            sort = null;
        }
        boolean descending = sort != null && "desc".equals(r.param("dir"));
        put(params, "sort", sort);
        put(params, "dir", descending ? "desc" : null);
        int size = number(r.param("size"), RecordQuery.DEFAULT_SIZE);
        size = size > RecordQuery.MAX_SIZE ? RecordQuery.DEFAULT_SIZE : size;
        params.put("size", String.valueOf(size));
        return new ListQuery(new RecordQuery(q, filters, sort, descending, number(r.param("page"), 1), size, parent),
                params);
    }

    /** The path with the query's parameters, less those named in {@code without}, plus {@code extra}. */
    String url(String path, Set<String> without, Map<String, String> extra) {
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        Map<String, String> all = new LinkedHashMap<>(params);
        all.keySet().removeAll(without);
        all.putAll(extra);
        for (Map.Entry<String, String> e : all.entrySet()) {
            out.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return out.toString();
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String text, int fallback) {
        return text != null && text.matches("[1-9]\\d{0,8}") ? Integer.parseInt(text) : fallback;
    }
}
