package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Migration;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.testing.MovingClock;
import org.jixiao.api.testing.ReversibleCipher;
import org.jixiao.api.testing.TestData;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An in-memory Derby database with the project's migrations, the engine's and the core's user tables, lent again once
 * emptied; the real register engine; the helpers of two counties as users; a clock at 15 July 2024.
 */
abstract class PreventionTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OrgUnit A = FixedOrgUnits.COUNTY_A;
    static final OrgUnit B = FixedOrgUnits.COUNTY_B;
    static final OrgUnit CITY = FixedOrgUnits.CITY;

    static final Actor A_OFFICE = granted(21, A, Roles.PREVENTION_OFFICE);
    static final Actor B_OFFICE = granted(22, B, Roles.PREVENTION_OFFICE);
    static final Actor CITY_OFFICE = granted(23, CITY, Roles.PREVENTION_OFFICE);
    static final Actor A_POLICE = granted(24, A, Roles.MEMBER_UNIT);
    static final Actor A_OFFICE2 = granted(25, A, Roles.PREVENTION_OFFICE);
    static final Actor A_PRO = granted(31, A, Roles.PROFESSIONAL);
    static final Actor A_VOL = granted(32, A, Roles.VOLUNTEER);
    static final Actor A_PRO2 = granted(33, A, Roles.PROFESSIONAL);
    static final Actor A_VOL2 = granted(34, A, Roles.VOLUNTEER);
    static final Actor B_PRO = granted(35, B, Roles.PROFESSIONAL);
    static final Actor B_VOL = granted(36, B, Roles.VOLUNTEER);
    /** The city departments of the second pairing (member units at city level) and two city helpers. */
    static final Actor CITY_POLICE = granted(26, CityUnits.POLICE, Roles.MEMBER_UNIT);
    static final Actor CITY_EDUCATION = granted(27, CityUnits.EDUCATION, Roles.MEMBER_UNIT);
    static final Actor CITY_PRO = granted(37, CITY, Roles.PROFESSIONAL);
    static final Actor CITY_VOL = granted(38, CITY, Roles.VOLUNTEER);
    static final Actor CITY_ADMIN = new Actor(10, "admin", Set.of(Role.ADMIN), CITY, Locale.SIMPLIFIED_CHINESE);

    MemoryStores.Loan store;
    MovingClock clock;
    RegisterEngine engine;
    PreventionProject project;
    /** Every audit line: action, target and detail. */
    final List<String> audit = new CopyOnWriteArrayList<>();
    long category;

    @BeforeEach
    void setUpProject() {
        List<Migration> migrations = migrations();
        store = MemoryStores.borrow(PreventionProject.ID, s -> {
            s.migrate(PreventionProject.ID, migrations);
            s.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
            TestData.migrateCoreUsers(s);
        });
        clock = new MovingClock(LocalDate.of(2024, 7, 15), ZONE);
        AuditLog log = new AuditLines(audit);
        engine = new RegisterEngine(store, new CityUnits(), log, new ReversibleCipher(), clock, 0);
        project = new PreventionProject(store, new CityUnits(), engine, log, clock);
        for (Actor helper : List.of(A_PRO, A_VOL, A_PRO2, A_VOL2, B_PRO, B_VOL, CITY_PRO, CITY_VOL)) {
            store.execute("INSERT INTO JX_USER VALUES (" + helper.userId() + ", '" + helper.username() + "', '"
                    + helper.username() + "', TRUE)");
            store.execute("INSERT INTO JX_USER_ROLE VALUES (" + helper.userId() + ", '" + helper.grants().iterator().next()
                    + "')");
        }
        category = engine.create(CITY_OFFICE, project, YouthRegister.CATEGORIES, form("name", "闲散青少年",
                "cityUnit", CityUnits.POLICE.code()));
    }

    @AfterEach
    void giveBack() {
        store.close();
    }

    /** The bundle's migrations, in order: listed here so a new one is a conscious change of the tests too. */
    static List<Migration> migrations() {
        return TestData.migrations(PreventionTestBase.class, "B9__baseline.sql", "V10__encrypted_personal_data.sql");
    }

    static Actor granted(long id, OrgUnit unit, String role) {
        return new Actor(id, "u" + id, Set.of(Role.VIEWER), unit, Locale.SIMPLIFIED_CHINESE, Set.of(role));
    }

    /** A key youth of the county born on 15 March 2008 (16 in July 2024), paired with {@code pro} and {@code vol}. */
    long youth(Actor office, String name, int sequence, Actor pro, Actor vol) {
        return engine.create(office, project, YouthRegister.YOUTH, youthForm(name, sequence, pro, vol));
    }

    Map<String, Object> youthForm(String name, int sequence, Actor pro, Actor vol) {
        return form("name", name, "category", category, "community", "城关社区", "birthDate", "2008-03-15",
                "idNumber", TestData.idNumber("20080315", sequence), "guardian", "王母", "situation", "辍学在家",
                "needs", "职业技能培训", "professional", pro == null ? null : pro.userId(),
                "volunteer", vol == null ? null : vol.userId(), "registeredOn", "2024-07-01");
    }

    /** The member unit of the county verifies the youth; its category's city department pairs it a second time. */
    void cityPaired(long youth, Actor department, Actor cityHelper) {
        engine.transition(A_POLICE, project, YouthRegister.YOUTH, youth, "verify",
                form("verifiedBy", "POLICE", "verifiedOn", "2024-07-10"), null);
        boolean professional = cityHelper.hasRole(Roles.PROFESSIONAL);
        engine.transition(department, project, YouthRegister.YOUTH, youth, professional
                ? YouthRegister.PAIR_CITY_PROFESSIONAL : YouthRegister.PAIR_CITY_VOLUNTEER,
                form(professional ? "cityProfessional" : "cityVolunteer", cityHelper.userId()), null);
    }

    long visit(Actor helper, long youth, String day) {
        return engine.create(helper, project, YouthRegister.VISITS, form("parent", youth, "visitedOn", day,
                "way", "HOME_VISIT", "content", "了解近况"));
    }

    static Map<String, Object> form(Object... kv) {
        return TestData.form(kv);
    }

    /** A write refused with its errors by field, and nothing written to {@code table}. */
    Map<String, String> refused(Runnable write, String table) {
        long before = store.count("SELECT COUNT(*) FROM " + table);
        Map<String, String> errors = assertThrows(ValidationException.class, write::run).fieldErrors();
        assertEquals(before, store.count("SELECT COUNT(*) FROM " + table), "nothing written");
        return errors;
    }
}
