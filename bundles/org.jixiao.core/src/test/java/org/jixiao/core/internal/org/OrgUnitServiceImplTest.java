package org.jixiao.core.internal.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgUnitServiceImplTest {

    private MemoryStores.Loan store;
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private OrgUnit root;
    private OrgUnitServiceImpl service;
    private Actor cityAdmin;

    @BeforeEach
    void open() {
        store = TestDb.open();
        root = TestDb.insertRoot(store);
        service = new OrgUnitServiceImpl(store, clock);
        cityAdmin = TestDb.actor(1, "admin", root, Role.ADMIN, Role.STAFF);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachChangeOfTheTreeGoesToTheOutboxInItsTransactionAndACountyNodeChangesNone() {
        RecordingOutbox outbox = new RecordingOutbox();
        service.outbox = outbox;
        OrgUnit county = county("c1");
        service.update(cityAdmin, county.id(), new OrgUnitDraft(root.id(), "c1", "新名", OrgLevel.COUNTY));
        assertEquals(List.of("JX_ORG_UNIT ID=" + county.id(), "JX_ORG_UNIT ID=" + county.id()), outbox.rows());

        service.outbox = new RecordingOutbox(java.util.Set.of("JX_ORG_UNIT"));
        assertEquals(Map.of("name", "federation.cityOwned"), errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(root.id(), "c2", "二县团委", OrgLevel.COUNTY))));
        assertEquals(Map.of("name", "federation.cityOwned"), errors(() -> service.update(cityAdmin, county.id(),
                new OrgUnitDraft(root.id(), "c1", "再改", OrgLevel.COUNTY))));
        assertEquals(2, service.subtree(root.id()).size());

        // The city's rename arrives as a copy, written beside the service: it reads the tree again when told.
        store.inTransaction(c -> org.jixiao.core.internal.schema.Jdbc.update(c,
                "UPDATE JX_ORG_UNIT SET NAME = '市里改的' WHERE ID = ?", county.id()));
        service.applied(java.util.Set.of("JX_PERF_YEAR"));
        assertEquals("新名", service.find(county.id()).orElseThrow().name());
        service.applied(java.util.Set.of("JX_ORG_UNIT"));
        assertEquals("市里改的", service.find(county.id()).orElseThrow().name());
    }

    private OrgUnit county(String code) {
        return service.create(cityAdmin, new OrgUnitDraft(root.id(), code, code + " 團委", OrgLevel.COUNTY));
    }

    private Map<String, String> errors(Runnable r) {
        return assertThrows(ValidationException.class, r::run).fieldErrors();
    }

    @Test
    void rootIsTheCityAndFoundById() {
        assertEquals(root, service.root());
        assertEquals("/" + root.id() + "/", root.path());
        assertEquals(root, service.find(root.id()).orElseThrow());
        assertTrue(service.find(999_999).isEmpty());
    }

    @Test
    void createsBelowAParentWithThePathExtended() {
        OrgUnit county = county("c1");
        assertEquals(root.id(), county.parentId());
        assertEquals(root.path() + county.id() + "/", county.path());
        assertEquals(county, service.find(county.id()).orElseThrow(), "the cache is refreshed after a write");
        assertEquals(county, new OrgUnitServiceImpl(store, clock).find(county.id()).orElseThrow(), "persisted");

        Map<String, Object> audit = TestDb.auditedOnce(store, "orgUnit.create", "orgUnit:" + county.id());
        assertEquals(1L, audit.get("ACTOR_ID"));
        assertEquals("admin", audit.get("ACTOR_NAME"));
    }

    @Test
    void subtreeIsInTreeOrderWithSiblingsByCode() {
        OrgUnit b = county("b-county");
        OrgUnit a = county("A-county");
        OrgUnit c = county("c-county");
        OrgUnit b2 = service.create(cityAdmin, new OrgUnitDraft(b.id(), "b2", "b2", OrgLevel.DEPARTMENT));
        OrgUnit b1 = service.create(cityAdmin, new OrgUnitDraft(b.id(), "b1", "b1", OrgLevel.DEPARTMENT));
        OrgUnit a1 = service.create(cityAdmin, new OrgUnitDraft(a.id(), "a1", "a1", OrgLevel.DEPARTMENT));
        OrgUnit b11 = service.create(cityAdmin, new OrgUnitDraft(b1.id(), "b11", "b11", OrgLevel.DEPARTMENT));

        assertEquals(List.of(root, a, a1, b, b1, b11, b2, c), service.subtree(root.id()));
        assertEquals(List.of(b, b1, b11, b2), service.subtree(b.id()));
        assertEquals(List.of(c), service.subtree(c.id()));
        assertEquals(List.of(), service.subtree(999_999));
        assertEquals(List.of(b, b1, b11, b2),
                service.visibleTo(TestDb.actor(5, "b.admin", b, Role.VIEWER)));
    }

    @Test
    void validationReportsEveryFieldAndWritesNothing() {
        long units = TestDb.count(store, "JX_ORG_UNIT");
        assertEquals(Map.of("code", "orgUnit.code.required", "name", "orgUnit.name.required",
                "level", "orgUnit.level.required"),
                errors(() -> service.create(cityAdmin, new OrgUnitDraft(root.id(), " ", null, null))));
        assertEquals("orgUnit.code.format",
                errors(() -> service.create(cityAdmin, new OrgUnitDraft(root.id(), "a b", "x", OrgLevel.COUNTY)))
                        .get("code"));
        assertEquals("orgUnit.code.format", errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(root.id(), "x".repeat(33), "x", OrgLevel.COUNTY))).get("code"));
        assertEquals("orgUnit.code.format", errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(root.id(), "縣", "x", OrgLevel.COUNTY))).get("code"));
        assertEquals("orgUnit.name.tooLong", errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(root.id(), "c1", "名".repeat(101), OrgLevel.COUNTY))).get("name"));
        assertEquals("orgUnit.level.city", errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(root.id(), "c1", "x", OrgLevel.CITY))).get("level"));
        assertEquals("orgUnit.parent.required", errors(() -> service.create(cityAdmin,
                new OrgUnitDraft(null, "second-root", "x", OrgLevel.COUNTY))).get("parentId"));
        assertEquals(units, TestDb.count(store, "JX_ORG_UNIT"));
        assertEquals(0, TestDb.count(store, "JX_AUDIT"));
    }

    @Test
    void codesAreUniqueIgnoringCase() {
        county("County-1");
        assertEquals("orgUnit.code.taken", errors(() -> county("county-1")).get("code"));
        assertEquals("orgUnit.code.taken", errors(() -> county("CITY")).get("code"));
        OrgUnit maxLength = county("x".repeat(32));
        assertEquals(32, maxLength.code().length());
    }

    @Test
    void writesNeedTheAdminRole() {
        Actor staff = TestDb.actor(2, "staff", root, Role.STAFF, Role.VIEWER);
        assertThrows(AccessDeniedException.class,
                () -> service.create(staff, new OrgUnitDraft(root.id(), "c1", "x", OrgLevel.COUNTY)));
        assertThrows(AccessDeniedException.class,
                () -> service.update(staff, root.id(), new OrgUnitDraft(null, "city", "x", OrgLevel.CITY)));
        assertEquals(1, TestDb.count(store, "JX_ORG_UNIT"));
    }

    @Test
    void aCountyAdminWritesOnlyInsideTheirCounty() {
        OrgUnit c1 = county("c1");
        OrgUnit c2 = county("c2");
        Actor c1Admin = TestDb.actor(3, "c1.admin", c1, Role.ADMIN);

        OrgUnit dept = service.create(c1Admin, new OrgUnitDraft(c1.id(), "c1-dept", "部", OrgLevel.DEPARTMENT));
        assertEquals(c1.id(), dept.parentId());

        long units = TestDb.count(store, "JX_ORG_UNIT");
        assertThrows(NotFoundException.class,
                () -> service.create(c1Admin, new OrgUnitDraft(c2.id(), "c2-dept", "部", OrgLevel.DEPARTMENT)));
        assertThrows(NotFoundException.class,
                () -> service.create(c1Admin, new OrgUnitDraft(root.id(), "c3", "x", OrgLevel.COUNTY)));
        assertThrows(NotFoundException.class,
                () -> service.create(c1Admin, new OrgUnitDraft(999_999L, "c4", "x", OrgLevel.COUNTY)));
        assertThrows(NotFoundException.class,
                () -> service.update(c1Admin, c2.id(), new OrgUnitDraft(null, "c2", "renamed", OrgLevel.COUNTY)));
        assertThrows(NotFoundException.class,
                () -> service.update(c1Admin, root.id(), new OrgUnitDraft(null, "city", "renamed", OrgLevel.CITY)));
        assertEquals(units, TestDb.count(store, "JX_ORG_UNIT"));
        assertEquals("c2 團委", service.find(c2.id()).orElseThrow().name());
    }

    /** Issue 12, item 6: a county admin could change its own county's level and leave the evaluation. */
    @Test
    void onlyTheCityChangesAUnitsLevel() {
        OrgUnit c1 = service.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一县", OrgLevel.COUNTY));
        Actor c1Admin = TestDb.actor(3, "c1.admin", c1, Role.ADMIN);
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update(c1Admin, c1.id(), new OrgUnitDraft(null, "c1", "一县", OrgLevel.DEPARTMENT)));
        assertEquals("orgUnit.level.cityOnly", e.fieldErrors().get("level"));
        assertEquals(OrgLevel.COUNTY, service.find(c1.id()).orElseThrow().level());
        // Its name is its own to change; the level is the city's.
        assertEquals("一县团委", service.update(c1Admin, c1.id(), new OrgUnitDraft(null, "c1", "一县团委",
                OrgLevel.COUNTY)).name());
        assertEquals(OrgLevel.ZONE, service.update(cityAdmin, c1.id(), new OrgUnitDraft(null, "c1", "一县团委",
                OrgLevel.ZONE)).level());
    }

    @Test
    void updateRenamesAndRecodesInPlace() {
        OrgUnit c1 = county("c1");
        OrgUnit dept = service.create(cityAdmin, new OrgUnitDraft(c1.id(), "d1", "部", OrgLevel.DEPARTMENT));

        // The parent in the draft is ignored: a unit keeps its place in the tree.
        OrgUnit updated = service.update(cityAdmin, c1.id(),
                new OrgUnitDraft(999L, " c1-new ", " 新名 ", OrgLevel.ZONE));
        assertEquals(new OrgUnit(c1.id(), root.id(), "c1-new", "新名", OrgLevel.ZONE, c1.path()), updated);
        assertEquals(updated, service.find(c1.id()).orElseThrow());
        assertEquals(List.of(updated, dept), service.subtree(c1.id()));

        TestDb.auditedOnce(store, "orgUnit.update", "orgUnit:" + c1.id());

        assertEquals("orgUnit.code.taken", errors(() -> service.update(cityAdmin, dept.id(),
                new OrgUnitDraft(null, "C1-NEW", "x", OrgLevel.DEPARTMENT))).get("code"));
        // Keeping one's own code is no clash.
        service.update(cityAdmin, dept.id(), new OrgUnitDraft(null, "d1", "部門", OrgLevel.DEPARTMENT));
        assertThrows(NotFoundException.class,
                () -> service.update(cityAdmin, 999_999, new OrgUnitDraft(null, "x", "x", OrgLevel.COUNTY)));
    }

    @Test
    void theRootStaysTheCity() {
        assertEquals("orgUnit.level.city", errors(() -> service.update(cityAdmin, root.id(),
                new OrgUnitDraft(null, "city", "x", OrgLevel.COUNTY))).get("level"));
        OrgUnit renamed = service.update(cityAdmin, root.id(), new OrgUnitDraft(null, "city", "共青團某市委", OrgLevel.CITY));
        assertEquals("共青團某市委", service.root().name());
        assertEquals(renamed, service.root());
        OrgUnit c1 = county("c1");
        assertEquals("orgUnit.level.city", errors(() -> service.update(cityAdmin, c1.id(),
                new OrgUnitDraft(null, "c1", "x", OrgLevel.CITY))).get("level"));
    }

    @Test
    void aServiceStartedBeforeTheBootstrapPicksUpTheRoot() throws Exception {
        store.close();
        try (MemoryStores.Loan fresh = TestDb.open()) {
            OrgUnitServiceImpl early = new OrgUnitServiceImpl(fresh, clock);
            assertThrows(IllegalStateException.class, early::root);
            OrgUnit r = TestDb.insertRoot(fresh);
            assertEquals(r, early.root());
            assertFalse(early.find(r.id()).isEmpty());
        }
        store = TestDb.open();
    }
}
