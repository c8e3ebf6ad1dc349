package org.jixiao.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRole;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles that key projects declare, granted, stored and carried like the core's. */
class UserGrantsTest {

    /** As long as a project's role id may be: the column had to grow for it. */
    static final String LONGEST = "HOPE_" + "X".repeat(35);


    private Fixture f;
    private final KeyProject hope = rolesProject("hope", List.of(
            new ProjectRole("HOPE_OFFICE", "role.office", true),
            new ProjectRole("VOLUNTEER", "role.volunteer", false),
            new ProjectRole(LONGEST, "role.longest", false),
            // Would be read back as the core's ADMIN: never grantable as a project's role.
            new ProjectRole("ADMIN", "role.admin", true)));

    @BeforeEach
    void open() {
        f = new Fixture();
        f.projects.add(hope, ProjectState.ACTIVE);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static UserDraft draft(String username, Set<Role> roles, long unit, Set<String> grants) {
        return new UserDraft(username, username + " 名", roles, unit, null, Fixture.PASSWORD, grants);
    }

    private Map<String, String> errors(Runnable r) {
        return assertThrows(ValidationException.class, r::run).fieldErrors();
    }

    private Set<String> storedRoles(long userId) {
        Set<String> out = new TreeSet<>();
        TestDb.rows(f.store, "SELECT ROLE FROM JX_USER_ROLE WHERE USER_ID = ?", userId)
                .forEach(row -> out.add((String) row.get("ROLE")));
        return out;
    }

    @Test
    void storesAndReadsGrantsBesideTheCoreRoles() {
        User u = f.users.create(f.c1Admin, draft("li.si", Set.of(Role.STAFF), f.c1.id(),
                Set.of("HOPE_OFFICE", LONGEST)));

        assertEquals(Set.of(Role.STAFF), u.roles());
        assertEquals(Set.of("HOPE_OFFICE", LONGEST), u.grants());
        assertEquals(Set.of("HOPE_OFFICE", LONGEST, "STAFF"), storedRoles(u.id()));
        assertEquals(u, f.users.get(f.c1Admin, u.id()));
        User listed = f.users.list(f.c1Admin, "li.si", 1, 10).items().get(0);
        assertEquals(u.grants(), listed.grants());
        assertEquals(List.of("HOPE_OFFICE", LONGEST), List.copyOf(u.grants()), "sorted, for stable pages and JSON");

        List<Map<String, Object>> audit = TestDb.audit(f.store, "user.create");
        String detail = (String) audit.get(audit.size() - 1).get("DETAIL");
        assertTrue(detail.contains("grants=HOPE_OFFICE," + LONGEST), detail);

        User changed = f.users.update(f.c1Admin, u.id(), new UserDraft("li.si", "李四", Set.of(Role.VIEWER),
                f.c1.id(), true, null, Set.of("VOLUNTEER")));
        assertEquals(Set.of(Role.VIEWER), changed.roles());
        assertEquals(Set.of("VOLUNTEER"), changed.grants());
        assertEquals(Set.of("VIEWER", "VOLUNTEER"), storedRoles(u.id()));
    }

    @Test
    void aProjectRoleAloneIsEnoughButSomeRoleIsNeeded() {
        User volunteer = f.users.create(f.c1Admin, draft("volunteer", Set.of(), f.c1.id(), Set.of("VOLUNTEER")));
        assertEquals(Set.of(), volunteer.roles());
        assertEquals(Set.of("VOLUNTEER"), volunteer.grants());

        assertEquals("user.roles.required",
                errors(() -> f.users.create(f.c1Admin, draft("nobody", Set.of(), f.c1.id(), Set.of()))).get("roles"));
    }

    @Test
    void refusesRolesNoActiveProjectDeclaresAndWritesNothing() {
        long users = TestDb.count(f.store, "JX_USER");
        long roles = TestDb.count(f.store, "JX_USER_ROLE");

        assertEquals("user.grants.invalid", errors(() -> f.users.create(f.c1Admin,
                draft("zhao", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE", "NO_SUCH_ROLE")))).get("grants"));
        assertEquals("user.grants.invalid", errors(() -> f.users.create(f.c1Admin,
                draft("zhao", Set.of(Role.STAFF), f.c1.id(), Set.of("ADMIN")))).get("grants"),
                "a project cannot hand out the core's ADMIN");
        f.projects.add(hope, ProjectState.STOPPED);
        assertEquals("user.grants.invalid", errors(() -> f.users.create(f.c1Admin,
                draft("zhao", Set.of(Role.STAFF), f.c1.id(), Set.of("VOLUNTEER")))).get("grants"),
                "the roles of a project that is not active cannot be granted");

        User staff = f.create(f.c1Admin, "wang.wu", f.c1, Role.STAFF);
        roles++;
        assertEquals("user.grants.invalid", errors(() -> f.users.update(f.c1Admin, staff.id(),
                draft("wang.wu", Set.of(Role.STAFF), f.c1.id(), Set.of("VOLUNTEER")))).get("grants"));

        assertEquals(users + 1, TestDb.count(f.store, "JX_USER"));
        assertEquals(roles, TestDb.count(f.store, "JX_USER_ROLE"));
        assertEquals(Set.of(), f.users.get(f.c1Admin, staff.id()).grants());
    }

    @Test
    void aGrantOutlivesItsProjectAndReturnsWithIt() {
        User u = f.users.create(f.c1Admin, draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE")));
        f.projects.add(hope, ProjectState.STOPPED);

        // Saved meanwhile by a form that shows it, or by a caller that knows nothing of grants: still there.
        f.users.update(f.c1Admin, u.id(), draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE")));
        f.users.update(f.c1Admin, u.id(), new UserDraft("li.si", "李四", Set.of(Role.STAFF), f.c1.id(), true, null));
        assertEquals(Set.of("HOPE_OFFICE"), f.users.get(f.c1Admin, u.id()).grants());
        assertEquals("user.grants.invalid", errors(() -> f.users.update(f.c1Admin, u.id(), draft("li.si",
                Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE", "VOLUNTEER")))).get("grants"));

        f.projects.add(hope, ProjectState.ACTIVE);
        User back = f.users.update(f.c1Admin, u.id(), draft("li.si", Set.of(Role.STAFF), f.c1.id(),
                Set.of("HOPE_OFFICE", "VOLUNTEER")));
        assertEquals(Set.of("HOPE_OFFICE", "VOLUNTEER"), back.grants());

        User dropped = f.users.update(f.c1Admin, u.id(), draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of()));
        assertEquals(Set.of(), dropped.grants());
        assertEquals(Set.of("STAFF"), storedRoles(u.id()));
    }

    @Test
    void grantsStayWithinTheAdminsSubtree() {
        User u = f.users.create(f.c1Admin, draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE")));
        assertThrows(NotFoundException.class, () -> f.users.update(f.c2Admin, u.id(),
                draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE", "VOLUNTEER"))));
        assertEquals(Set.of("HOPE_OFFICE"), f.users.get(f.cityAdmin, u.id()).grants());
    }

    @Test
    void theActorCarriesTheGrantsOfSessionsAndTokens() {
        User u = f.users.create(f.c1Admin, draft("li.si", Set.of(Role.STAFF), f.c1.id(), Set.of("HOPE_OFFICE")));

        LoginResult login = f.auth.login("li.si", Fixture.PASSWORD.toCharArray(), "127.0.0.1", Locale.ROOT);
        assertTrue(login.ok());
        Actor actor = login.actor();
        assertEquals(Set.of("HOPE_OFFICE"), actor.grants());
        assertEquals(Set.of(Role.STAFF), actor.roles());
        assertTrue(actor.hasRole("HOPE_OFFICE"));
        assertTrue(actor.hasRole("STAFF"));
        assertFalse(actor.hasRole("VOLUNTEER"));

        assertEquals(Set.of("HOPE_OFFICE"), f.auth.actor(u.id(), Locale.ROOT).orElseThrow().grants());
        String token = f.auth.createToken(actor, "ci");
        assertEquals(Set.of("HOPE_OFFICE"), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().grants());

        // Kept while the project is away: only its own code reads the grant, and that code is gone too.
        f.projects.add(hope, ProjectState.STOPPED);
        assertEquals(Set.of("HOPE_OFFICE"), f.auth.actor(u.id(), Locale.ROOT).orElseThrow().grants());
    }

    /** A key project that only declares roles, and names itself. */
    static KeyProject rolesProject(String id, List<ProjectRole> roles) {
        return (KeyProject) Proxy.newProxyInstance(UserGrantsTest.class.getClassLoader(),
                new Class<?>[] {KeyProject.class}, (p, m, args) -> switch (m.getName()) {
                    case "id" -> id;
                    case "name" -> "希望工程";
                    case "roles" -> roles;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
