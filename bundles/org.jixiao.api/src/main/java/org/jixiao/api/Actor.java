package org.jixiao.api;

import java.util.Locale;
import java.util.Set;

/**
 * Who is acting: the logged-in user (browser session or API token) with the org unit that bounds
 * everything they may see.
 *
 * @param roles  the core's roles
 * @param grants the roles key projects declare (e.g. HOPE_OFFICE), by id
 */
public record Actor(long userId, String username, Set<Role> roles, OrgUnit orgUnit, Locale locale,
        Set<String> grants) {

    public Actor {
        roles = Set.copyOf(roles);
        grants = grants == null ? Set.of() : Set.copyOf(grants);
    }

    /** An actor with core roles only. */
    public Actor(long userId, String username, Set<Role> roles, OrgUnit orgUnit, Locale locale) {
        this(userId, username, roles, orgUnit, locale, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the actor holds the role named {@code role}: a core role by its name, or a project's role.
     *
     * @since 1.3
     */
    public boolean hasRole(String role) {
        for (Role r : roles) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return grants.contains(role);
    }

    /** Whether the actor holds any role at all, core or project. */
    public boolean hasAnyRole() {
        return !roles.isEmpty() || !grants.isEmpty();
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
