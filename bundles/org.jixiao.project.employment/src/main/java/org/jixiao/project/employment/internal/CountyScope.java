package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;

/**
 * The rules the project and mentor registers share with the youth database: a record belongs to one county and is
 * reached only from that county or above (otherwise it is reported as missing); reading needs a role, writing a
 * writing role; indicator actuals are taken on one day of the year.
 */
final class CountyScope {

    private final OrgUnitService orgUnits;
    private final YouthService youth;
    /** The prefix of audit targets and access messages, e.g. {@code venture}. */
    private final String kind;

    CountyScope(OrgUnitService orgUnits, YouthService youth, String kind) {
        this.orgUnits = orgUnits;
        this.youth = youth;
        this.kind = kind;
    }

    List<OrgUnit> counties(Actor actor) {
        return youth.counties(actor);
    }

    /** The ids of the counties in scope, narrowed to one when asked; an out-of-scope county narrows to none. */
    List<Long> ids(Actor actor, Long countyId) {
        return counties(actor).stream().filter(u -> countyId == null || u.id() == countyId).map(OrgUnit::id).toList();
    }

    /** Whether the actor reaches the county. */
    boolean covers(Actor actor, long countyId) {
        return orgUnits.find(countyId).filter(actor::covers).isPresent();
    }

    /** @throws NotFoundException when the record is missing or its county out of the actor's scope */
    <T> T visible(Actor actor, T record, long countyId, long id) {
        if (record == null || !covers(actor, countyId)) {
            throw new NotFoundException(target(id));
        }
        return record;
    }

    String target(long id) {
        return kind + ":" + id;
    }

    void requireReader(Actor actor) {
        if (actor == null || actor.roles().isEmpty()) {
            throw new AccessDeniedException(kind + ": no role");
        }
    }

    void requireWriter(Actor actor) {
        requireReader(actor);
        if (!actor.canWrite()) {
            throw new AccessDeniedException(kind + ": read-only role");
        }
    }

    /** The page to show: {@code requested} within 1 and the last page of {@code total} records. */
    static int page(long total, int pageSize, int requested) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        return Math.min(Math.max(1, requested), pages);
    }

    /** The day the actuals of {@code year} are taken: {@code asOf}, at most 31 December of the year. */
    static LocalDate actualsDay(int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf;
    }

    /** The unit ids without nulls and repeats, in their order. */
    static Set<Long> unitIds(Collection<Long> orgUnitIds) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id : orgUnitIds) {
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
