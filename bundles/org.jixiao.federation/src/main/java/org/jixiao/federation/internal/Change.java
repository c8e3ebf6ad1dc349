package org.jixiao.federation.internal;

import java.time.Instant;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * One replicated change, as an outbox entry's payload and a message's body: a register record's whole row after the
 * write. {@code created} is when the county committed it, for the lag the city reports.
 */
record Change(String kind, String project, String register, long id, Map<String, String> row, String created) {

    static final String REGISTER = "register";
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    String json() {
        return GSON.toJson(this);
    }

    static Change parse(String json) {
        Change c = GSON.fromJson(json, Change.class);
        if (c == null || c.kind() == null || c.row() == null) {
            throw new IllegalArgumentException("not a change");
        }
        return c;
    }

    Instant createdAt() {
        return created == null ? null : Instant.parse(created);
    }
}
