package org.jixiao.core.internal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.jixiao.api.Actor;
import org.jixiao.core.internal.schema.Jdbc;

/**
 * Writes audit rows on a caller's connection. Core services audit inside the transaction of the change
 * itself, so a change is never committed without its audit row, nor an audit row without its change.
 */
public final class AuditRecords {

    static final int ACTION_MAX = 100;
    static final int TARGET_MAX = 200;
    static final int DETAIL_MAX = 1000;
    static final int CLIENT_MAX = 100;
    static final int ACTOR_NAME_MAX = 40;

    private AuditRecords() {
    }

    /**
     * Inserts one row. Over-long values are cut rather than refused: the target of a failed login carries
     * whatever the client typed, and an audit write must not fail on it.
     *
     * @param actor who acted, or null for the anonymous
     * @param client the client's address, or null when unknown
     */
    public static void insert(Connection c, Instant at, Actor actor, String action, String target, String detail,
            String client) throws SQLException {
        Objects.requireNonNull(at, "at");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit action is required");
        }
        Jdbc.update(c, "INSERT INTO JX_AUDIT"
                + " (OCCURRED_AT, ACTOR_ID, ACTOR_NAME, ACTION, TARGET, DETAIL, CLIENT) VALUES (?, ?, ?, ?, ?, ?, ?)",
                at, actor == null ? null : actor.userId(),
                actor == null ? null : Jdbc.truncate(actor.username(), ACTOR_NAME_MAX),
                Jdbc.truncate(action, ACTION_MAX), Jdbc.truncate(target, TARGET_MAX), Jdbc.truncate(detail, DETAIL_MAX),
                Jdbc.truncate(client, CLIENT_MAX));
    }
}
