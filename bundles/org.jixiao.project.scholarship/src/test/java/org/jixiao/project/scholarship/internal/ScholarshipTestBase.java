package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.testing.MovingClock;
import org.jixiao.api.testing.ReversibleCipher;
import org.jixiao.api.testing.TestData;
import org.jixiao.api.web.Upload;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.plan.PlanRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An in-memory Derby database with the project's migrations and the engine's, lent again once emptied; the real
 * register engine; a clock the test moves through the year (15 July 2024 to start).
 */
abstract class ScholarshipTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2024;
    static final OrgUnit A = FixedOrgUnits.COUNTY_A;
    static final OrgUnit B = FixedOrgUnits.COUNTY_B;

    static final Actor A_HOPE = hope(21, A);
    static final Actor B_HOPE = hope(22, B);
    static final Actor CITY_HOPE = hope(23, FixedOrgUnits.CITY);
    static final Actor A_VIEWER = new Actor(24, "a-viewer", Set.of(Role.VIEWER), A, Locale.SIMPLIFIED_CHINESE);

    static final byte[] PDF = "%PDF-1.7 录取通知书".getBytes(StandardCharsets.UTF_8);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 'J', 'F', 'I', 'F'};

    MemoryStores.Loan store;
    MovingClock clock;
    RegisterEngine engine;
    ScholarshipProject project;
    final List<String> audit = new ArrayList<>();

    @BeforeEach
    void setUpProject() {
        store = MemoryStores.borrow(ScholarshipProject.ID, ScholarshipTestBase::migrate);
        clock = new MovingClock(LocalDate.of(YEAR, 7, 15), ZONE);
        engine = new RegisterEngine(store, new FixedOrgUnits(), new Audit(), new ReversibleCipher(), clock, 0);
        project = new ScholarshipProject(store, new FixedOrgUnits(), engine, clock);
    }

    @AfterEach
    void giveBack() {
        store.close();
    }

    /** Brings a fresh database to what the project runs on: its own tables, the engine's and the core's users. */
    static void migrate(Store store) {
        store.migrate(ScholarshipProject.ID, migrations());
        store.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
        TestData.migrateCoreUsers(store);
    }

    /** The bundle's migrations, in order: listed here so a new one is a conscious change of the tests too. */
    static List<Migration> migrations() {
        return TestData.migrations(ScholarshipTestBase.class, "B3__baseline.sql");
    }

    static Actor hope(long id, OrgUnit unit) {
        return new Actor(id, "hope-" + id, Set.of(Role.VIEWER), unit, Locale.SIMPLIFIED_CHINESE,
                Set.of(Roles.HOPE_OFFICE));
    }

    /** A plan of the county for the year: 5,000 元 a student, notice 11 to 17 August, with {@code raised} given. */
    long plan(Actor actor, OrgUnit unit, String raised) {
        long plan = engine.create(actor, project, PlanRegister.PLANS, form("unit", unit.id(), "year", YEAR,
                "grantPerStudent", "5000", "noticeFrom", "2024-08-11", "noticeTo", "2024-08-17"));
        engine.create(actor, project, PlanRegister.FUNDS, form("parent", plan, "donor", "某某爱心企业", "amount", raised,
                "receivedOn", "2024-06-20", "restricted", false));
        return plan;
    }

    /** A valid application of the county: a rural poor family, a full-time undergraduate, all three documents. */
    static Map<String, Object> applicant(OrgUnit unit, String name) {
        return form("unit", unit.id(), "year", YEAR, "name", name, "familyType", "RURAL_POOR",
                "university", "浙江大学", "major", "计算机科学与技术", "fullTimeUndergraduate", true, "examScore", 640,
                "household", "父母务农，兄妹三人", "phone", "13800138000", "appliedOn", "2024-07-05",
                "admissionNotice", pdf("录取通知书.pdf"), "idCard", pdf("身份证.pdf"),
                "povertyCertificate", pdf("贫困证明.pdf"));
    }

    /** An application with its applicant's ID number, as the county enters them. */
    long apply(Actor actor, OrgUnit unit, String name, String idNumber) {
        long id = engine.create(actor, project, ApplicationRegister.APPLICATIONS, applicant(unit, name));
        identify(actor, id, YEAR, idNumber);
        return id;
    }

    long identify(Actor actor, long application, int year, String idNumber) {
        return engine.create(actor, project, ApplicationRegister.IDENTITIES, form("parent", application, "year", year,
                "idNumber", idNumber));
    }

    /** Takes the application from applied to the public notice, as county and city do. */
    void toNotice(long id) {
        step(A_HOPE, id, "review", form("reviewedOn", "2024-07-15"));
        engine.create(CITY_HOPE, project, ApplicationRegister.VISITS, form("parent", id, "visitedOn", "2024-07-15",
                "visitors", "王老师、李老师", "findings", "家中确实困难", "factsConfirmed", true,
                "photo", new Upload("家访.jpg", "image/jpeg", JPEG)));
        step(CITY_HOPE, id, "recheck", form("checkedOn", "2024-07-15"));
        step(CITY_HOPE, id, "publish", form());
    }

    void step(Actor actor, long id, String transition, Map<String, Object> input) {
        engine.transition(actor, project, ApplicationRegister.APPLICATIONS, id, transition, input, null);
    }

    static Upload pdf(String name) {
        return new Upload(name, "application/pdf", PDF);
    }

    /** A valid 18-character resident ID number. */
    static String idNumber(int sequence) {
        return idNumber("20060315", sequence);
    }

    /** A valid 18-character resident ID number of someone born on {@code birth} (yyyyMMdd). */
    static String idNumber(String birth, int sequence) {
        return TestData.idNumber(birth, sequence);
    }

    /** Names and values, which may be null (unlike {@link Map#of}), as a form sends them. */
    static Map<String, Object> form(Object... kv) {
        return TestData.form(kv);
    }

    /** A write refused with nothing written to {@code table}; its errors by field. */
    Map<String, String> refused(Runnable write, String table) {
        long before = count("SELECT COUNT(*) FROM " + table);
        ValidationException e = assertThrows(ValidationException.class, write::run);
        assertEquals(before, count("SELECT COUNT(*) FROM " + table), "nothing written");
        return e.fieldErrors();
    }

    long count(String sql) {
        return store.count(sql);
    }

    void sql(String statement) {
        store.execute(statement);
    }

    private final class Audit implements AuditLog {
        @Override
        public void record(Actor actor, String action, String target, String detail) {
            audit.add(action + " " + target);
        }

        @Override
        public void record(Connection connection, Actor actor, String action, String target, String detail) {
            record(actor, action, target, detail);
        }
    }
}
