package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.testing.MovingClock;
import org.jixiao.api.testing.ReversibleCipher;
import org.jixiao.api.web.Upload;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.plan.PlanRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.DerbyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The time of a full city year on a durable on-disk database: 10 counties, 3,000 applicants, each with its documents,
 * ID number, review, home visit, re-check, notice and payment, then the chain checked and the November indicators.
 * A measurement, run by hand: {@code -Dscholarship.cityYear=true -Dtest=CityYearTiming}.
 */
@EnabledIfSystemProperty(named = "scholarship.cityYear", matches = "true")
class CityYearTiming {

    private static final int COUNTIES = 10;
    private static final int PER_COUNTY = 300;

    @Test
    void aCityYear() throws Exception {
        Path dir = Files.createTempDirectory("city-year");
        DerbyStore store = new DerbyStore(dir.resolve("db"), 4);
        try {
            ScholarshipTestBase.migrate(store);
            Counties units = new Counties();
            MovingClock clock = new MovingClock(LocalDate.of(2024, 7, 15), ScholarshipTestBase.ZONE);
            RegisterEngine engine = new RegisterEngine(store, units, new Unheard(),
                    new ReversibleCipher(), clock, 0);
            ScholarshipProject project = new ScholarshipProject(store, units, engine, clock);
            Actor city = ScholarshipTestBase.hope(1, units.root());
            long started = System.nanoTime();
            List<List<Long>> ids = new ArrayList<>();
            for (OrgUnit county : units.counties) {
                Actor office = ScholarshipTestBase.hope(100 + county.id(), county);
                long plan = engine.create(office, project, PlanRegister.PLANS, ScholarshipTestBase.form("unit",
                        county.id(), "year", 2024, "grantPerStudent", "5000", "noticeFrom", "2024-08-11",
                        "noticeTo", "2024-08-17"));
                engine.create(office, project, PlanRegister.FUNDS, ScholarshipTestBase.form("parent", plan, "donor",
                        "爱心企业", "amount", PER_COUNTY * 5000 + "", "receivedOn", "2024-06-20", "restricted", false));
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < PER_COUNTY; i++) {
                    long id = engine.create(office, project, ApplicationRegister.APPLICATIONS,
                            ScholarshipTestBase.applicant(county, "学生" + i));
                    engine.create(office, project, ApplicationRegister.IDENTITIES, ScholarshipTestBase.form("parent",
                            id, "year", 2024, "idNumber", ScholarshipTestBase.idNumber(
                                    "200603" + String.format("%02d", county.id()), i)));
                    engine.transition(office, project, ApplicationRegister.APPLICATIONS, id, "review",
                            ScholarshipTestBase.form("reviewedOn", "2024-07-15"), null);
                    engine.create(city, project, ApplicationRegister.VISITS, ScholarshipTestBase.form("parent", id,
                            "visitedOn", "2024-07-15", "visitors", "王老师", "findings", "属实",
                            "factsConfirmed", true));
                    engine.transition(city, project, ApplicationRegister.APPLICATIONS, id, "recheck",
                            ScholarshipTestBase.form("checkedOn", "2024-07-15"), null);
                    engine.transition(city, project, ApplicationRegister.APPLICATIONS, id, "publish",
                            ScholarshipTestBase.form(), null);
                    mine.add(id);
                }
                ids.add(mine);
            }
            clock.set(LocalDate.of(2024, 8, 20));
            for (int c = 0; c < COUNTIES; c++) {
                Actor office = ScholarshipTestBase.hope(100 + units.counties.get(c).id(), units.counties.get(c));
                for (long id : ids.get(c)) {
                    engine.transition(office, project, ApplicationRegister.APPLICATIONS, id, "disburse",
                            ScholarshipTestBase.form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt",
                                    new Upload("签收单.pdf", "application/pdf", ScholarshipTestBase.PDF)), null);
                }
            }
            long workflow = System.nanoTime() - started;
            long check = System.nanoTime();
            assertTrue(project.verifyChain().intact());
            long checked = System.nanoTime() - check;
            long november = System.nanoTime();
            assertEquals(0, new java.math.BigDecimal("100").compareTo(project.actuals(units.counties.stream()
                    .map(OrgUnit::id).toList(), 2024).get(units.counties.get(0).id()).get("disbursement.complete")));
            System.out.printf(Locale.ROOT, "city year: %d applicants in %d counties through the workflow in %.1f s;"
                    + " chain of %d checked in %.2f s; November indicators in %.2f s%n", COUNTIES * PER_COUNTY,
                    COUNTIES, workflow / 1e9, project.verifyChain().entries(), checked / 1e9,
                    (System.nanoTime() - november) / 1e9);
        } finally {
            store.close();
        }
    }

    /** A city and ten counties. */
    static final class Counties implements OrgUnitService {
        private final OrgUnit city = new OrgUnit(1, null, "city", "市", OrgLevel.CITY, "/1/");
        final List<OrgUnit> counties = new ArrayList<>();

        Counties() {
            for (long id = 2; id < 2 + COUNTIES; id++) {
                counties.add(new OrgUnit(id, 1L, "c" + id, "县" + id, OrgLevel.COUNTY, "/1/" + id + "/"));
            }
        }

        @Override
        public OrgUnit root() {
            return city;
        }

        @Override
        public OrgUnit create(Actor actor, OrgUnitDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrgUnit update(Actor actor, long id, OrgUnitDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrgUnit> find(long id) {
            return id == 1 ? Optional.of(city) : counties.stream().filter(u -> u.id() == id).findFirst();
        }

        @Override
        public List<OrgUnit> subtree(long rootId) {
            if (rootId == 1) {
                List<OrgUnit> all = new ArrayList<>(List.of(city));
                all.addAll(counties);
                return all;
            }
            return find(rootId).map(List::of).orElse(List.of());
        }
    }

    /** The audit lines are not what this measures. */
    static final class Unheard implements org.jixiao.api.AuditLog {
        @Override
        public void record(Actor actor, String action, String target, String detail) {
        }

        @Override
        public void record(java.sql.Connection connection, Actor actor, String action, String target,
                String detail) {
        }
    }
}
