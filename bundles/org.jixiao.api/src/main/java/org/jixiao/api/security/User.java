package org.jixiao.api.security;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.Role;

/**
 * A user account as admins see it; never carries the password hash.
 *
 * @param grants the roles key projects declare ({@link org.jixiao.api.project.ProjectRole} ids), sorted. A grant
 *               whose project is not active (uninstalled, failed) stays here, so it returns with its project; it
 *               gives no access meanwhile, since only that project's code checks it.
 */
public record User(long id, String username, String displayName, Set<Role> roles, long orgUnitId,
        String orgUnitName, boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant createdAt,
        Set<String> grants) {

    public User {
        roles = Set.copyOf(roles);
        // Sorted: pages and JSON list them in a stable order.
        grants = grants == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(grants));
    }

    /** A user with core roles only. */
    public User(long id, String username, String displayName, Set<Role> roles, long orgUnitId, String orgUnitName,
            boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant createdAt) {
        this(id, username, displayName, roles, orgUnitId, orgUnitName, enabled, mustChangePassword, lockedUntil,
                createdAt, Set.of());
    }
}
