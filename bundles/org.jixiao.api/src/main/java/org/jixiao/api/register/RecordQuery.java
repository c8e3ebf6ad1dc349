package org.jixiao.api.register;

import java.util.Map;

/**
 * What a list asks for.
 *
 * @param search  text matched against the searchable fields, or null
 * @param filters field name (or {@code state}, {@code unit}) to a code, an id or, for a date, {@code from..to}
 * @param sort    a sortable field name, or null for the register's order (newest first)
 * @param page    from 1
 * @param size    rows per page, at most {@link #MAX_SIZE}
 * @param parent  the parent record of a child register, or null for all the reader may see
 */
public record RecordQuery(String search, Map<String, String> filters, String sort, boolean descending, int page,
        int size, Long parent) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 20;

    public RecordQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static RecordQuery firstPage() {
        return new RecordQuery(null, Map.of(), null, false, 1, DEFAULT_SIZE, null);
    }
}
