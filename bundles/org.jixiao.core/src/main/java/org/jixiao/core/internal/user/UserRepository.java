package org.jixiao.core.internal.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jixiao.api.Role;
import org.jixiao.core.internal.schema.Jdbc;

/**
 * The SQL of user accounts, shared by user administration, authentication and the bootstrap. Every method
 * works on the caller's connection, so callers choose the transaction.
 */
public final class UserRepository {

    static final String COLUMNS = "u.ID, u.USERNAME, u.DISPLAY_NAME, u.PASSWORD_HASH, u.ORG_UNIT_ID, u.ENABLED,"
            + " u.MUST_CHANGE_PASSWORD, u.FAILED_LOGINS, " + LoginFailures.LOCKED_UNTIL_COLUMN + ", u.CREATED_AT";

    private UserRepository() {
    }

    /**
     * A user row with its roles and project grants; carries the password hash, so it never leaves the core.
     */
    record Account(long id, String username, String displayName, String passwordHash, long orgUnitId,
            boolean enabled, boolean mustChangePassword, int failedLogins, Instant lockedUntil, Instant createdAt,
            Set<Role> roles, Set<String> grants) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The case-folded form uniqueness and login compare. */
    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static long insert(Connection c, Instant now, String username, String displayName, String passwordHash,
            long orgUnitId, boolean enabled, boolean mustChangePassword, Set<Role> roles) throws SQLException {
        return insert(c, now, username, displayName, passwordHash, orgUnitId, enabled, mustChangePassword, roles,
                Set.of());
    }

    static long insert(Connection c, Instant now, String username, String displayName, String passwordHash,
            long orgUnitId, boolean enabled, boolean mustChangePassword, Set<Role> roles, Set<String> grants)
            throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_USER (USERNAME, USERNAME_KEY, DISPLAY_NAME,"
                + " PASSWORD_HASH, ORG_UNIT_ID, ENABLED, MUST_CHANGE_PASSWORD, FAILED_LOGINS, LOCKED_UNTIL,"
                + " CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, key(username));
            ps.setString(3, displayName);
            ps.setString(4, passwordHash);
            ps.setLong(5, orgUnitId);
            ps.setBoolean(6, enabled);
            ps.setBoolean(7, mustChangePassword);
            Jdbc.setInstant(ps, 8, now);
            Jdbc.setInstant(ps, 9, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for user " + username);
                }
                id = keys.getLong(1);
            }
        }
        insertRoles(c, id, roles, grants);
        return id;
    }

    static void replaceRoles(Connection c, long userId, Set<Role> roles, Set<String> grants) throws SQLException {
        Jdbc.update(c, "DELETE FROM JX_USER_ROLE WHERE USER_ID = ?", userId);
        insertRoles(c, userId, roles, grants);
    }

    // One table for both: a grant is told from a core role on reading, by not being the name of one.
    private static void insertRoles(Connection c, long userId, Set<Role> roles, Set<String> grants)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_USER_ROLE (USER_ID, ROLE) VALUES (?, ?)")) {
            for (Role r : roles) {
                ps.setLong(1, userId);
                ps.setString(2, r.name());
                ps.addBatch();
            }
            for (String grant : grants) {
                ps.setLong(1, userId);
                ps.setString(2, grant);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Sets a user's password; false when there is no such user. A {@code reset} is an admin's: the user must change
     * it at the next login, and the account is unlocked, since the admin vouches for whoever gets the password.
     */
    static boolean setPassword(Connection c, long id, String hash, boolean reset, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_USER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = ?, UPDATED_AT = ?"
                + (reset ? ", FAILED_LOGINS = 0, LOCKED_UNTIL = NULL" : "") + " WHERE ID = ?",
                hash, reset, now, id) == 1;
    }

    static Optional<Account> byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM JX_USER u WHERE u.ID = ?", id);
    }

    static Optional<Account> byUsername(Connection c, String username) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM JX_USER u WHERE u.USERNAME_KEY = ?", key(username));
    }

    /** Whether another account (not {@code exceptId}) already has this username in any letter case. */
    static boolean usernameTaken(Connection c, String username, long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM JX_USER WHERE USERNAME_KEY = ? AND ID <> ?")) {
            ps.setString(1, key(username));
            ps.setLong(2, exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM JX_USER");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Users whose org unit lies below {@code scopePath}, optionally matching {@code query}. */
    static long countInScope(Connection c, String scopePath, String query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM JX_USER u"
                + " JOIN JX_ORG_UNIT o ON o.ID = u.ORG_UNIT_ID WHERE " + scopeFilter(query))) {
            bindScope(ps, scopePath, query);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<Account> listInScope(Connection c, String scopePath, String query, int offset, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM JX_USER u"
                + " JOIN JX_ORG_UNIT o ON o.ID = u.ORG_UNIT_ID WHERE " + scopeFilter(query)
                + " ORDER BY u.USERNAME_KEY, u.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int next = bindScope(ps, scopePath, query);
            ps.setInt(next, offset);
            ps.setInt(next + 1, limit);
            return withRoles(c, rows(ps));
        }
    }

    // Paths hold only digits and slashes, so the scope prefix needs no escaping.
    private static String scopeFilter(String query) {
        String scope = "o.PATH LIKE ?";
        if (query == null) {
            return scope;
        }
        return scope + " AND (u.USERNAME_KEY LIKE ? ESCAPE '" + Jdbc.LIKE_ESCAPE + "' OR LOWER(u.DISPLAY_NAME) LIKE ?"
                + " ESCAPE '" + Jdbc.LIKE_ESCAPE + "')";
    }

    private static int bindScope(PreparedStatement ps, String scopePath, String query) throws SQLException {
        ps.setString(1, scopePath + "%");
        if (query == null) {
            return 2;
        }
        String pattern = Jdbc.containsPattern(query.toLowerCase(Locale.ROOT));
        ps.setString(2, pattern);
        ps.setString(3, pattern);
        return 4;
    }

    private static Optional<Account> one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            List<Account> rows = withRoles(c, rows(ps));
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    private static List<Account> rows(PreparedStatement ps) throws SQLException {
        List<Account> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Account(rs.getLong("ID"), rs.getString("USERNAME"), rs.getString("DISPLAY_NAME"),
                        rs.getString("PASSWORD_HASH"), rs.getLong("ORG_UNIT_ID"), rs.getBoolean("ENABLED"),
                        rs.getBoolean("MUST_CHANGE_PASSWORD"), rs.getInt("FAILED_LOGINS"),
                        Jdbc.getInstant(rs, "LOCKED_UNTIL"), Jdbc.getInstant(rs, "CREATED_AT"), Set.of(),
                        Set.of()));
            }
        }
        return rows;
    }

    private static List<Account> withRoles(Connection c, List<Account> accounts) throws SQLException {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        Map<Long, Set<String>> grants = new HashMap<>();
        roles(c, accounts.stream().map(Account::id).toList(), roles, grants);
        List<Account> out = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            out.add(new Account(a.id(), a.username(), a.displayName(), a.passwordHash(), a.orgUnitId(), a.enabled(),
                    a.mustChangePassword(), a.failedLogins(), a.lockedUntil(), a.createdAt(),
                    roles.getOrDefault(a.id(), Set.of()), grants.getOrDefault(a.id(), Set.of())));
        }
        return out;
    }

    private static void roles(Connection c, Collection<Long> userIds, Map<Long, Set<Role>> roles,
            Map<Long, Set<String>> grants) throws SQLException {
        String marks = userIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT USER_ID, ROLE FROM JX_USER_ROLE WHERE USER_ID IN (" + marks + ")")) {
            int i = 1;
            for (Long id : userIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("ROLE");
                    Role role = parseRole(name);
                    if (role != null) {
                        roles.computeIfAbsent(rs.getLong("USER_ID"), k -> EnumSet.noneOf(Role.class)).add(role);
                    } else {
                        // Also where a role dropped from the enum in a later version ends up: harmless, since
                        // no code checks it any more, and its holders' accounts stay readable.
                        grants.computeIfAbsent(rs.getLong("USER_ID"), k -> new TreeSet<>()).add(name);
                    }
                }
            }
        }
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
