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
}
