package org.jixiao.core.internal.performance;

import java.time.Instant;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.jixiao.core.internal.testing.FakeRegistry;

/**
 * A city with two counties, a development zone, a city-level unit and a city department; the city's admin,
 * target setter and approver, and users of county c1. The clock stands on 2013-02-01, inside the default
 * target-setting window of 2013.
 */
final class PerfFixture implements AutoCloseable {

    final MemoryStores.Loan store;
    final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2013-02-01T02:00:00Z"));
    final OrgUnitServiceImpl orgUnits;
    final OrgUnit root;
    final OrgUnit c1;
    final OrgUnit c2;
    final OrgUnit zone;
    final OrgUnit cityUnit;
    final OrgUnit dept;
    final Actor cityAdmin;
    final Actor setter;
    final Actor approver;
    final Actor cityStaff;
    final Actor c1Admin;
    final Actor c1Setter;
    final Actor c1Approver;
    final Actor c1Viewer;
    final DemoProject project = new DemoProject();
    final FakeRegistry registry = new FakeRegistry().add(project, ProjectState.ACTIVE);
    final PerformanceCycleImpl cycle;
    final TargetServiceImpl targets;

    PerfFixture() {
        store = TestDb.open();
        root = TestDb.insertRoot(store);
        orgUnits = new OrgUnitServiceImpl(store, new CoreSchema(store));
        cityAdmin = TestDb.actor(1, "admin", root, Role.ADMIN, Role.STAFF);
        c1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一县团委", OrgLevel.COUNTY));
        c2 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c2", "二县团委", OrgLevel.COUNTY));
        zone = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "z1", "开发区团工委", OrgLevel.ZONE));
        cityUnit = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "u1", "市直单位团委", OrgLevel.CITY_UNIT));
        dept = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "org", "组织部", OrgLevel.DEPARTMENT));
        setter = TestDb.actor(2, "setter", root, Role.TARGET_SETTER, Role.STAFF);
        approver = TestDb.actor(3, "approver", root, Role.TARGET_APPROVER);
        cityStaff = TestDb.actor(4, "staff", root, Role.STAFF, Role.ADMIN);
        c1Admin = TestDb.actor(10, "c1.admin", c1, Role.ADMIN, Role.STAFF);
        c1Setter = TestDb.actor(11, "c1.setter", c1, Role.TARGET_SETTER);
        c1Approver = TestDb.actor(12, "c1.approver", c1, Role.TARGET_APPROVER);
        c1Viewer = TestDb.actor(13, "c1.viewer", c1, Role.VIEWER);
        cycle = new PerformanceCycleImpl(store, clock);
        targets = new TargetServiceImpl(store, registry, orgUnits, cycle, clock);
    }

    long count(String table) {
        return TestDb.count(store, table);
    }

    @Override
    public void close() {
        store.close();
    }
}
