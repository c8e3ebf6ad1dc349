package org.jixiao.api.security;

import java.util.Set;

import org.jixiao.api.Role;

/**
 * What an admin submits to create or change a user. {@code password} is only read on creation.
 *
 * @param grants the roles of active key projects to hold ({@link org.jixiao.api.project.ProjectRole} ids); null
 *               keeps a user's grants as they are (none for a new user), so a caller that knows nothing of them
 *               cannot drop them by accident
 */
public record UserDraft(String username, String displayName, Set<Role> roles, Long orgUnitId, Boolean enabled,
        String password, Set<String> grants) {

    /** A draft that leaves the grants as they are. */
    public UserDraft(String username, String displayName, Set<Role> roles, Long orgUnitId, Boolean enabled,
            String password) {
        this(username, displayName, roles, orgUnitId, enabled, password, null);
    }
}
