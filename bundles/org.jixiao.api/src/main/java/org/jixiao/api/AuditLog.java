package org.jixiao.api;

import org.osgi.annotation.versioning.ProviderType;

/** Append-only record of security-relevant events: logins, admin actions, reads of sensitive fields. */
@ProviderType
public interface AuditLog {

    /**
     * @param actor who acted; null for the anonymous (a failed login names the attempted user in target)
     * @param action a stable dotted id such as {@code youth.delete}
     * @param target what was acted on, e.g. {@code youth:42}
     * @param detail free text, never personal data
     */
    void record(Actor actor, String action, String target, String detail);

    /**
     * The same line, written on the caller's connection inside the caller's transaction: the change and its audit
     * line commit together or not at all. Every write of a record audits this way, from
     * {@link org.jixiao.api.store.Store#inTransaction}; {@link #record(Actor, String, String, String)} is for events
     * that write nothing else (a login, a read).
     *
     * @since 1.2
     */
    void record(java.sql.Connection connection, Actor actor, String action, String target, String detail)
            throws java.sql.SQLException;
}
