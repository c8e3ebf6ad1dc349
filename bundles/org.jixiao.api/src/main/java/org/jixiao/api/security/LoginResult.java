package org.jixiao.api.security;

import java.time.Instant;

import org.jixiao.api.Actor;

/**
 * The outcome of a login attempt. A wrong username and a wrong password give the same {@link Status#INVALID},
 * so a login form reveals nothing about which accounts exist.
 */
public record LoginResult(Status status, Actor actor, boolean mustChangePassword, Instant lockedUntil) {

    public enum Status { OK, INVALID, LOCKED, DISABLED }

    public boolean ok() {
        return status == Status.OK;
    }
}
