package org.jixiao.api.security;

import java.time.Instant;
import java.util.Set;

import org.jixiao.api.Role;

/** A user account as admins see it; never carries the password hash. */
public record User(long id, String username, String displayName, Set<Role> roles, long orgUnitId,
        String orgUnitName, boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
    }
}
