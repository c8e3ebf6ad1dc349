package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.testing.MovingClock;
import org.jixiao.register.internal.RegisterEngine;
import org.junit.jupiter.api.BeforeEach;

/**
 * The project on the same database as {@link EmploymentTestBase}, but on a clock the test moves between the refresh
 * windows, starting on 10 March 2013; its refresh service reports time nodes to a list.
 */
abstract class RefreshTestBase extends EmploymentTestBase {

    /** A time node reported done. */
    record Marked(String user, int year, long county, String milestone, LocalDate on, String evidence) {
    }

    MovingClock clock;
    EmploymentProject moving;
    YouthFixture youth;
    RefreshService refresh;
    final List<Marked> marked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void movableProject() {
        clock = new MovingClock(LocalDate.of(2013, 3, 10), ZONE);
        RegisterEngine movingEngine = new RegisterEngine(store, new FixedOrgUnits(), audit, cipher, clock, 0);
        moving = new EmploymentProject(store, cipher, new FixedOrgUnits(), audit, clock, movingEngine);
        youth = new YouthFixture(movingEngine, moving);
        refresh = new RefreshService(store, new FixedOrgUnits(), audit, clock, moving.youth(), (actor, c, evidence) -> {
            marked.add(new Marked(actor.username(), c.window().year(), c.countyId(), c.window().period().milestoneId(),
                    c.confirmedOn(), evidence));
            return true;
        });
    }

    void at(int year, int month, int day) {
        clock.set(LocalDate.of(year, month, day));
    }

    /** A valid youth registered on {@code registeredOn}. */
    static YouthInput youth(String name, LocalDate birth, int sequence, YouthType type, OrgUnit county,
            Education education, List<String> needs, String registeredOn) {
        return YouthCountyStatsTest.youth(name, birth, sequence, type, county, education, needs, registeredOn);
    }

    static RefreshInput in(OrgUnit county) {
        return new RefreshInput(county == null ? null : String.valueOf(county.id()), null, null);
    }

    long refreshRows() {
        return rows("EMP_REFRESH", "EMP_REFRESH_ITEM");
    }
}
