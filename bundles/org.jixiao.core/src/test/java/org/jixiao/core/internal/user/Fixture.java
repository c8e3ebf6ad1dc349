package org.jixiao.core.internal.user;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.security.PasswordHasher;
import org.jixiao.core.internal.security.TestHashers;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.jixiao.store.internal.MemoryStores;

/**
 * A city with two counties (c1 with a department below it, and c2), a city admin and an admin per county,
 * all sharing {@link #PASSWORD}.
 */
final class Fixture implements AutoCloseable {

    static final String PASSWORD = "Correct-Horse-9";

    final MemoryStores.Loan store;
    final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final PasswordHasher hasher = TestHashers.fast();
    /** The key projects whose roles may be granted; none until a test adds them. */
    final FakeRegistry projects = new FakeRegistry();
    final OrgUnitServiceImpl orgUnits;
    final UserServiceImpl users;
    final AuthenticationImpl auth;
    final OrgUnit root;
    final OrgUnit c1;
    final OrgUnit c1dept;
    final OrgUnit c2;
    final Actor cityAdmin;
    final Actor c1Admin;
    final Actor c2Admin;

    Fixture() {
        store = TestDb.open();
        root = TestDb.insertRoot(store);
        orgUnits = new OrgUnitServiceImpl(store, new CoreSchema(store));
        long cityAdminId = store.inTransaction(c -> UserRepository.insert(c, clock.instant(), "admin", "管理员",
                hasher.hash(PASSWORD.toCharArray()), root.id(), true, false, Set.of(Role.ADMIN, Role.STAFF)));
        cityAdmin = new Actor(cityAdminId, "admin", Set.of(Role.ADMIN, Role.STAFF), root, Locale.ROOT);
        c1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一縣團委", OrgLevel.COUNTY));
        c2 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c2", "二縣團委", OrgLevel.COUNTY));
        c1dept = orgUnits.create(cityAdmin, new OrgUnitDraft(c1.id(), "c1-org", "組織部", OrgLevel.DEPARTMENT));
        users = new UserServiceImpl(store, orgUnits, projects, hasher, clock);
        auth = new AuthenticationImpl(store, orgUnits, hasher, clock);
        c1Admin = actorOf(create(cityAdmin, "c1.admin", c1, Role.ADMIN, Role.STAFF));
        c2Admin = actorOf(create(cityAdmin, "c2.admin", c2, Role.ADMIN));
    }

    User create(Actor by, String username, OrgUnit unit, Role... roles) {
        return users.create(by, new UserDraft(username, username + " 名", Set.of(roles), unit.id(), null, PASSWORD));
    }

    Actor actorOf(User u) {
        return new Actor(u.id(), u.username(), u.roles(), orgUnits.find(u.orgUnitId()).orElseThrow(), Locale.ROOT);
    }

    @Override
    public void close() {
        store.close();
    }
}
