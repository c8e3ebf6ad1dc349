package org.jixiao.api.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** Logins, password changes and personal API tokens. */
@ProviderType
public interface Authentication {

    /** Failed logins in a row, from one client address for one name, that lock that address out of that name. */
    int MAX_FAILED_LOGINS = 5;

    /** How long such a lock lasts, in minutes. */
    int LOCK_MINUTES = 15;

    /**
     * Checks the password, counts failures per client address and attempted name (known or not, alike), locks
     * that pair after {@link #MAX_FAILED_LOGINS}, audits every attempt. The owner logging in from another address
     * is not locked out by someone guessing elsewhere.
     */
    LoginResult login(String username, char[] password, String clientAddress, Locale locale);

    /** The actor for a session's user, or empty when the user was disabled or deleted meanwhile. */
    Optional<Actor> actor(long userId, Locale locale);

    /**
     * Changes the actor's own password after checking the current one.
     *
     * @throws org.jixiao.api.ValidationException with {@code currentPassword} or {@code newPassword} keys
     */
    default void changePassword(Actor actor, char[] currentPassword, char[] newPassword) {
        changePassword(actor, currentPassword, newPassword, null);
    }

    /**
     * Changes the actor's own password after checking the current one, and revokes every API token of the actor
     * that was not minted by {@code origin}: whoever else held the old password may have minted some.
     *
     * @param origin the secret of the login that changes the password (its session's or its bearer token), as
     *        given to {@link #createToken(Actor, String, String)}; null revokes every token
     * @throws org.jixiao.api.ValidationException with {@code currentPassword} or {@code newPassword} keys
     */
    void changePassword(Actor actor, char[] currentPassword, char[] newPassword, String origin);

    /** True while the user still has to replace an initial or reset password. */
    boolean mustChangePassword(long userId);

    /** Creates a token for the actor; the returned plaintext is never stored and cannot be shown again. */
    default String createToken(Actor actor, String name) {
        return createToken(actor, name, null);
    }

    /**
     * As {@link #createToken(Actor, String)}, remembering (hashed) which login minted it, so that a password change
     * from that login keeps it and one from any other revokes it.
     *
     * @param origin a secret of the minting login: its browser session's, or the bearer token it called with
     */
    String createToken(Actor actor, String name, String origin);

    List<ApiToken> tokens(Actor actor);

    void revokeToken(Actor actor, long tokenId);

    /** The actor a bearer token stands for, or empty for an unknown or revoked token. */
    Optional<Actor> authenticateToken(String token, Locale locale);
}
