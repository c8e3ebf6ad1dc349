package org.jixiao.web.internal;

/**
 * A browser session: who is logged in (if anybody) and the CSRF token every POST from it must carry. Anonymous
 * sessions exist too, so that the login form itself is CSRF-protected.
 */
final class WebSession {

    final String id;
    final String csrfToken;
    final Long userId;
    /**
     * A secret of the login this session continues: kept when a password change rotates the session, and handed to
     * the core as the origin of the tokens it mints, so that a password change keeps this login's tokens only.
     */
    final String origin;
    volatile long lastSeenMillis;
    /** Set at login from the account; cleared when the user replaced the initial or reset password. */
    volatile boolean mustChangePassword;

    WebSession(String id, String csrfToken, Long userId, String origin, long now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.userId = userId;
        this.origin = origin;
        this.lastSeenMillis = now;
    }

    boolean authenticated() {
        return userId != null;
    }
}
