package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneMark;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.MilestoneTimeliness;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/** The refresh rules: the windows, scope, frozen snapshots, versions, the changes and the time nodes. */
class RefreshServiceTest extends RefreshTestBase {

    private long a1;
    private long a2;

    /** Two records in county A (and one deleted), one in B, all registered before March 2013. */
    private void records() {
        a1 = youth.create(A_STAFF, youth("A1", LocalDate.of(1990, 1, 1), 1, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of("TRAINING"), "2013-01-10"));
        a2 = youth.create(A_STAFF, youth("A2", LocalDate.of(1985, 6, 15), 2, YouthType.ENTREPRENEUR,
                FixedOrgUnits.COUNTY_A, Education.SENIOR_HIGH, List.of("LOAN", "MENTOR"), "2013-01-10"));
        long gone = youth.create(A_STAFF, youth("A3", LocalDate.of(1991, 2, 2), 3, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-01-10"));
        youth.delete(A_STAFF, gone);
        youth.create(B_STAFF, youth("B1", LocalDate.of(1970, 1, 1), 5, YouthType.ENTREPRENEUR, FixedOrgUnits.COUNTY_B,
                Education.MASTER_OR_ABOVE, List.of(), "2013-01-10"));
    }

    @Test
    void confirmingFreezesTheLiveRecordsOfTheCountyAndReportsTheTimeNode() {
        records();
        RefreshService.Confirmed done = refresh.confirm(A_STAFF, in(null));
        RefreshConfirmation c = done.confirmation();
        assertTrue(done.timeNodeMarked());
        assertEquals(FixedOrgUnits.COUNTY_A.id(), c.countyId(), "a county user confirms its own county");
        assertEquals(new RefreshWindow(2013, RefreshPeriod.MARCH), c.window());
        assertEquals(1, c.version());
        assertEquals(LocalDate.of(2013, 3, 10), c.confirmedOn());
        assertEquals("a-staff", c.confirmedByName());
        assertEquals(A_STAFF.userId(), c.confirmedBy());
        assertEquals(2, c.total());
        assertEquals(1, c.jobSeeking());
        assertEquals(1, c.entrepreneurs());

        List<RefreshItem> items = refresh.items(A_STAFF, c.id(), 1).items();
        assertEquals(List.of(new RefreshItem(a1, YouthType.JOB_SEEKING, Education.BACHELOR, "16_24",
                LocalDate.of(2013, 1, 10), Set.of(NeedCategory.TRAINING)), new RefreshItem(a2,
                YouthType.ENTREPRENEUR, Education.SENIOR_HIGH, "25_30", LocalDate.of(2013, 1, 10),
                Set.of(NeedCategory.LOAN, NeedCategory.MENTOR))), items);
        assertEquals(3, rows("EMP_REFRESH", "EMP_REFRESH_ITEM"), "one header and two items; B untouched");

        assertEquals(List.of(new Marked("a-staff", 2013, FixedOrgUnits.COUNTY_A.id(), "youth.refresh.march",
                LocalDate.of(2013, 3, 10), "/p/employment/refresh/2?year=2013&period=MARCH (version 1, 2 records)")),
                marked);
        List<ListAudit.Entry> lines = audit.withAction("refresh.confirm");
        assertEquals(1, lines.size());
        assertEquals("refresh:" + c.id(), lines.get(0).target());
        assertEquals("county=2 window=2013-MARCH version=1 records=2", lines.get(0).detail());
    }

    @Test
    void theSnapshotHoldsNoNameIdNumberOrPhone() {
        Set<String> columns = new TreeSet<>(store.columns("EMP_REFRESH_ITEM"));
        assertEquals(new TreeSet<>(List.of("REFRESH_ID", "YOUTH_ID", "YOUTH_TYPE", "EDUCATION", "AGE_BAND",
                "REGISTERED_ON", "NEED_CATEGORIES")), columns);
    }

    @Test
    void outsideTheWindowNothingIsWrittenAndTheMessageIsTranslated() {
        records();
        long before = rows();
        for (LocalDate day : List.of(LocalDate.of(2013, 2, 28), LocalDate.of(2013, 4, 1), LocalDate.of(2013, 8, 31),
                LocalDate.of(2013, 10, 1))) {
            clock.set(day);
            ValidationException e = assertThrows(ValidationException.class, () -> refresh.confirm(A_STAFF, in(null)),
                    day.toString());
            assertEquals(Map.of("window", RefreshService.WINDOW_CLOSED), e.fieldErrors());
        }
        // In September, the March window cannot be confirmed any more: its snapshot is closed.
        at(2013, 9, 2);
        ValidationException closed = assertThrows(ValidationException.class, () -> refresh.confirm(A_STAFF,
                new RefreshInput(null, "2013", "MARCH")));
        assertEquals(Map.of("window", RefreshService.WINDOW_CLOSED), closed.fieldErrors());
        assertThrows(ValidationException.class, () -> refresh.confirm(A_STAFF, new RefreshInput(null, "2012",
                "SEPTEMBER")));
        assertEquals(0, refreshRows());
        assertEquals(before, rows());
        assertTrue(audit.withAction("refresh.confirm").isEmpty());
        assertTrue(marked.isEmpty());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertFalse(PageRender.msg(locale, RefreshService.WINDOW_CLOSED).isBlank());
        }
        assertTrue(PageRender.msg(Locale.ENGLISH, RefreshService.WINDOW_CLOSED).contains("1 to 31 March"));

        // The first and last days of both windows are open; asking for the open window by name is the same.
        at(2013, 3, 1);
        assertEquals(1, refresh.confirm(A_STAFF, in(null)).confirmation().version());
        at(2013, 3, 31);
        assertEquals(2, refresh.confirm(A_STAFF, new RefreshInput(null, "2013", "march")).confirmation().version());
        at(2013, 9, 1);
        assertEquals(RefreshPeriod.SEPTEMBER, refresh.confirm(A_STAFF, in(null)).confirmation().window().period());
        at(2013, 9, 30);
        assertEquals(2, refresh.confirm(A_STAFF, in(null)).confirmation().version());
    }

    @Test
    void aCountyConfirmsOnlyItselfAndTheCitySeesAll() {
        records();
        ValidationException other = assertThrows(ValidationException.class,
                () -> refresh.confirm(B_STAFF, in(FixedOrgUnits.COUNTY_A)));
        assertEquals(Map.of("county", RefreshService.COUNTY_INVALID), other.fieldErrors());
        assertEquals(Map.of("county", RefreshService.COUNTY_REQUIRED),
                assertThrows(ValidationException.class, () -> refresh.confirm(CITY_ADMIN, in(null))).fieldErrors());
        assertEquals(Map.of("county", RefreshService.COUNTY_INVALID), assertThrows(ValidationException.class,
                () -> refresh.confirm(CITY_ADMIN, in(FixedOrgUnits.DEPARTMENT))).fieldErrors());
        assertThrows(AccessDeniedException.class, () -> refresh.confirm(A_VIEWER, in(null)));
        assertThrows(AccessDeniedException.class, () -> refresh.confirm(NO_ROLE, in(null)));
        assertEquals(0, refreshRows());

        RefreshConfirmation a = refresh.confirm(A_STAFF, in(null)).confirmation();
        RefreshConfirmation b = refresh.confirm(CITY_ADMIN, in(FixedOrgUnits.COUNTY_B)).confirmation();
        assertEquals("city", b.confirmedByName(), "the city may confirm for a county");
        assertEquals(1, b.total());

        RefreshWindow march = new RefreshWindow(2013, RefreshPeriod.MARCH);
        List<RefreshStatus> city = refresh.overview(CITY_ADMIN, march, null);
        assertEquals(List.of(FixedOrgUnits.COUNTY_A, FixedOrgUnits.COUNTY_B), city.stream().map(RefreshStatus::county)
                .toList());
        assertEquals(List.of(a.id(), b.id()), city.stream().map(s -> s.confirmation().id()).toList());
        assertEquals(List.of(2L, 1L), city.stream().map(RefreshStatus::live).toList(), "live records, deleted apart");
        List<RefreshStatus> own = refresh.overview(B_STAFF, march, null);
        assertEquals(1, own.size());
        assertEquals(b.id(), own.get(0).confirmation().id());
        assertEquals(List.of(), refresh.overview(B_STAFF, march, FixedOrgUnits.COUNTY_A.id()));

        assertThrows(NotFoundException.class, () -> refresh.changes(B_STAFF, FixedOrgUnits.COUNTY_A.id(), march));
        assertThrows(NotFoundException.class, () -> refresh.changes(CITY_ADMIN, FixedOrgUnits.DEPARTMENT.id(), march));
        assertThrows(NotFoundException.class, () -> refresh.history(B_STAFF, FixedOrgUnits.COUNTY_A.id()));
        assertThrows(NotFoundException.class, () -> refresh.get(B_STAFF, a.id()));
        assertThrows(NotFoundException.class, () -> refresh.items(B_STAFF, a.id(), 1));
        assertThrows(NotFoundException.class, () -> refresh.get(CITY_ADMIN, 999_999));
        assertThrows(AccessDeniedException.class, () -> refresh.overview(NO_ROLE, march, null));
        assertEquals(a.id(), refresh.get(A_VIEWER, a.id()).id(), "a viewer reads its own county");
        assertEquals(a.id(), refresh.get(CITY_ADMIN, a.id()).id());
    }

    @Test
    void snapshotsStayFrozenAndTheChangesAreExact() {
        records();
        RefreshConfirmation march = refresh.confirm(A_STAFF, in(null)).confirmation();
        List<RefreshItem> frozen = refresh.items(A_STAFF, march.id(), 1).items();

        // Between the refreshes: A1 changes education and needs, A2 is deleted, A4 is registered.
        at(2013, 6, 1);
        youth.update(A_STAFF, a1, youth("A1", LocalDate.of(1990, 1, 1), 1, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.MASTER_OR_ABOVE, List.of("TRAINING", "LOAN"), "2013-01-10"));
        youth.delete(A_STAFF, a2);
        long a4 = youth.create(A_STAFF, youth("A4", LocalDate.of(1993, 5, 5), 7, YouthType.ENTREPRENEUR,
                FixedOrgUnits.COUNTY_A, Education.VOCATIONAL, List.of(), "2013-06-01"));
        assertEquals(frozen, refresh.items(A_STAFF, march.id(), 1).items(), "later edits leave the snapshot alone");
        assertEquals(march, refresh.get(A_STAFF, march.id()));

        // September, not confirmed yet: the live records against March.
        at(2013, 9, 5);
        RefreshWindow september = new RefreshWindow(2013, RefreshPeriod.SEPTEMBER);
        RefreshDiff live = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), september);
        assertEquals(march.id(), live.base().id());
        assertNull(live.target());
        assertDiff(live, List.of(a4), List.of(a2), List.of(a1), 0);
        assertEquals(RefreshDiff.Gone.DELETED, live.removedList().get(0).gone());
        assertEquals("A2", live.removedList().get(0).name());
        assertEquals("A4", live.addedList().get(0).name());
        RefreshDiff.Change change = live.changedList().get(0);
        assertEquals(List.of("education", "needs"), change.fields());
        assertEquals(Education.BACHELOR, change.before().education());
        assertEquals(Education.MASTER_OR_ABOVE, change.after().education());
        assertEquals(Set.of(NeedCategory.TRAINING, NeedCategory.LOAN), change.after().needs());

        // Confirmed in September: the same changes, now between two frozen snapshots.
        RefreshConfirmation sept = refresh.confirm(A_STAFF, in(null)).confirmation();
        assertEquals(2, sept.total());
        at(2013, 12, 1);
        youth.delete(A_STAFF, a4);
        RefreshDiff frozenDiff = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), september);
        assertEquals(sept.id(), frozenDiff.target().id());
        assertDiff(frozenDiff, List.of(a4), List.of(a2), List.of(a1), 0);

        // March had nothing before it: everything in the March snapshot counts as added.
        RefreshDiff first = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), new RefreshWindow(2013,
                RefreshPeriod.MARCH));
        assertNull(first.base());
        assertEquals(march.id(), first.target().id());
        assertDiff(first, List.of(a1, a2), List.of(), List.of(), 0);

        // March 2014 is the window after September: the live records (A4 now deleted) against September.
        at(2014, 3, 2);
        RefreshDiff next = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), refresh.latestWindow());
        assertEquals(sept.id(), next.base().id());
        assertDiff(next, List.of(), List.of(a4), List.of(), 1);
        List<RefreshStatus> overview = refresh.overview(A_STAFF, refresh.latestWindow(), null);
        assertNull(overview.get(0).confirmation());
        assertEquals(sept.id(), overview.get(0).previous().id());
    }

    @Test
    void aBirthdayAndAMoveShowAsChangedAndMoved() {
        // 24 in 2013, 25 in 2014: only the year of birth is kept, so the band goes by the age reached in the year.
        long turning = youth.create(A_STAFF, youth("T", LocalDate.of(1989, 4, 1), 1, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-01-10"));
        long moving = youth.create(A_STAFF, youth("M", LocalDate.of(1990, 1, 1), 3, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-01-10"));
        at(2013, 9, 3);
        refresh.confirm(A_STAFF, in(null));
        at(2014, 3, 2);
        youth.update(CITY_ADMIN, moving, youth("M", LocalDate.of(1990, 1, 1), 3, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_B, Education.BACHELOR, List.of(), "2013-01-10"));
        RefreshWindow march = new RefreshWindow(2014, RefreshPeriod.MARCH);
        RefreshDiff a = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), march);
        assertDiff(a, List.of(), List.of(moving), List.of(turning), 0);
        assertEquals(RefreshDiff.Gone.MOVED, a.removedList().get(0).gone());
        assertEquals(List.of("ageBand"), a.changedList().get(0).fields());
        assertEquals("16_24", a.changedList().get(0).before().ageBand());
        assertEquals("25_30", a.changedList().get(0).after().ageBand());
        RefreshDiff b = refresh.changes(B_STAFF, FixedOrgUnits.COUNTY_B.id(), march);
        assertNull(b.base(), "B never confirmed");
        assertDiff(b, List.of(moving), List.of(), List.of(), 0);
    }

    @Test
    void confirmingAgainInTheWindowAddsAVersionAndKeepsTheEarlierOne() {
        records();
        RefreshConfirmation v1 = refresh.confirm(A_STAFF, in(null)).confirmation();
        List<RefreshItem> first = refresh.items(A_STAFF, v1.id(), 1).items();
        at(2013, 3, 20);
        long a5 = youth.create(A_STAFF, youth("A5", LocalDate.of(1992, 2, 2), 9, YouthType.JOB_SEEKING,
                FixedOrgUnits.COUNTY_A, Education.BACHELOR, List.of(), "2013-03-20"));
        RefreshConfirmation v2 = refresh.confirm(A_STAFF, in(null)).confirmation();
        assertEquals(2, v2.version());
        assertEquals(3, v2.total());
        assertEquals(first, refresh.items(A_STAFF, v1.id(), 1).items(), "the first version is kept as it was");
        assertEquals(List.of(v2.id(), v1.id()), refresh.history(A_STAFF, FixedOrgUnits.COUNTY_A.id()).stream()
                .map(RefreshConfirmation::id).toList());
        RefreshStatus status = refresh.overview(A_STAFF, v2.window(), null).get(0);
        assertEquals(v2.id(), status.confirmation().id(), "the newest version counts");
        assertEquals(2, status.versions());
        assertEquals(2, marked.size(), "each confirmation reports the time node again");

        at(2013, 9, 10);
        RefreshDiff sept = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), refresh.latestWindow());
        assertEquals(v2.id(), sept.base().id(), "measured from the newest version");
        assertDiff(sept, List.of(), List.of(), List.of(), 3);
        assertEquals(List.of(a1, a2, a5), refresh.items(A_STAFF, v2.id(), 1).items().stream()
                .map(RefreshItem::youthId).toList());
    }

    @Test
    void theListsAreCappedButTheCountsAreExact() {
        int n = RefreshDiff.LIST_LIMIT + 5;
        // Written directly: registering hundreds through the service would only test the cipher's speed.
        store.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_YOUTH (NAME, GENDER, BIRTH_YEAR, "
                    + "ID_CIPHER, ID_HASH, ID_MASK, LIVE_ID_HASH, COUNTY_ID, EDUCATION, YOUTH_TYPE, REGISTERED_ON, "
                    + "CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, 'M', ?, 'x', ?, 'm', ?, 2, "
                    + "'BACHELOR', 'JOB_SEEKING', ?, ?, 1, ?, 1)")) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "Y" + i);
                    ps.setInt(2, 1990);
                    ps.setString(3, "h" + i);
                    ps.setString(4, "h" + i);
                    ps.setDate(5, java.sql.Date.valueOf(LocalDate.of(2013, 1, 1)));
                    ps.setTimestamp(6, java.sql.Timestamp.from(clock.instant()));
                    ps.setTimestamp(7, java.sql.Timestamp.from(clock.instant()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        RefreshDiff d = refresh.changes(A_STAFF, FixedOrgUnits.COUNTY_A.id(), refresh.latestWindow());
        assertEquals(n, d.added());
        assertEquals(RefreshDiff.LIST_LIMIT, d.addedList().size());
        assertTrue(d.truncated());
        assertEquals("Y0", d.addedList().get(0).name());
        RefreshConfirmation c = refresh.confirm(A_STAFF, in(null)).confirmation();
        assertEquals(n, c.total());
        assertEquals(RefreshService.PAGE_SIZE, refresh.items(A_STAFF, c.id(), 1).items().size());
        assertEquals(n - RefreshService.PAGE_SIZE * 2, refresh.items(A_STAFF, c.id(), 3).items().size());
        assertEquals(n - RefreshService.PAGE_SIZE * 2, refresh.items(A_STAFF, c.id(), 99).items().size(),
                "a page past the end is the last page");
    }

    @Test
    void aTimeNodeTheCoreRefusesLeavesTheConfirmationStanding() {
        records();
        RefreshService refusing = new RefreshService(store, new FixedOrgUnits(), audit, clock, moving.youth(),
                (actor, c, evidence) -> {
                    throw new NotFoundException("year:2013");
                });
        RefreshService.Confirmed done = refusing.confirm(A_STAFF, in(null));
        assertFalse(done.timeNodeMarked());
        assertEquals(3, refreshRows());
        assertEquals(1, audit.withAction("refresh.confirm").size());
    }

    @Test
    void theCoreTimeNodeServiceIsToldWhatTheUserWouldMarkByHand() {
        List<String> calls = new ArrayList<>();
        MilestoneService core = new MilestoneService() {
            @Override
            public Milestone markDone(Actor actor, int year, long orgUnitId, String projectId, String milestoneId,
                    LocalDate doneOn, String evidence) {
                calls.add(actor.username() + " " + year + " " + orgUnitId + " " + projectId + " " + milestoneId + " "
                        + doneOn + " " + evidence);
                return null;
            }

            @Override
            public List<Milestone> milestones(Actor actor, int year, long orgUnitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setDue(Actor actor, int year, String projectId, String milestoneId, LocalDate due) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<MilestoneMark> history(Actor actor, int year, long orgUnitId, String projectId,
                    String milestoneId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Milestone> overdue(Actor actor, int year, LocalDate today) {
                throw new UnsupportedOperationException();
            }

            @Override
            public MilestoneTimeliness timeliness(int year, long orgUnitId, LocalDate asOf) {
                throw new UnsupportedOperationException();
            }
        };
        RefreshConfirmation c = new RefreshConfirmation(7, 3, new RefreshWindow(2013, RefreshPeriod.SEPTEMBER), 1,
                clock.instant(), LocalDate.of(2013, 9, 4), 12, "b-staff", 0, 0, 0);
        assertTrue(RefreshMilestones.through(() -> core).confirmed(B_STAFF, c, "evidence"));
        assertEquals(List.of("b-staff 2013 3 employment youth.refresh.september 2013-09-04 evidence"), calls);
        assertFalse(RefreshMilestones.through(() -> null).confirmed(B_STAFF, c, "evidence"), "no core service bound");
    }

    @Test
    void windowsFollowThePolicyCalendar() {
        assertEquals(new RefreshWindow(2012, RefreshPeriod.SEPTEMBER), RefreshWindow.latestBy(LocalDate.of(2013, 2, 28)));
        assertEquals(new RefreshWindow(2013, RefreshPeriod.MARCH), RefreshWindow.latestBy(LocalDate.of(2013, 3, 1)));
        assertEquals(new RefreshWindow(2013, RefreshPeriod.MARCH), RefreshWindow.latestBy(LocalDate.of(2013, 8, 31)));
        assertEquals(new RefreshWindow(2013, RefreshPeriod.SEPTEMBER), RefreshWindow.latestBy(LocalDate.of(2013, 12,
                31)));
        assertEquals(LocalDate.of(2013, 9, 30), new RefreshWindow(2013, RefreshPeriod.SEPTEMBER).closes());
        assertEquals(new RefreshWindow(2012, RefreshPeriod.SEPTEMBER), new RefreshWindow(2013, RefreshPeriod.MARCH)
                .previous());
        assertTrue(RefreshWindow.openOn(LocalDate.of(2013, 6, 15)).isEmpty());
        assertEquals(List.of(new RefreshWindow(2013, RefreshPeriod.MARCH), new RefreshWindow(2012,
                RefreshPeriod.SEPTEMBER), new RefreshWindow(2012, RefreshPeriod.MARCH)),
                RefreshWindow.recent(LocalDate.of(2013, 6, 15), 3));
        for (RefreshPeriod p : RefreshPeriod.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertFalse(PageRender.msg(locale, "refresh.period." + p.name()).isBlank());
            }
        }
        for (RefreshDiff.Gone g : RefreshDiff.Gone.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertFalse(PageRender.msg(locale, "refresh.removed." + g.name()).isBlank());
            }
        }
        for (String f : RefreshDiff.FIELDS) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertFalse(PageRender.msg(locale, "refresh.field." + f).isBlank());
            }
        }
    }

    private static void assertDiff(RefreshDiff d, List<Long> added, List<Long> removed, List<Long> changed,
            int unchanged) {
        assertEquals(added, d.addedList().stream().map(e -> e.item().youthId()).toList(), "added");
        assertEquals(removed, d.removedList().stream().map(e -> e.item().youthId()).toList(), "removed");
        assertEquals(changed, d.changedList().stream().map(c -> c.before().youthId()).toList(), "changed");
        assertEquals(added.size(), d.added());
        assertEquals(removed.size(), d.removed());
        assertEquals(changed.size(), d.changed());
        assertEquals(unchanged, d.unchanged(), "unchanged");
        assertFalse(d.truncated());
    }
}
