package org.jixiao.api;

import java.util.Locale;
import java.util.Set;

/**
 * Who is acting: the logged-in user (browser session or API token) with the org unit that bounds
 * everything they may see.
 */
public record Actor(long userId, String username, Set<Role> roles, OrgUnit orgUnit, Locale locale) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff and admins may write; a viewer only reads. */
    public boolean canWrite() {
        return has(Role.STAFF) || has(Role.ADMIN);
    }

    /** True when {@code unit} lies in this actor's scope (their own unit or below). */
    public boolean covers(OrgUnit unit) {
        return orgUnit.covers(unit);
    }
}
