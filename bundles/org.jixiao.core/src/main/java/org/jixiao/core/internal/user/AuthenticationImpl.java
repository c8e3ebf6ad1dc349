package org.jixiao.core.internal.user;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;
import org.jixiao.api.security.ApiToken;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.LoginResult.Status;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.security.PasswordHasher;
import org.jixiao.core.internal.security.Tokens;
import org.jixiao.core.internal.user.UserRepository.Account;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Logins, password changes and API tokens. Password hashing runs outside any transaction (it takes a good
 * fraction of a second); the counters it feeds are then updated with conditional statements, so parallel
 * attempts can neither lose a failure nor slip past a lock set meanwhile.
 */
@Component(service = Authentication.class)
public final class AuthenticationImpl implements Authentication {

    static final String TOKEN_PREFIX = "jx_";
    static final int TOKEN_BYTES = 32;
    static final int TOKEN_DISPLAY_CHARS = 8;
    static final int TOKEN_NAME_MAX = 60;
    // Each API call would otherwise write the token row; to the minute is all its owner needs to see.
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final Store store;
    private final OrgUnitService orgUnits;
    private final PasswordHasher hasher;
    private final Clock clock;
    // Verified against when the username is unknown, so that such a login costs as long as a real one.
    private final String dummyHash;
    /** Who each user is, roles included, and what each token names: read once, not on every API call. */
    private final Cached<Long, Account> accounts;
    private final Cached<String, TokenRow> tokenRows;

    /** A live token's row: whose it is and when it was last used. */
    private record TokenRow(long id, long userId, Instant lastUsedAt) {
    }

    @Activate
    public AuthenticationImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits) {
        this(store, orgUnits, new PasswordHasher(), Clock.systemUTC());
    }

    AuthenticationImpl(Store store, OrgUnitService orgUnits, PasswordHasher hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Not hasher.hash(...): a PBKDF2 here would hold up every start-up (issue 18) for a hash nobody knows.
        this.dummyHash = hasher.decoy();
        this.accounts = new Cached<>(clock);
        this.tokenRows = new Cached<>(clock);
    }

    // ---------------------------------------------------------------- login

    @Override
    public LoginResult login(String username, char[] givenPassword, String clientAddress, Locale locale) {
        // A missing password is hashed like any other, or its quick refusal would tell which accounts exist.
        char[] password = givenPassword == null ? new char[0] : givenPassword;
        String attempted = username == null ? "" : username.strip();
        String client = LoginFailures.client(clientAddress);
        String name = LoginFailures.name(attempted);
        Account account = attempted.isEmpty() ? null
                : store.read(c -> UserRepository.byUsername(c, attempted)).orElse(null);
        String target = "user:" + (account == null ? attempted : account.username());
        Instant locked = store.read(c -> LoginFailures.lockedUntil(c, client, name, clock.instant()));
        if (locked != null) {
            // Not even checked: a lock that a right guess could lift would be no lock. A name that does not exist
            // is locked the same way, so the answer tells nothing about which accounts exist.
            audit(null, "login.locked", target, "locked until " + locked, clientAddress);
            return new LoginResult(Status.LOCKED, null, false, locked);
        }
        if (account == null) {
            hasher.verify(password, dummyHash);
            return failed(client, name, target, "unknown user", clientAddress);
        }

        boolean correct = hasher.verify(password, account.passwordHash());
        if (!correct) {
            return failed(client, name, target, null, clientAddress);
        }
        if (!account.enabled()) {
            audit(null, "login.failed", target, "disabled", clientAddress);
            return new LoginResult(Status.DISABLED, null, false, null);
        }
        Optional<Actor> actor = actorOf(account, locale);
        if (actor.isEmpty()) {
            audit(null, "login.failed", target, "org unit missing", clientAddress);
            return new LoginResult(Status.INVALID, null, false, null);
        }
        String rehash = hasher.needsRehash(account.passwordHash()) ? hasher.hash(password) : null;
        Instant lockedMeanwhile = store.inTransaction(c -> {
            Instant t = clock.instant();
            Instant until = LoginFailures.lockedUntil(c, client, name, t);
            if (until != null) {
                AuditRecords.insert(c, t, null, "login.locked", target, "locked until " + until, clientAddress);
                return until;
            }
            LoginFailures.clear(c, client, name, t);
            if (rehash != null) {
                Jdbc.update(c, "UPDATE JX_USER SET PASSWORD_HASH = ? WHERE ID = ?", rehash, account.id());
            }
            AuditRecords.insert(c, t, actor.get(), "login.ok", target, null, clientAddress);
            return null;
        });
        if (lockedMeanwhile != null) {
            return new LoginResult(Status.LOCKED, null, false, lockedMeanwhile);
        }
        return new LoginResult(Status.OK, actor.get(), account.mustChangePassword(), null);
    }

    /** Counts a failure of the pair; the attempt that reaches the limit is answered as locked already. */
    private LoginResult failed(String client, String name, String target, String why, String clientAddress) {
        return store.inTransaction(c -> {
            Instant now = clock.instant();
            LoginFailures.Counted counted = LoginFailures.count(c, client, name, now);
            String failures = counted.failures() == 0 ? "" : "failed logins: " + counted.failures();
            String detail = why == null ? failures : failures.isEmpty() ? why : why + ", " + failures;
            if (counted.lockedUntil() == null) {
                AuditRecords.insert(c, now, null, "login.failed", target, detail, clientAddress);
                return new LoginResult(Status.INVALID, null, false, null);
            }
            AuditRecords.insert(c, now, null, "login.locked", target,
                    (detail.isEmpty() ? "" : detail + ", ") + "locked until " + counted.lockedUntil(), clientAddress);
            return new LoginResult(Status.LOCKED, null, false, counted.lockedUntil());
        });
    }

    private void audit(Actor actor, String action, String target, String detail, String client) {
        store.inTransaction(c -> {
            AuditRecords.insert(c, clock.instant(), actor, action, target, detail, client);
            return null;
        });
    }

    // ---------------------------------------------------------------- sessions and passwords

    @Override
    public Optional<Actor> actor(long userId, Locale locale) {
        return accounts.get(userId, () -> store.read(c -> UserRepository.byId(c, userId)))
                .filter(Account::enabled)
                .flatMap(a -> actorOf(a, locale));
    }

    /**
     * A department (组织部, 书记室, 学少部…) is part of the committee above it, not a unit of its own: its people act
     * with the committee's scope, so a city department's TARGET_SETTER, TARGET_APPROVER, ASSESSOR or BONUS_APPROVER
     * does the city's work.
     */
    private Optional<Actor> actorOf(Account a, Locale locale) {
        Optional<OrgUnit> unit = orgUnits.find(a.orgUnitId()).flatMap(u -> u.level() == OrgLevel.DEPARTMENT
                && u.parentId() != null ? orgUnits.find(u.parentId()) : Optional.of(u));
        // Every grant, including those of a project that is away: only that project's code checks them.
        return unit.map(u -> new Actor(a.id(), a.username(), a.roles(), u,
                locale == null ? Locale.ROOT : locale, a.grants()));
    }

    @Override
    public void changePassword(Actor actor, char[] currentPassword, char[] newPassword, String origin) {
        Objects.requireNonNull(actor, "actor");
        Account account = store.read(c -> UserRepository.byId(c, actor.userId()))
                .orElseThrow(() -> new NotFoundException("user:" + actor.userId()));
        ValidationException.Collector errors = new ValidationException.Collector();
        String name = LoginFailures.name(account.username());
        if (store.read(c -> LoginFailures.lockedUntil(c, LoginFailures.PASSWORD_FORM, name, clock.instant())) != null) {
            throw ValidationException.of("currentPassword", "login.locked");
        }
        boolean currentOk = hasher.verify(currentPassword, account.passwordHash());
        if (!currentOk) {
            // Counted like a failed login: otherwise this form would be a guesser (with a stolen session) that never
            // locks. Its own count, so that it locks this form and never the owner's logins.
            failed(LoginFailures.PASSWORD_FORM, name, "user:" + account.username(), "password form", null);
            errors.add("currentPassword", "password.wrong");
        }
        String candidate = newPassword == null ? null : new String(newPassword);
        PasswordHasher.weakness(candidate, account.username()).ifPresent(key -> errors.add("newPassword", key));
        if (currentOk && !errors.has("newPassword") && Arrays.equals(currentPassword, newPassword)) {
            errors.add("newPassword", "password.unchanged");
        }
        errors.throwIfAny();

        String hash = hasher.hash(newPassword);
        store.inTransaction(c -> {
            if (!UserRepository.setPassword(c, account.id(), hash, false, clock.instant())) {
                throw new NotFoundException("user:" + account.id());
            }
            // Whoever else knew the old password may have minted tokens: only the changing login's own stay.
            String kept = origin == null ? "" : Tokens.sha256Hex(origin);
            int revoked = Jdbc.update(c, "UPDATE JX_API_TOKEN SET REVOKED_AT = ? WHERE USER_ID = ? AND REVOKED_AT IS NULL"
                    + " AND (MINTED_BY IS NULL OR MINTED_BY <> ?) AND TOKEN_HASH <> ?",
                    clock.instant(), account.id(), kept, kept);
            AuditRecords.insert(c, clock.instant(), actor, "password.change", "user:" + account.id(),
                    revoked == 0 ? null : "tokens revoked: " + revoked, null);
            return null;
        });
        Cached.changed();
    }

    @Override
    public boolean mustChangePassword(long userId) {
        return store.read(c -> UserRepository.byId(c, userId)).map(Account::mustChangePassword).orElse(false);
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public String createToken(Actor actor, String name, String origin) {
        Objects.requireNonNull(actor, "actor");
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw ValidationException.of("name", "token.name.required");
        }
        if (n.length() > TOKEN_NAME_MAX) {
            throw ValidationException.of("name", "token.name.tooLong");
        }
        String token = TOKEN_PREFIX + Tokens.random(TOKEN_BYTES);
        store.inTransaction(c -> {
            Instant now = clock.instant();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_API_TOKEN (USER_ID, NAME, PREFIX,"
                    + " TOKEN_HASH, CREATED_AT, LAST_USED_AT, REVOKED_AT, MINTED_BY) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, actor.userId());
                ps.setString(2, n);
                ps.setString(3, token.substring(0, TOKEN_DISPLAY_CHARS));
                ps.setString(4, Tokens.sha256Hex(token));
                Jdbc.setInstant(ps, 5, now);
                ps.setString(6, origin == null ? null : Tokens.sha256Hex(origin));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no id generated for an API token");
                    }
                    id = keys.getLong(1);
                }
            }
            AuditRecords.insert(c, now, actor, "token.create", "token:" + id, null, null);
            return null;
        });
        return token;
    }

    @Override
    public List<ApiToken> tokens(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, PREFIX, CREATED_AT, LAST_USED_AT"
                    + " FROM JX_API_TOKEN WHERE USER_ID = ? AND REVOKED_AT IS NULL ORDER BY CREATED_AT DESC, ID DESC")) {
                ps.setLong(1, actor.userId());
                List<ApiToken> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ApiToken(rs.getLong("ID"), rs.getString("NAME"), rs.getString("PREFIX"),
                                Jdbc.getInstant(rs, "CREATED_AT"), Jdbc.getInstant(rs, "LAST_USED_AT")));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public void revokeToken(Actor actor, long tokenId) {
        Objects.requireNonNull(actor, "actor");
        store.inTransaction(c -> {
            Instant now = clock.instant();
            // Another user's token answers as absent, so token ids cannot be probed.
            try (PreparedStatement ps = c.prepareStatement("UPDATE JX_API_TOKEN SET REVOKED_AT = ?"
                    + " WHERE ID = ? AND USER_ID = ? AND REVOKED_AT IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, tokenId);
                ps.setLong(3, actor.userId());
                if (ps.executeUpdate() != 1) {
                    throw new NotFoundException("token:" + tokenId);
                }
            }
            AuditRecords.insert(c, now, actor, "token.revoke", "token:" + tokenId, null, null);
            return null;
        });
        Cached.changed();
    }

    @Override
    public Optional<Actor> authenticateToken(String token, Locale locale) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        Optional<TokenRow> row = tokenRows.get(hash, () -> store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, USER_ID, LAST_USED_AT FROM JX_API_TOKEN"
                    + " WHERE TOKEN_HASH = ? AND REVOKED_AT IS NULL")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new TokenRow(rs.getLong("ID"), rs.getLong("USER_ID"),
                                    Jdbc.getInstant(rs, "LAST_USED_AT")))
                            : Optional.<TokenRow>empty();
                }
            }
        }));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<Actor> actor = actor(row.get().userId(), locale);
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = row.get().lastUsedAt();
        if (last == null || !now.isBefore(last.plus(LAST_USED_RESOLUTION))) {
            store.inTransaction(c -> {
                Jdbc.update(c, "UPDATE JX_API_TOKEN SET LAST_USED_AT = ? WHERE ID = ?", now, row.get().id());
                return null;
            });
            tokenRows.update(hash, new TokenRow(row.get().id(), row.get().userId(), now));
        }
        return actor;
    }
}
