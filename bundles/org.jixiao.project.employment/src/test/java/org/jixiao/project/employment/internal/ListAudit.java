package org.jixiao.project.employment.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;

final class ListAudit implements AuditLog {

    record Entry(String user, String action, String target, String detail) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(Actor actor, String action, String target, String detail) {
        entries.add(new Entry(actor == null ? null : actor.username(), action, target, detail));
    }

    /** Kept at once, as the node's log keeps it at commit: tests check refused writes never reach this call. */
    @Override
    public void record(java.sql.Connection connection, Actor actor, String action, String target, String detail) {
        record(actor, action, target, detail);
    }

    List<Entry> withAction(String action) {
        return entries.stream().filter(e -> e.action().equals(action)).toList();
    }
}
