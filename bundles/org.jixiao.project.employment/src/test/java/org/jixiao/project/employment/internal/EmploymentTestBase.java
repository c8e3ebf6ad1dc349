package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.api.store.Migration;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A migrated Derby database, the project wired to test doubles, and a fixed "today" of 15 June 2013. */
abstract class EmploymentTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2013, 6, 15);

    static final Actor CITY_ADMIN = actor(10, "city", Role.ADMIN, FixedOrgUnits.CITY);
    static final Actor A_STAFF = actor(11, "a-staff", Role.STAFF, FixedOrgUnits.COUNTY_A);
    static final Actor B_STAFF = actor(12, "b-staff", Role.STAFF, FixedOrgUnits.COUNTY_B);
    static final Actor A_VIEWER = actor(13, "a-viewer", Role.VIEWER, FixedOrgUnits.COUNTY_A);
    /** The two counties' ids as a form gives them. */
    static final String A = String.valueOf(FixedOrgUnits.COUNTY_A.id());
    static final String B = String.valueOf(FixedOrgUnits.COUNTY_B.id());

    static final Actor NO_ROLE = new Actor(14, "nobody", Set.of(), FixedOrgUnits.COUNTY_A, Locale.SIMPLIFIED_CHINESE);

    MemoryStores.Loan store;
    ListAudit audit;
    TestCipher cipher;
    EmploymentProject project;
    RegisterEngine engine;
    /** Youth records, through the register engine as every page and import makes them. */
    YouthFixture service;
    /** Entrepreneurship projects, through the register engine. */
    RegisterFixture<ProjectInput> projects;
    /** Mentors with their pairings and activities, through the register engine. */
    MentorFixture mentors;
    /** Internship bases, through the register engine. */
    InternshipBaseFixture bases;

    @BeforeEach
    void setUpDatabase() throws IOException {
        // In memory and lent again once emptied (see MemoryStores): these tests check what the registers write and
        // read, not that it survives a restart, and a fresh on-disk database per test was most of their time.
        List<Migration> migrations = migrations();
        store = MemoryStores.borrow(EmploymentProject.ID, s -> {
            s.migrate(EmploymentProject.ID, migrations);
            s.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
            // The core's users, whom record pages name as who created and changed a record.
            s.migrate("core-users", List.of(new Migration(1, "users", "CREATE TABLE JX_USER (ID BIGINT NOT NULL "
                    + "PRIMARY KEY, USERNAME_KEY VARCHAR(40) NOT NULL, DISPLAY_NAME VARCHAR(100) NOT NULL, "
                    + "ENABLED BOOLEAN NOT NULL);\nCREATE TABLE JX_USER_ROLE (USER_ID BIGINT NOT NULL, "
                    + "ROLE VARCHAR(40) NOT NULL)")));
        });
        audit = new ListAudit();
        cipher = new TestCipher(audit);
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        engine = new RegisterEngine(store, new FixedOrgUnits(), audit, cipher, clock, 0);
        project = new EmploymentProject(store, cipher, new FixedOrgUnits(), audit, clock, engine);
        service = new YouthFixture(engine, project);
        projects = new RegisterFixture<>(engine, project, ProjectRegister.ID, RegisterFixture::formOf);
        mentors = new MentorFixture(engine, project);
        bases = new InternshipBaseFixture(engine, project);
    }

    @AfterEach
    void closeDatabase() {
        store.close();
    }

    /** Every migration of the bundle, in version order, as the core applies them. */
    static List<Migration> migrations() throws IOException {
        List<Migration> out = new ArrayList<>();
        Path folder;
        try {
            folder = Path.of(EmploymentTestBase.class.getResource("/db/migration").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> files;
        try (var stream = Files.list(folder)) {
            files = stream.filter(f -> f.getFileName().toString().matches("[VB]\\d+__.+\\.sql")).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                out.add(Migration.fromFile(file.getFileName().toString(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        out.sort(Comparator.comparingInt(Migration::version));
        return out;
    }

    static Actor actor(long id, String name, Role role, OrgUnit unit) {
        return new Actor(id, name, Set.of(role), unit, Locale.SIMPLIFIED_CHINESE);
    }

    /** Every row of both youth tables, deleted or not: "nothing written" means this does not change. */
    long rows() {
        return rows("EMP_YOUTH", "EMP_YOUTH_NEED");
    }

    /** Every row of the given tables, deleted or not. */
    long rows(String... tables) {
        return store.read(c -> {
            long n = 0;
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
            return n;
        });
    }

    /**
     * A write the engine refuses with nothing written: fails unless the rows of {@code tables} are the same before
     * and after.
     *
     * @return the refusal's errors, by field
     */
    Map<String, String> refused(Runnable write, String... tables) {
        long before = rows(tables);
        ValidationException e = assertThrows(ValidationException.class, write::run);
        assertEquals(before, rows(tables), "nothing written");
        return e.fieldErrors();
    }

    /** The JSON object a call answered. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(WebResult r) {
        return (Map<String, Object>) r.body();
    }

    /** The items of a page's JSON for the year, narrowed to the county when one is given. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(String path, Actor actor, String year, String county) {
        FakeWebRequest r = FakeWebRequest.api("GET", path, actor).param("year", year);
        return (List<Map<String, Object>>) body(project.web().handle(county == null ? r : r.param("county", county)))
                .get("items");
    }

    IndicatorDefinition indicator(String id) {
        return project.indicators().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Fails unless the indicator asks, as the policy's figures do, for at least {@code target} a year. */
    IndicatorDefinition assertPolicy(String id, int target, String clause) {
        IndicatorDefinition d = indicator(id);
        assertEquals(List.of(Comparison.AT_LEAST, new BigDecimal(target), TargetKind.ABSOLUTE, clause),
                List.of(d.comparison(), d.defaultTarget(), d.kind(), d.clause()), id);
        return d;
    }

    /** Fails unless the time node is due on the day each year under the clause. */
    MilestoneDefinition assertTimeNode(String id, int month, int day, String clause) {
        MilestoneDefinition m = project.milestones().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow();
        assertEquals(List.of(MonthDay.of(month, day), clause), List.of(m.due(), m.clause()), id);
        return m;
    }

    /** A valid 18-character resident ID number; an odd {@code sequence} makes a man. */
    static String idNumber(String area, LocalDate birth, int sequence) {
        String body = area + birth.toString().replace("-", "") + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A person who passes every rule: 24 years old, a man, job seeking, in county A. */
    static Map<String, Object> validForm() {
        LocalDate birth = LocalDate.of(1989, 3, 18);
        return form("name", "李雷", "gender", "M", "idNumber", idNumber("110105", birth, 123), "county",
                String.valueOf(FixedOrgUnits.COUNTY_A.id()), "education", "BACHELOR", "type", "JOB_SEEKING", "needs", "希望参加技能培训", "needCategories", List.of("TRAINING", "INTERNSHIP"),
                "registeredOn", "2013-05-20", "phone", "13800138000");
    }

    /** A form of the given names and values, which may be null (unlike {@link Map#of}), and open to changes. */
    static Map<String, Object> form(Object... namesAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    static YouthInput input(Map<String, Object> m) {
        Object needs = m.get("needCategories");
        List<String> categories = new ArrayList<>();
        if (needs instanceof List<?> l) {
            l.forEach(x -> categories.add(String.valueOf(x)));
        }
        return new YouthInput(s(m, "name"), s(m, "gender"), s(m, "idNumber"), s(m, "county"),
                s(m, "education"), s(m, "type"), s(m, "needs"), categories, s(m, "registeredOn"), s(m, "phone"));
    }

    /** A valid person with the given changes; a null value removes the field. */
    static YouthInput person(Object... changes) {
        Map<String, Object> m = validForm();
        for (int i = 0; i < changes.length; i += 2) {
            m.put((String) changes[i], changes[i + 1]);
        }
        return input(m);
    }

    /** A distinct valid person registered by the city on 5 January 2012, before any record of the tests' year. */
    long youth(String name, LocalDate birth, int sequence, String type, OrgUnit county) {
        return service.create(CITY_ADMIN, person(name, birth, sequence, type, county, "2012-01-05"));
    }

    /** A distinct valid person: born on {@code birth}, man or woman by {@code sequence}. */
    static YouthInput person(String name, LocalDate birth, int sequence, String type, OrgUnit county,
            String registeredOn) {
        return person("name", name, "idNumber", idNumber("110105", birth, sequence),
                "gender", sequence % 2 == 1 ? "M" : "F", "type", type, "county", String.valueOf(county.id()),
                "registeredOn", registeredOn);
    }

    private static String s(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
