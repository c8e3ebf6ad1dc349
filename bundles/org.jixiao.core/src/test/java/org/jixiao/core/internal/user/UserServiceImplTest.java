package org.jixiao.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Page;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceImplTest {

    private Fixture f;

    @BeforeEach
    void open() {
        f = new Fixture();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, String> errors(Runnable r) {
        return assertThrows(ValidationException.class, r::run).fieldErrors();
    }

    private UserDraft draft(String username, Long unit) {
        return new UserDraft(username, "顯示名", Set.of(Role.STAFF), unit, null, Fixture.PASSWORD);
    }

    @Test
    void createsAUserWhoMustChangeTheAdminsPassword() {
        User u = f.users.create(f.c1Admin, new UserDraft(" Wang.Wu ", " 王五 ", Set.of(Role.STAFF, Role.VIEWER),
                f.c1dept.id(), null, Fixture.PASSWORD));
        assertEquals("Wang.Wu", u.username());
        assertEquals("王五", u.displayName());
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), u.roles());
        assertEquals(f.c1dept.id(), u.orgUnitId());
        assertEquals("組織部", u.orgUnitName());
        assertTrue(u.enabled());
        assertTrue(u.mustChangePassword());
        assertNull(u.lockedUntil());
        assertEquals(f.clock.instant(), u.createdAt());
        assertEquals(u, f.users.get(f.c1Admin, u.id()));

        String hash = (String) TestDb.rows(f.store, "SELECT PASSWORD_HASH FROM JX_USER WHERE ID = ?", u.id()).get(0)
                .get("PASSWORD_HASH");
        assertTrue(f.hasher.verify(Fixture.PASSWORD.toCharArray(), hash));
        assertFalse(hash.contains(Fixture.PASSWORD));

        List<Map<String, Object>> audit = TestDb.audit(f.store, "user.create");
        Map<String, Object> last = audit.get(audit.size() - 1);
        assertEquals("user:" + u.id(), last.get("TARGET"));
        assertEquals(f.c1Admin.userId(), last.get("ACTOR_ID"));
        assertFalse(((String) last.get("DETAIL")).contains("王五"), "no personal data in the audit trail");
    }

    @Test
    void validationReportsEveryFieldAndWritesNothing() {
        long users = TestDb.count(f.store, "JX_USER");
        long audit = TestDb.count(f.store, "JX_AUDIT");
        assertEquals(Map.of("username", "user.username.required", "displayName", "user.displayName.required",
                "roles", "user.roles.required", "orgUnitId", "user.orgUnit.required", "password", "password.tooShort"),
                errors(() -> f.users.create(f.cityAdmin, new UserDraft(" ", null, Set.of(), null, null, null))));
        for (String bad : List.of("ab", "x".repeat(41), "has space", "王五", "a@b")) {
            assertEquals("user.username.format", errors(() -> f.users.create(f.cityAdmin, draft(bad, f.c1.id())))
                    .get("username"), bad);
        }
        assertEquals("user.displayName.tooLong", errors(() -> f.users.create(f.cityAdmin,
                new UserDraft("zhao", "名".repeat(101), Set.of(Role.STAFF), f.c1.id(), null, Fixture.PASSWORD)))
                .get("displayName"));
        assertEquals("user.orgUnit.invalid", errors(() -> f.users.create(f.cityAdmin, draft("zhao", 999_999L)))
                .get("orgUnitId"));
        assertEquals("password.tooSimple", errors(() -> f.users.create(f.cityAdmin,
                new UserDraft("zhao", "趙", Set.of(Role.STAFF), f.c1.id(), null, "alllowercase"))).get("password"));
        assertEquals("password.sameAsUser", errors(() -> f.users.create(f.cityAdmin,
                new UserDraft("Zhao.Liu-99", "趙", Set.of(Role.STAFF), f.c1.id(), null, "zhao.liu-99"))).get("password"));
        assertEquals(users, TestDb.count(f.store, "JX_USER"));
        assertEquals(audit, TestDb.count(f.store, "JX_AUDIT"));
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        f.users.create(f.cityAdmin, draft("Zhang.San", f.c1.id()));
        assertEquals("user.username.taken", errors(() -> f.users.create(f.cityAdmin, draft("zhang.SAN", f.c2.id())))
                .get("username"));
        assertEquals("user.username.taken", errors(() -> f.users.create(f.cityAdmin, draft("ADMIN", f.c2.id())))
                .get("username"));
    }

    @Test
    void writesNeedTheAdminRole() {
        Actor staff = f.actorOf(f.create(f.cityAdmin, "staff", f.root, Role.STAFF, Role.VIEWER));
        User other = f.create(f.cityAdmin, "other", f.c1, Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> f.users.create(staff, draft("newbie", f.c1.id())));
        assertThrows(AccessDeniedException.class, () -> f.users.update(staff, other.id(), draft("other", f.c1.id())));
        assertThrows(AccessDeniedException.class, () -> f.users.resetPassword(staff, other.id()));
        assertThrows(AccessDeniedException.class, () -> f.users.unlock(staff, other.id()));
        // Accounts are administration data: reading them needs the admin role too.
        assertThrows(AccessDeniedException.class, () -> f.users.get(staff, other.id()));
        assertThrows(AccessDeniedException.class, () -> f.users.list(staff, null, 1, 20));
    }

    @Test
    void aCountyAdminNeitherSeesNorEditsAnotherCountysUsers() {
        User inC1 = f.create(f.c1Admin, "in.c1", f.c1dept, Role.STAFF);
        User inC2 = f.create(f.c2Admin, "in.c2", f.c2, Role.STAFF);

        assertEquals(List.of("c1.admin", "in.c1"), names(f.users.list(f.c1Admin, null, 1, 50)));
        assertEquals(List.of("c2.admin", "in.c2"), names(f.users.list(f.c2Admin, null, 1, 50)));
        assertEquals(List.of("admin", "c1.admin", "c2.admin", "in.c1", "in.c2"),
                names(f.users.list(f.cityAdmin, null, 1, 50)));

        assertEquals(inC1, f.users.get(f.c1Admin, inC1.id()));
        assertThrows(NotFoundException.class, () -> f.users.get(f.c1Admin, inC2.id()));
        assertThrows(NotFoundException.class, () -> f.users.get(f.c1Admin, f.cityAdmin.userId()));
        assertThrows(NotFoundException.class, () -> f.users.get(f.c1Admin, 999_999));
        assertThrows(NotFoundException.class, () -> f.users.update(f.c1Admin, inC2.id(), draft("in.c2", f.c1.id())));
        assertThrows(NotFoundException.class, () -> f.users.resetPassword(f.c1Admin, inC2.id()));
        assertThrows(NotFoundException.class, () -> f.users.unlock(f.c1Admin, inC2.id()));
        assertEquals(f.c2.id(), f.users.get(f.cityAdmin, inC2.id()).orgUnitId(), "unchanged");
    }

    @Test
    void anAdminCannotPlaceUsersOutsideTheirSubtree() {
        assertEquals("user.orgUnit.invalid",
                errors(() -> f.users.create(f.c1Admin, draft("newbie", f.c2.id()))).get("orgUnitId"));
        assertEquals("user.orgUnit.invalid",
                errors(() -> f.users.create(f.c1Admin, draft("newbie", f.root.id()))).get("orgUnitId"));
        User inC1 = f.create(f.c1Admin, "in.c1", f.c1dept, Role.STAFF);
        assertEquals("user.orgUnit.invalid",
                errors(() -> f.users.update(f.c1Admin, inC1.id(), draft("in.c1", f.c2.id()))).get("orgUnitId"));
        assertEquals(f.c1dept.id(), f.users.get(f.c1Admin, inC1.id()).orgUnitId());
    }

    @Test
    void updateChangesTheAccountAndAudits() {
        User u = f.create(f.c1Admin, "li.si", f.c1dept, Role.STAFF);
        f.clock.advance(Duration.ofMinutes(1));
        User updated = f.users.update(f.c1Admin, u.id(),
                new UserDraft("Li.Si", "李四", Set.of(Role.VIEWER), f.c1.id(), false, "ignored"));
        assertEquals("Li.Si", updated.username());
        assertEquals("李四", updated.displayName());
        assertEquals(Set.of(Role.VIEWER), updated.roles());
        assertEquals(f.c1.id(), updated.orgUnitId());
        assertFalse(updated.enabled());
        assertEquals(u.createdAt(), updated.createdAt());

        // Enabled left out keeps what it was.
        User again = f.users.update(f.c1Admin, u.id(),
                new UserDraft("li.si", "李四", Set.of(Role.VIEWER, Role.STAFF), f.c1.id(), null, null));
        assertFalse(again.enabled());
        assertEquals("li.si", again.username(), "a change of case alone is no clash with oneself");

        assertEquals(2, TestDb.audit(f.store, "user.update").size());
        assertEquals("user.username.taken", errors(() -> f.users.update(f.c1Admin, u.id(),
                draft("C1.Admin", f.c1.id()))).get("username"));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        long self = f.c1Admin.userId();
        assertEquals("user.self", errors(() -> f.users.update(f.c1Admin, self,
                new UserDraft("c1.admin", "x", Set.of(Role.STAFF), f.c1.id(), true, null))).get("roles"));
        assertEquals("user.self", errors(() -> f.users.update(f.c1Admin, self,
                new UserDraft("c1.admin", "x", Set.of(Role.ADMIN), f.c1.id(), false, null))).get("enabled"));
        assertEquals("user.self", errors(() -> f.users.update(f.c1Admin, self,
                new UserDraft("c1.admin", "x", Set.of(Role.ADMIN), f.c1dept.id(), true, null))).get("orgUnitId"));
        assertEquals("user.self", errors(() -> f.users.resetPassword(f.c1Admin, self)).get("password"));
        // What does not lock them out is allowed.
        User renamed = f.users.update(f.c1Admin, self,
                new UserDraft("c1.admin", "一縣管理员", Set.of(Role.ADMIN), f.c1.id(), true, null));
        assertEquals("一縣管理员", renamed.displayName());
        assertEquals(Set.of(Role.ADMIN), renamed.roles());
    }

    @Test
    void listMatchesUsernameOrDisplayNameAndPages() {
        for (String name : List.of("delta", "alpha", "Charlie", "bravo", "echo")) {
            f.create(f.cityAdmin, name, f.c1dept, Role.STAFF);
        }
        f.users.create(f.cityAdmin, new UserDraft("foxtrot", "Mr. ALPHA_Two", Set.of(Role.STAFF), f.c1.id(), null,
                Fixture.PASSWORD));

        Page<User> first = f.users.list(f.c1Admin, null, 1, 3);
        assertEquals(7, first.total());
        assertEquals(List.of("alpha", "bravo", "c1.admin"), names(first));
        assertEquals(3, first.pages());
        assertEquals(List.of("Charlie", "delta", "echo"), names(f.users.list(f.c1Admin, null, 2, 3)));
        assertEquals(List.of("foxtrot"), names(f.users.list(f.c1Admin, null, 3, 3)));
        assertEquals(List.of(), names(f.users.list(f.c1Admin, null, 9, 3)));

        assertEquals(List.of("alpha", "foxtrot"), names(f.users.list(f.c1Admin, "ALPHA", 1, 10)));
        assertEquals(List.of("foxtrot"), names(f.users.list(f.c1Admin, "alpha_", 1, 10)), "_ is no wildcard");
        assertEquals(List.of(), names(f.users.list(f.c1Admin, "%", 1, 10)), "% is no wildcard");
        assertEquals(List.of("Charlie"), names(f.users.list(f.c1Admin, " charlie 名 ", 1, 10)));
        assertEquals(List.of(), names(f.users.list(f.c2Admin, "alpha", 1, 10)), "scope applies to searches too");
    }

    @Test
    void resetPasswordGivesAOneTimePasswordAndLiftsALock() {
        User u = f.create(f.c1Admin, "li.si", f.c1dept, Role.STAFF);
        for (int i = 0; i < 5; i++) {
            f.auth.login("li.si", "wrong".toCharArray(), "10.0.0.1", Locale.ROOT);
        }
        assertNotNull(f.users.get(f.c1Admin, u.id()).lockedUntil());

        String password = f.users.resetPassword(f.c1Admin, u.id());
        assertEquals(20, password.length());
        User after = f.users.get(f.c1Admin, u.id());
        assertNull(after.lockedUntil());
        assertTrue(after.mustChangePassword());
        LoginResult r = f.auth.login("li.si", password.toCharArray(), "10.0.0.1", Locale.ROOT);
        assertEquals(LoginResult.Status.OK, r.status());
        assertTrue(r.mustChangePassword());
        assertEquals(LoginResult.Status.INVALID,
                f.auth.login("li.si", Fixture.PASSWORD.toCharArray(), "10.0.0.1", Locale.ROOT).status());

        Map<String, Object> audit = TestDb.auditedOnce(f.store, "user.resetPassword", "user:" + u.id());
        assertFalse(String.valueOf(audit.get("DETAIL")).contains(password));
    }

    @Test
    void unlockLiftsALockout() {
        User u = f.create(f.c1Admin, "li.si", f.c1dept, Role.STAFF);
        for (int i = 0; i < 5; i++) {
            f.auth.login("li.si", "wrong".toCharArray(), null, Locale.ROOT);
        }
        assertEquals(f.clock.instant().plus(Duration.ofMinutes(15)), f.users.get(f.c1Admin, u.id()).lockedUntil());
        f.users.unlock(f.c1Admin, u.id());
        assertNull(f.users.get(f.c1Admin, u.id()).lockedUntil());
        assertTrue(f.auth.login("li.si", Fixture.PASSWORD.toCharArray(), null, Locale.ROOT).ok());
        assertEquals(1, TestDb.audit(f.store, "user.unlock").size());
    }

    private static List<String> names(Page<User> page) {
        return page.items().stream().map(User::username).toList();
    }
}
