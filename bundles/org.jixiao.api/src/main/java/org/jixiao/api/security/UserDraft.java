package org.jixiao.api.security;

import java.util.Set;

import org.jixiao.api.Role;

/** What an admin submits to create or change a user. {@code password} is only read on creation. */
public record UserDraft(String username, String displayName, Set<Role> roles, Long orgUnitId, Boolean enabled,
        String password) {
}
