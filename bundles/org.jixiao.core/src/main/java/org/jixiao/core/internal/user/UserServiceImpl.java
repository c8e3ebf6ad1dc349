package org.jixiao.core.internal.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.api.security.UserService;
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
 * User administration. Scope is checked here rather than by callers: a user outside the actor's subtree is
 * reported as absent, so an id probe cannot even tell that it exists.
 */
@Component(service = UserService.class)
public final class UserServiceImpl implements UserService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    static final int DISPLAY_NAME_MAX = 100;
    static final int QUERY_MAX = 100;
    static final int PAGE_SIZE_MAX = 200;

    private static final System.Logger LOG = System.getLogger(UserServiceImpl.class.getName());

    private final Store store;
    private final OrgUnitService orgUnits;
    private final ProjectRegistry projects;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Activate
    public UserServiceImpl(@Reference Store store, @Reference CoreSchema schema, @Reference OrgUnitService orgUnits,
            @Reference ProjectRegistry projects) {
        this(store, orgUnits, projects, new PasswordHasher(), Clock.systemUTC());
    }

    UserServiceImpl(Store store, OrgUnitService orgUnits, ProjectRegistry projects, PasswordHasher hasher,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page<User> list(Actor actor, String query, int page, int size) {
        // Accounts, roles and lock states are administration data: the same rule as the pages.
        requireAdmin(actor);
        int p = Math.max(1, page);
        int s = Math.min(Math.max(1, size), PAGE_SIZE_MAX);
        String q = query == null || query.isBlank() ? null : Jdbc.truncate(query.strip(), QUERY_MAX);
        String scope = actor.orgUnit().path();
        Instant now = clock.instant();
        return store.read(c -> {
            long total = UserRepository.countInScope(c, scope, q);
            long offset = (long) (p - 1) * s;
            List<User> items = new ArrayList<>();
            if (offset < total) {
                for (Account a : UserRepository.listInScope(c, scope, q, (int) offset, s)) {
                    items.add(toUser(a, now));
                }
            }
            return new Page<>(items, p, s, total);
        });
    }

    @Override
    public User get(Actor actor, long id) {
        requireAdmin(actor);
        return toUser(inScope(actor, id), clock.instant());
    }

    // ---------------------------------------------------------------- writes

    @Override
    public User create(Actor actor, UserDraft draft) {
        requireAdmin(actor);
        Objects.requireNonNull(draft, "draft");
        ValidationException.Collector errors = new ValidationException.Collector();
        Fields f = validate(actor, draft, null, errors);
        String password = draft.password();
        PasswordHasher.weakness(password, f.username).ifPresent(key -> errors.add("password", key));
        errors.throwIfAny();

        // Hashed before the transaction: PBKDF2 takes long enough that it should not hold a connection.
        String hash = hasher.hash(password.toCharArray());
        boolean enabled = draft.enabled() == null || draft.enabled();
        long id = uniqueUsername(() -> store.inTransaction(c -> {
            if (UserRepository.usernameTaken(c, f.username, -1)) {
                throw ValidationException.of("username", "user.username.taken");
            }
            // The admin chose this password and knows it; the user must replace it with one only they know.
            long newId = UserRepository.insert(c, clock.instant(), f.username, f.displayName, hash, f.orgUnit.id(),
                    enabled, true, f.roles, f.grants);
            AuditRecords.insert(c, clock.instant(), actor, "user.create", "user:" + newId, describe(f, enabled), null);
            return newId;
        }));
        return get(actor, id);
    }

    @Override
    public User update(Actor actor, long id, UserDraft draft) {
        requireAdmin(actor);
        Objects.requireNonNull(draft, "draft");
        Account existing = inScope(actor, id);
        ValidationException.Collector errors = new ValidationException.Collector();
        Fields f = validate(actor, draft, existing, errors);
        boolean enabled = draft.enabled() == null ? existing.enabled() : draft.enabled();
        if (id == actor.userId()) {
            // An admin who drops their own ADMIN role, disables or moves themselves cannot undo it.
            if (f.roles != null && !f.roles.contains(Role.ADMIN)) {
                errors.add("roles", "user.self");
            }
            if (!enabled) {
                errors.add("enabled", "user.self");
            }
            if (f.orgUnit != null && f.orgUnit.id() != existing.orgUnitId()) {
                errors.add("orgUnitId", "user.self");
            }
        }
        errors.throwIfAny();

        uniqueUsername(() -> store.inTransaction(c -> {
            if (UserRepository.usernameTaken(c, f.username, id)) {
                throw ValidationException.of("username", "user.username.taken");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE JX_USER SET USERNAME = ?, USERNAME_KEY = ?,"
                    + " DISPLAY_NAME = ?, ORG_UNIT_ID = ?, ENABLED = ?, UPDATED_AT = ? WHERE ID = ?")) {
                ps.setString(1, f.username);
                ps.setString(2, UserRepository.key(f.username));
                ps.setString(3, f.displayName);
                ps.setLong(4, f.orgUnit.id());
                ps.setBoolean(5, enabled);
                Jdbc.setInstant(ps, 6, clock.instant());
                ps.setLong(7, id);
                if (ps.executeUpdate() != 1) {
                    throw new NotFoundException("user:" + id);
                }
            }
            UserRepository.replaceRoles(c, id, f.roles, f.grants);
            AuditRecords.insert(c, clock.instant(), actor, "user.update", "user:" + id, describe(f, enabled), null);
            return null;
        }));
        // Roles, unit or the account's state changed: the caller's next request reads them again.
        Cached.changed();
        return get(actor, id);
    }

    @Override
    public String resetPassword(Actor actor, long id) {
        requireAdmin(actor);
        inScope(actor, id);
        if (id == actor.userId()) {
            // A reset skips the check of the current password; for oneself that is what changePassword is for.
            throw ValidationException.of("password", "user.self");
        }
        String password = Tokens.initialPassword();
        String hash = hasher.hash(password.toCharArray());
        store.inTransaction(c -> {
            // As an unlock: the admin vouches for whoever gets the new password.
            if (!UserRepository.setPassword(c, id, hash, true, clock.instant())) {
                throw new NotFoundException("user:" + id);
            }
            LoginFailures.clearAll(c, id);
            // A reset is what an admin does for a compromised account: its tokens die with the old password.
            Jdbc.update(c, "UPDATE JX_API_TOKEN SET REVOKED_AT = ? WHERE USER_ID = ? AND REVOKED_AT IS NULL",
                    clock.instant(), id);
            AuditRecords.insert(c, clock.instant(), actor, "user.resetPassword", "user:" + id, null, null);
            return null;
        });
        Cached.changed();
        return password;
    }

    @Override
    public void unlock(Actor actor, long id) {
        requireAdmin(actor);
        inScope(actor, id);
        store.inTransaction(c -> {
            unlock(c, id, clock.instant());
            AuditRecords.insert(c, clock.instant(), actor, "user.unlock", "user:" + id, null, null);
            return null;
        });
    }

    static void unlock(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE JX_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL, UPDATED_AT = ? WHERE ID = ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setLong(2, id);
            if (ps.executeUpdate() != 1) {
                throw new NotFoundException("user:" + id);
            }
        }
        // Every address's lock of the name: the admin vouches for whoever asked.
        LoginFailures.clearAll(c, id);
    }

    // ---------------------------------------------------------------- helpers

    private record Fields(String username, String displayName, Set<Role> roles, Set<String> grants,
            OrgUnit orgUnit) {
    }

    private Fields validate(Actor actor, UserDraft draft, Account existing, ValidationException.Collector errors) {
        String username = draft.username() == null ? "" : draft.username().strip();
        if (username.isEmpty()) {
            errors.add("username", "user.username.required");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "user.username.format");
        } else {
            boolean taken = store.read(c -> UserRepository.usernameTaken(c, username,
                    existing == null ? -1 : existing.id()));
            if (taken) {
                errors.add("username", "user.username.taken");
            }
        }
        String displayName = draft.displayName() == null ? "" : draft.displayName().strip();
        if (displayName.isEmpty()) {
            errors.add("displayName", "user.displayName.required");
        } else if (displayName.length() > DISPLAY_NAME_MAX) {
            errors.add("displayName", "user.displayName.tooLong");
        }
        Set<Role> roles = draft.roles() == null ? Set.of()
                : draft.roles().stream().filter(Objects::nonNull).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(Role.class)));
        Set<String> grants = grants(draft, existing, errors);
        // A project's role alone is enough: a volunteer may need nothing of the core.
        if (roles.isEmpty() && grants.isEmpty()) {
            errors.add("roles", "user.roles.required");
        }
        OrgUnit orgUnit = null;
        if (draft.orgUnitId() == null) {
            errors.add("orgUnitId", "user.orgUnit.required");
        } else {
            // Unknown and out-of-scope look alike, as everywhere else.
            Optional<OrgUnit> unit = orgUnits.findVisible(actor, draft.orgUnitId());
            if (unit.isEmpty()) {
                errors.add("orgUnitId", "user.orgUnit.invalid");
            } else {
                orgUnit = unit.get();
            }
        }
        return new Fields(username, displayName, Set.copyOf(roles), grants, orgUnit);
    }

    /**
     * The grants to store. One the user already holds stays valid while its project is away (uninstalled, failed),
     * so that saving the user meanwhile neither loses it nor fails; a new one must be declared by an active project.
     */
    private Set<String> grants(UserDraft draft, Account existing, ValidationException.Collector errors) {
        Set<String> held = existing == null ? Set.of() : existing.grants();
        if (draft.grants() == null) {
            return held;
        }
        Set<String> grantable = null;
        Set<String> grants = new TreeSet<>();
        for (String grant : draft.grants()) {
            if (grant == null) {
                continue;
            }
            if (!held.contains(grant)) {
                if (grantable == null) {
                    grantable = grantable();
                }
                if (!grantable.contains(grant)) {
                    errors.add("grants", "user.grants.invalid");
                    continue;
                }
            }
            grants.add(grant);
        }
        return Set.copyOf(grants);
    }

    /**
     * The roles the active key projects declare. One spelt like a core role is left out: stored in the same column,
     * it would be read back as the core role.
     */
    private Set<String> grantable() {
        Set<String> ids = new HashSet<>();
        for (ProjectStatus status : projects.projects(Locale.ROOT)) {
            if (status.state() != ProjectState.ACTIVE) {
                continue;
            }
            projects.active(status.id()).ifPresent(project -> {
                try {
                    project.roles().forEach(role -> ids.add(role.id()));
                } catch (RuntimeException e) {
                    // Its roles cannot be granted until it answers; those already held are kept.
                    LOG.log(System.Logger.Level.WARNING, "Key project " + status.id() + " cannot list its roles", e);
                }
            });
        }
        for (Role core : Role.values()) {
            ids.remove(core.name());
        }
        return ids;
    }

    private Account inScope(Actor actor, long id) {
        Account a = store.read(c -> UserRepository.byId(c, id)).orElseThrow(() -> new NotFoundException("user:" + id));
        OrgUnit unit = orgUnits.find(a.orgUnitId()).orElse(null);
        if (unit == null || !actor.covers(unit)) {
            throw new NotFoundException("user:" + id);
        }
        return a;
    }

    private User toUser(Account a, Instant now) {
        String unitName = orgUnits.find(a.orgUnitId()).map(OrgUnit::name).orElse(null);
        // An expired lock is no lock; admins should not see a stale date as if the account were blocked.
        Instant lockedUntil = a.lockedAt(now) ? a.lockedUntil() : null;
        return new User(a.id(), a.username(), a.displayName(), a.roles(), a.orgUnitId(), unitName, a.enabled(),
                a.mustChangePassword(), lockedUntil, a.createdAt(), a.grants());
    }

    // Roles and unit ids only: the audit trail holds no personal data.
    private static String describe(Fields f, boolean enabled) {
        return "roles=" + f.roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")) + " grants="
                + String.join(",", new TreeSet<>(f.grants)) + " orgUnit=" + f.orgUnit.id() + " enabled=" + enabled;
    }

    private static <T> T uniqueUsername(Supplier<T> work) {
        // Two admins creating the same name at once: the constraint decides, the loser gets the form error.
        return Jdbc.unlessTaken(work, () -> ValidationException.of("username", "user.username.taken"));
    }

    static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("user.write");
        }
    }
}
