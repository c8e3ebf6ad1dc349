package org.jixiao.core.internal.user;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.jixiao.api.security.Authentication;
import org.jixiao.core.internal.schema.Jdbc;

/**
 * Failed logins per client address and attempted name ({@code JX_LOGIN_FAILURE}). Counting per pair rather than per
 * account is what keeps a guesser from locking the owner out: the owner comes from another address. A name that
 * does not exist is counted like one that does, so a lock says nothing about which accounts exist.
 */
final class LoginFailures {

    static final Duration LOCK = Duration.ofMinutes(Authentication.LOCK_MINUTES);
    /** The client of a wrong current password on the password form: a session, not an address. */
    static final String PASSWORD_FORM = "password-form";
    private static final int CLIENT_MAX = 100;
    private static final int NAME_MAX = 40;
    private static final String DUPLICATE_KEY = "23505";

    private LoginFailures() {
    }

    /** The counted form of a client address; an unknown one ("") is one client too. */
    static String client(String address) {
        String a = address == null ? "" : address.strip();
        return a.length() > CLIENT_MAX ? a.substring(0, CLIENT_MAX) : a;
    }

    /** The counted form of an attempted name: case-folded as logins compare, cut to the column. */
    static String name(String attempted) {
        String k = UserRepository.key(attempted == null ? "" : attempted);
        return k.length() > NAME_MAX ? k.substring(0, NAME_MAX) : k;
    }

    /** Until when the pair is locked, or null when it is not (or its lock ran out). */
    static Instant lockedUntil(Connection c, String client, String name, Instant now) throws SQLException {
        Instant until = Jdbc.one(c, "SELECT LOCKED_UNTIL FROM JX_LOGIN_FAILURE WHERE CLIENT = ? AND USERNAME_KEY = ?",
                rs -> Jdbc.getInstant(rs, "LOCKED_UNTIL"), client, name);
        return until != null && until.isAfter(now) ? until : null;
    }

    /**
     * What counting a failure gave: the failures in the series so far (this one included; 0 when the pair was
     * locked already) and until when the pair is now locked, null while it is under the limit.
     */
    record Counted(int failures, Instant lockedUntil) {
    }

    /** Counts one failure of the pair. The row lock the update takes orders parallel failures, so none is lost. */
    static Counted count(Connection c, String client, String name, Instant now) throws SQLException {
        // Pairs that stopped trying before a lock could run out are forgotten: they would count from naught anyway.
        Jdbc.update(c, "DELETE FROM JX_LOGIN_FAILURE WHERE LAST_AT < ? AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL < ?)",
                now.minus(LOCK), now);
        Instant locked = lockedUntil(c, client, name, now);
        if (locked != null) {
            return new Counted(0, locked);
        }
        if (increment(c, client, name, now) == 0) {
            try {
                Jdbc.update(c, "INSERT INTO JX_LOGIN_FAILURE (CLIENT, USERNAME_KEY, FAILURES, LOCKED_UNTIL, LAST_AT)"
                        + " VALUES (?, ?, 1, NULL, ?)", client, name, now);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // A parallel first failure inserted the row: count this one on it.
                increment(c, client, name, now);
            }
        }
        int failures = Jdbc.one(c, "SELECT FAILURES FROM JX_LOGIN_FAILURE WHERE CLIENT = ? AND USERNAME_KEY = ?",
                rs -> rs.getInt(1), client, name);
        if (failures < Authentication.MAX_FAILED_LOGINS) {
            return new Counted(failures, null);
        }
        // The count starts again, so after the lock runs out the next series is again MAX_FAILED_LOGINS long.
        Instant until = now.plus(LOCK);
        Jdbc.update(c, "UPDATE JX_LOGIN_FAILURE SET FAILURES = 0, LOCKED_UNTIL = ? WHERE CLIENT = ? AND USERNAME_KEY = ?",
                until, client, name);
        return new Counted(failures, until);
    }

    private static int increment(Connection c, String client, String name, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_LOGIN_FAILURE SET FAILURES = FAILURES + 1, LAST_AT = ?"
                + " WHERE CLIENT = ? AND USERNAME_KEY = ?", now, client, name);
    }

    /** A success from the pair clears its count; a lock set meanwhile stays (the caller checked it first). */
    static void clear(Connection c, String client, String name, Instant now) throws SQLException {
        Jdbc.update(c, "DELETE FROM JX_LOGIN_FAILURE WHERE CLIENT = ? AND USERNAME_KEY = ?"
                + " AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL <= ?)", client, name, now);
    }

    /** An admin's unlock or reset: every address's count and lock of the user's name. */
    static void clearAll(Connection c, long userId) throws SQLException {
        Jdbc.update(c, "DELETE FROM JX_LOGIN_FAILURE WHERE USERNAME_KEY IN (SELECT USERNAME_KEY FROM JX_USER WHERE ID = ?)",
                userId);
    }

    /**
     * What the users pages show as an account's lock, as a column of {@code JX_USER u}: the latest lock any address
     * holds on its name (JX_USER's own FAILED_LOGINS and LOCKED_UNTIL are no longer written).
     */
    static final String LOCKED_UNTIL_COLUMN =
            "(SELECT MAX(f.LOCKED_UNTIL) FROM JX_LOGIN_FAILURE f WHERE f.USERNAME_KEY = u.USERNAME_KEY) AS LOCKED_UNTIL";
}
