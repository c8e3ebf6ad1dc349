package org.jixiao.api.testing;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;

/**
 * An audit log kept as lines {@code "action target detail"} (no detail: {@code "action target"}), the transactional
 * form writing the same line at once, as the node's log does at commit.
 */
public final class AuditLines implements AuditLog {

    private final List<String> lines;

    public AuditLines() {
        this(new CopyOnWriteArrayList<>());
    }

    /** Writes into {@code lines}, a list the test reads and clears. */
    public AuditLines(List<String> lines) {
        this.lines = lines;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void record(Actor actor, String action, String target, String detail) {
        lines.add(action + " " + target + (detail == null ? "" : " " + detail));
    }

    @Override
    public void record(Connection connection, Actor actor, String action, String target, String detail) {
        record(actor, action, target, detail);
    }
}
