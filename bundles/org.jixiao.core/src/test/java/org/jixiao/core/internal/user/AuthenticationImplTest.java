package org.jixiao.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.core.internal.performance.UnitYearScope;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.security.ApiToken;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.LoginResult.Status;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.security.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationImplTest {

    private static final String CLIENT = "192.0.2.7";

    private Fixture f;
    private User li;

    @BeforeEach
    void open() {
        f = new Fixture();
        li = f.create(f.c1Admin, "Li.Si", f.c1dept, Role.STAFF, Role.VIEWER);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private LoginResult login(String username, String password) {
        return f.auth.login(username, password.toCharArray(), CLIENT, Locale.TRADITIONAL_CHINESE);
    }

    private Map<String, String> errors(Runnable r) {
        return assertThrows(ValidationException.class, r::run).fieldErrors();
    }

    // ---------------------------------------------------------------- login

    @Test
    void theRightPasswordLogsInWithAnyCaseOfTheUsername() {
        LoginResult r = login(" li.SI ", Fixture.PASSWORD);
        assertEquals(Status.OK, r.status());
        assertTrue(r.ok());
        Actor a = r.actor();
        assertEquals(li.id(), a.userId());
        assertEquals("Li.Si", a.username());
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), a.roles());
        assertEquals(f.c1, a.orgUnit(), "a department acts for its committee");
        assertEquals(Locale.TRADITIONAL_CHINESE, a.locale());
        assertTrue(r.mustChangePassword(), "created by an admin");
        assertNull(r.lockedUntil());

        Map<String, Object> audit = TestDb.auditedOnce(f.store, "login.ok", "user:Li.Si");
        assertEquals(CLIENT, audit.get("CLIENT"));
        assertEquals(li.id(), audit.get("ACTOR_ID"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookAlike() {
        LoginResult wrong = login("li.si", "Wrong-Password-1");
        LoginResult unknown = login("nobody", Fixture.PASSWORD);
        LoginResult blank = f.auth.login(null, null, CLIENT, Locale.ROOT);
        for (LoginResult r : List.of(wrong, unknown, blank)) {
            assertEquals(new LoginResult(Status.INVALID, null, false, null), r);
        }
        List<Map<String, Object>> audit = TestDb.audit(f.store, "login.failed");
        assertEquals(3, audit.size());
        assertEquals("user:Li.Si", audit.get(0).get("TARGET"));
        assertEquals("user:nobody", audit.get(1).get("TARGET"));
        assertEquals(CLIENT, audit.get(1).get("CLIENT"));
        assertNull(audit.get(1).get("ACTOR_ID"));
    }

    @Test
    void fiveFailuresLockForFifteenMinutesEvenAgainstTheRightPassword() {
        Instant start = f.clock.instant();
        for (int i = 1; i < Authentication.MAX_FAILED_LOGINS; i++) {
            assertEquals(Status.INVALID, login("li.si", "Wrong-Password-" + i).status(), "attempt " + i);
            f.clock.advance(Duration.ofSeconds(10));
        }
        LoginResult fifth = login("li.si", "Wrong-Password-5");
        assertEquals(Status.LOCKED, fifth.status());
        Instant until = f.clock.instant().plus(Duration.ofMinutes(Authentication.LOCK_MINUTES));
        assertEquals(until, fifth.lockedUntil());
        assertNull(fifth.actor());

        f.clock.advance(Duration.ofMinutes(10));
        LoginResult right = login("li.si", Fixture.PASSWORD);
        assertEquals(Status.LOCKED, right.status());
        assertEquals(until, right.lockedUntil(), "a locked attempt does not extend the lock");
        assertEquals(Status.LOCKED, login("li.si", "Wrong-again-1").status());
        assertEquals(until, f.users.get(f.c1Admin, li.id()).lockedUntil());

        f.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals(Status.LOCKED, login("li.si", Fixture.PASSWORD).status());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(Status.OK, login("li.si", Fixture.PASSWORD).status(), "unlocked after 15 minutes");
        assertNull(f.users.get(f.c1Admin, li.id()).lockedUntil());
        assertTrue(f.clock.instant().isAfter(start));

        List<Map<String, Object>> locked = TestDb.audit(f.store, "login.locked");
        assertEquals(4, locked.size(), "the locking attempt and the three during the lock");
        assertEquals(CLIENT, locked.get(0).get("CLIENT"));
        assertEquals(4, TestDb.audit(f.store, "login.failed").size());
        assertEquals(1, TestDb.audit(f.store, "login.ok").size());
    }

    /**
     * Issue 12, item 3: five anonymous wrong passwords locked any account, admin included, for everybody. Now they
     * lock the guessing address out of that name only; the owner, from elsewhere, logs in.
     */
    @Test
    void aGuesserLocksOnlyItsOwnAddressOutAndTheOwnerLogsInFromAnother() {
        for (int i = 1; i <= Authentication.MAX_FAILED_LOGINS; i++) {
            login("admin", "Wrong-Password-" + i);
        }
        assertEquals(Status.LOCKED, login("admin", Fixture.PASSWORD).status(), "the guessing address stays locked");
        LoginResult owner = f.auth.login("admin", Fixture.PASSWORD.toCharArray(), "198.51.100.20", Locale.ROOT);
        assertEquals(Status.OK, owner.status(), "the owner at another address is not locked out");
        assertEquals(Status.LOCKED, login("ADMIN", Fixture.PASSWORD).status(), "any case of the name is the same name");
        // The owner's success clears the owner's count only, not the guesser's lock.
        assertEquals(Status.LOCKED, login("admin", Fixture.PASSWORD).status());
        assertEquals(Status.OK, f.auth.login("li.si", Fixture.PASSWORD.toCharArray(), CLIENT, Locale.ROOT).status(),
                "another name from the same address is counted apart");
    }

    /** Issue 12, item 3: "locked" told that the account exists; an unknown name now locks alike. */
    @Test
    void anUnknownNameIsLockedLikeAKnownOne() {
        LoginResult known = null;
        LoginResult unknown = null;
        for (int i = 1; i <= Authentication.MAX_FAILED_LOGINS; i++) {
            known = login("li.si", "Wrong-Password-" + i);
            unknown = login("no.such.user", "Wrong-Password-" + i);
        }
        assertEquals(Status.LOCKED, known.status());
        assertEquals(known, unknown, "the same answer, to the lock's end");
        assertEquals(login("li.si", "x"), login("no.such.user", "x"));
        // Rows of names that stopped trying are forgotten once their lock ran out.
        f.clock.advance(Duration.ofMinutes(Authentication.LOCK_MINUTES + 1));
        f.auth.login("other", "x".toCharArray(), "203.0.113.9", Locale.ROOT);
        assertEquals(1, TestDb.count(f.store, "JX_LOGIN_FAILURE"));
    }

    @Test
    void anAdminsUnlockLiftsEveryAddresssLock() {
        for (int i = 1; i <= Authentication.MAX_FAILED_LOGINS; i++) {
            login("li.si", "Wrong-Password-" + i);
        }
        assertTrue(f.users.get(f.c1Admin, li.id()).lockedUntil() != null, "the users page shows the lock");
        f.users.unlock(f.c1Admin, li.id());
        assertNull(f.users.get(f.c1Admin, li.id()).lockedUntil());
        assertEquals(Status.OK, login("li.si", Fixture.PASSWORD).status());
    }

    @Test
    void successResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            login("li.si", "Wrong-Password-1");
        }
        assertEquals(Status.OK, login("li.si", Fixture.PASSWORD).status());
        for (int i = 0; i < 4; i++) {
            assertEquals(Status.INVALID, login("li.si", "Wrong-Password-1").status());
        }
        assertEquals(Status.LOCKED, login("li.si", "Wrong-Password-1").status());
    }

    @Test
    void afterALockRunsOutTheCountStartsAgain() {
        for (int i = 0; i < 5; i++) {
            login("li.si", "Wrong-Password-1");
        }
        f.clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            assertEquals(Status.INVALID, login("li.si", "Wrong-Password-1").status());
        }
        assertEquals(Status.LOCKED, login("li.si", "Wrong-Password-1").status());
    }

    @Test
    void aDisabledUserIsToldSoOnlyAfterTheRightPassword() {
        f.users.update(f.c1Admin, li.id(),
                new UserDraft("Li.Si", "李四", Set.of(Role.STAFF), f.c1dept.id(), false, null));
        assertEquals(Status.INVALID, login("li.si", "Wrong-Password-1").status());
        LoginResult r = login("li.si", Fixture.PASSWORD);
        assertEquals(Status.DISABLED, r.status());
        assertNull(r.actor());
        assertTrue(f.auth.actor(li.id(), Locale.ROOT).isEmpty(), "a session of a disabled user ends");
    }

    @Test
    void actorReflectsTheCurrentAccount() {
        Actor a = f.auth.actor(li.id(), Locale.ENGLISH).orElseThrow();
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), a.roles());
        assertEquals(Locale.ENGLISH, a.locale());
        f.users.update(f.c1Admin, li.id(), new UserDraft("Li.Si", "李四", Set.of(Role.ADMIN), f.c1.id(), null, null));
        Actor b = f.auth.actor(li.id(), Locale.ENGLISH).orElseThrow();
        assertEquals(Set.of(Role.ADMIN), b.roles());
        assertEquals(f.c1, b.orgUnit());
        assertTrue(f.auth.actor(999_999, Locale.ROOT).isEmpty());
    }

    /** Issue 11, item 7: only users on the root unit could set, approve, assess or approve bonuses. */
    @Test
    void aDepartmentsPeopleActWithTheScopeOfTheCommitteeItBelongsTo() {
        OrgUnit org = f.orgUnits.create(f.cityAdmin, new OrgUnitDraft(f.root.id(), "org", "组织部",
                OrgLevel.DEPARTMENT));
        User approver = f.create(f.cityAdmin, "org.wang", org, Role.TARGET_APPROVER);
        Actor a = f.auth.actor(approver.id(), Locale.ROOT).orElseThrow();
        assertEquals(f.root, a.orgUnit(), "the city's department works for the city");
        assertTrue(UnitYearScope.atRoot(a));
        assertTrue(a.covers(f.c1));
        // A county's department likewise works for its county, and no further.
        Actor li = f.auth.actor(this.li.id(), Locale.ROOT).orElseThrow();
        assertEquals(f.c1, li.orgUnit());
        assertFalse(UnitYearScope.atRoot(li));
    }

    // ---------------------------------------------------------------- passwords

    @Test
    void changePasswordChecksTheCurrentOneAndTheNewOnesStrength() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        assertTrue(f.auth.mustChangePassword(li.id()));

        assertEquals(Map.of("currentPassword", "password.wrong"), errors(() -> f.auth.changePassword(a,
                "Wrong-Password-1".toCharArray(), "A-new-Passw0rd".toCharArray())));
        assertEquals(Map.of("currentPassword", "password.wrong", "newPassword", "password.tooShort"),
                errors(() -> f.auth.changePassword(a, "nope".toCharArray(), "short".toCharArray())));
        assertEquals(Map.of("newPassword", "password.tooSimple"), errors(() -> f.auth.changePassword(a,
                Fixture.PASSWORD.toCharArray(), "onlylowercaseletters".toCharArray())));
        assertEquals(Map.of("newPassword", "password.unchanged"), errors(() -> f.auth.changePassword(a,
                Fixture.PASSWORD.toCharArray(), Fixture.PASSWORD.toCharArray())));
        assertTrue(f.auth.mustChangePassword(li.id()));
        assertEquals(0, TestDb.audit(f.store, "password.change").size());

        f.auth.changePassword(a, Fixture.PASSWORD.toCharArray(), "A-new-Passw0rd".toCharArray());
        assertFalse(f.auth.mustChangePassword(li.id()));
        assertEquals(Status.INVALID, login("li.si", Fixture.PASSWORD).status());
        LoginResult r = login("li.si", "A-new-Passw0rd");
        assertEquals(Status.OK, r.status());
        assertFalse(r.mustChangePassword());
        TestDb.auditedOnce(f.store, "password.change", "user:" + li.id());
    }

    /** Issue 12, item 3: wrong current passwords lock the password form, never the owner's logins. */
    @Test
    void wrongCurrentPasswordsLockThePasswordFormOnly() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        for (int i = 1; i <= Authentication.MAX_FAILED_LOGINS; i++) {
            assertEquals("password.wrong", errors(() -> f.auth.changePassword(a, "Wrong-Password-1".toCharArray(),
                    "A-new-Passw0rd".toCharArray())).get("currentPassword"));
        }
        assertEquals("login.locked", errors(() -> f.auth.changePassword(a, Fixture.PASSWORD.toCharArray(),
                "A-new-Passw0rd".toCharArray())).get("currentPassword"));
        assertEquals(Status.OK, login("li.si", Fixture.PASSWORD).status());
    }

    @Test
    void aCommonPasswordIsRefusedAsTheNewOne() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        assertEquals(Map.of("newPassword", "password.common"), errors(() -> f.auth.changePassword(a,
                Fixture.PASSWORD.toCharArray(), "Password12".toCharArray())));
    }

    /**
     * Issue 12, item 4: a password change left every token working, those minted by whoever else knew the old
     * password included. Now only the tokens the changing login minted (and the token it called with) survive.
     */
    @Test
    void aPasswordChangeRevokesTheTokensOtherLoginsMinted() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String mine = f.auth.createToken(a, "mine", "session-of-the-owner");
        String theirs = f.auth.createToken(a, "theirs", "session-of-someone-else");
        String old = f.auth.createToken(a, "from before");
        String caller = f.auth.createToken(a, "script", "session-of-the-owner");
        String fromScript = f.auth.createToken(a, "made by the script", caller);

        f.auth.changePassword(a, Fixture.PASSWORD.toCharArray(), "A-new-Passw0rd".toCharArray(),
                "session-of-the-owner");
        assertTrue(f.auth.authenticateToken(mine, Locale.ROOT).isPresent());
        assertTrue(f.auth.authenticateToken(caller, Locale.ROOT).isPresent());
        assertTrue(f.auth.authenticateToken(theirs, Locale.ROOT).isEmpty());
        assertTrue(f.auth.authenticateToken(old, Locale.ROOT).isEmpty());
        assertTrue(f.auth.authenticateToken(fromScript, Locale.ROOT).isEmpty());
        assertEquals("tokens revoked: 3", TestDb.audit(f.store, "password.change").get(0).get("DETAIL"));

        // Changed through the API with a bearer token: that token, and what it minted, stay.
        String scripted = f.auth.createToken(a, "made by the caller", caller);
        f.auth.changePassword(a, "A-new-Passw0rd".toCharArray(), "Another-Passw0rd".toCharArray(), caller);
        assertTrue(f.auth.authenticateToken(caller, Locale.ROOT).isPresent());
        assertTrue(f.auth.authenticateToken(scripted, Locale.ROOT).isPresent());
        assertTrue(f.auth.authenticateToken(mine, Locale.ROOT).isEmpty());
        assertEquals(List.of("made by the caller", "script"), f.auth.tokens(a).stream().map(ApiToken::name).toList());
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aTokenStandsForItsUserUntilRevoked() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String token = f.auth.createToken(a, " CI upload ");
        assertTrue(token.startsWith("jx_"));
        assertTrue(token.length() >= 40);

        List<ApiToken> tokens = f.auth.tokens(a);
        assertEquals(1, tokens.size());
        ApiToken t = tokens.get(0);
        assertEquals("CI upload", t.name());
        assertEquals(token.substring(0, 8), t.prefix());
        assertEquals(f.clock.instant(), t.createdAt());
        assertNull(t.lastUsedAt());

        // Only the digest is stored.
        Map<String, Object> row = TestDb.rows(f.store, "SELECT * FROM JX_API_TOKEN").get(0);
        assertEquals(Tokens.sha256Hex(token), row.get("TOKEN_HASH"));
        assertFalse(row.containsValue(token));

        f.clock.advance(Duration.ofMinutes(3));
        Actor viaToken = f.auth.authenticateToken(token, Locale.ENGLISH).orElseThrow();
        assertEquals(a.userId(), viaToken.userId());
        assertEquals(a.roles(), viaToken.roles());
        assertEquals(Locale.ENGLISH, viaToken.locale());
        assertEquals(f.clock.instant(), f.auth.tokens(a).get(0).lastUsedAt());

        assertTrue(f.auth.authenticateToken(token + "x", Locale.ROOT).isEmpty());
        assertTrue(f.auth.authenticateToken("jx_unknown", Locale.ROOT).isEmpty());
        assertTrue(f.auth.authenticateToken(null, Locale.ROOT).isEmpty());

        f.auth.revokeToken(a, t.id());
        assertTrue(f.auth.authenticateToken(token, Locale.ROOT).isEmpty());
        assertEquals(List.of(), f.auth.tokens(a));
        assertThrows(NotFoundException.class, () -> f.auth.revokeToken(a, t.id()), "already revoked");

        assertEquals(1, TestDb.audit(f.store, "token.create").size());
        TestDb.auditedOnce(f.store, "token.revoke", "token:" + t.id());
    }

    @Test
    void nobodyRevokesAnotherUsersToken() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String token = f.auth.createToken(a, "mine");
        long id = f.auth.tokens(a).get(0).id();
        assertThrows(NotFoundException.class, () -> f.auth.revokeToken(f.cityAdmin, id));
        assertThrows(NotFoundException.class, () -> f.auth.revokeToken(a, 999_999));
        assertTrue(f.auth.authenticateToken(token, Locale.ROOT).isPresent());
        assertEquals(List.of(), f.auth.tokens(f.cityAdmin));
        assertEquals(0, TestDb.audit(f.store, "token.revoke").size());
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String token = f.auth.createToken(a, "mine");
        f.users.update(f.c1Admin, li.id(), new UserDraft("Li.Si", "李四", Set.of(Role.STAFF), f.c1dept.id(), false,
                null));
        assertTrue(f.auth.authenticateToken(token, Locale.ROOT).isEmpty());
    }

    @Test
    void tokenNamesAreRequiredAndShort() {
        Actor a = f.cityAdmin;
        assertEquals(Map.of("name", "token.name.required"), errors(() -> f.auth.createToken(a, "  ")));
        assertEquals(Map.of("name", "token.name.required"), errors(() -> f.auth.createToken(a, null)));
        assertEquals(Map.of("name", "token.name.tooLong"), errors(() -> f.auth.createToken(a, "n".repeat(61))));
        assertEquals(0, TestDb.count(f.store, "JX_API_TOKEN"));
        String t1 = f.auth.createToken(a, "n".repeat(60));
        String t2 = f.auth.createToken(a, "n".repeat(60));
        assertNotEquals(t1, t2);
    }

    /** Issue 18: an API call resolves its caller from memory, which a change of the account or its tokens clears. */
    @Test
    void everyChangeOfAnAccountOrItsTokensCountsFromTheVeryNextCall() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String token = f.auth.createToken(a, "mine");
        String other = f.auth.createToken(a, "other");
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().roles());
        assertTrue(f.auth.authenticateToken(other, Locale.ROOT).isPresent());
        assertTrue(f.auth.actor(li.id(), Locale.ROOT).isPresent());

        f.users.update(f.c1Admin, li.id(), new UserDraft("Li.Si", "李四", Set.of(Role.VIEWER), f.c1.id(), null, null));
        assertEquals(Set.of(Role.VIEWER), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().roles());
        assertEquals(f.c1, f.auth.actor(li.id(), Locale.ROOT).orElseThrow().orgUnit());

        f.auth.revokeToken(a, f.auth.tokens(a).stream().filter(t -> t.name().equals("mine")).findFirst()
                .orElseThrow().id());
        assertTrue(f.auth.authenticateToken(token, Locale.ROOT).isEmpty());
        assertTrue(f.auth.authenticateToken(other, Locale.ROOT).isPresent());

        f.users.resetPassword(f.c1Admin, li.id());
        assertTrue(f.auth.authenticateToken(other, Locale.ROOT).isEmpty());

        f.users.update(f.c1Admin, li.id(), new UserDraft("Li.Si", "李四", Set.of(Role.VIEWER), f.c1.id(), false, null));
        assertTrue(f.auth.actor(li.id(), Locale.ROOT).isEmpty());
    }

    /**
     * What changes without the services (a backup restored below a running node) is seen once the cached account is
     * half a minute old: the cache is a cache, not a second copy of the accounts.
     */
    @Test
    void aCachedCallerIsReadAgainAfterHalfAMinute() {
        Actor a = login("li.si", Fixture.PASSWORD).actor();
        String token = f.auth.createToken(a, "mine");
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().roles());
        f.store.inTransaction(c -> org.jixiao.core.internal.schema.Jdbc.update(c,
                "DELETE FROM JX_USER_ROLE WHERE USER_ID = ? AND ROLE = 'VIEWER'", li.id()));
        f.clock.advance(Cached.FRESH_FOR.minusSeconds(1));
        assertEquals(Set.of(Role.STAFF, Role.VIEWER), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().roles(),
                "read once");
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(Set.of(Role.STAFF), f.auth.authenticateToken(token, Locale.ROOT).orElseThrow().roles());
    }
}
