package org.jixiao.federation.internal;

import java.time.Instant;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * One replicated change, as an outbox entry's payload and a message's body: a register record's whole row after the
 * write ({@link #REGISTER}: by project, register and id), or a core table's row by its key ({@link #ROW}: null when
 * the row is gone). {@code created} is when the county committed it, for the lag the city reports.
 */
record Change(String kind, String project, String register, long id, Map<String, String> row, String created,
        String table, Map<String, String> key) {

    static final String REGISTER = "register";
    static final String ROW = "row";

    Change(String kind, String project, String register, long id, Map<String, String> row, String created) {
        this(kind, project, register, id, row, created, null, null);
    }

    static Change row(String table, Map<String, String> key, Map<String, String> row, String created) {
        return new Change(ROW, null, null, 0, row, created, table, key);
    }
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    String json() {
        return GSON.toJson(this);
    }

    static Change parse(String json) {
        Change c = GSON.fromJson(json, Change.class);
        if (c == null || c.kind() == null || (c.row() == null && !ROW.equals(c.kind()))
                || (ROW.equals(c.kind()) && (c.table() == null || c.key() == null || c.key().isEmpty()))) {
            throw new IllegalArgumentException("not a change");
        }
        return c;
    }

    /** What the change is about, for the city's list of refusals: {@code project/register:id} or {@code table:key}. */
    String target() {
        String t = ROW.equals(kind) ? table + ":" + (key == null ? "" : String.join(",", new java.util.TreeMap<>(key).values()))
                : project + "/" + register + ":" + id;
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    Instant createdAt() {
        return created == null ? null : Instant.parse(created);
    }
}
