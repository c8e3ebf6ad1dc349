package org.jixiao.api.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** Logins, password changes and personal API tokens. */
@ProviderType
public interface Authentication {

    /** Failed logins in a row that lock an account. */
    int MAX_FAILED_LOGINS = 5;

    /** How long a locked account stays locked, in minutes. */
    int LOCK_MINUTES = 15;

    /** Checks the password, counts failures, locks after {@link #MAX_FAILED_LOGINS}, audits every attempt. */
    LoginResult login(String username, char[] password, String clientAddress, Locale locale);

    /** The actor for a session's user, or empty when the user was disabled or deleted meanwhile. */
    Optional<Actor> actor(long userId, Locale locale);

    /**
     * Changes the actor's own password after checking the current one.
     *
     * @throws org.jixiao.api.ValidationException with {@code currentPassword} or {@code newPassword} keys
     */
    void changePassword(Actor actor, char[] currentPassword, char[] newPassword);

    /** True while the user still has to replace an initial or reset password. */
    boolean mustChangePassword(long userId);

    /** Creates a token for the actor; the returned plaintext is never stored and cannot be shown again. */
    String createToken(Actor actor, String name);

    List<ApiToken> tokens(Actor actor);

    void revokeToken(Actor actor, long tokenId);

    /** The actor a bearer token stands for, or empty for an unknown or revoked token. */
    Optional<Actor> authenticateToken(String token, Locale locale);
}
