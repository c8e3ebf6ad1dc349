package org.jixiao.project.employment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.store.Store;

/**
 * The youth database's statistics and the county picker the registers not yet on the register engine share. The
 * records themselves are the engine's: see {@link org.jixiao.project.employment.internal.youth.YouthRegister}.
 */
final class YouthService {

    static final int PAGE_SIZE = 20;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final Clock clock;
    private final YouthRepository repo = new YouthRepository();

    YouthService(Store store, OrgUnitService orgUnits, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.clock = Objects.requireNonNull(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The counties of the actor's scope in tree order: what a county picker offers. */
    List<OrgUnit> counties(Actor actor) {
        requireReader(actor);
        return orgUnits.visibleTo(actor).stream().filter(u -> u.level() == OrgLevel.COUNTY).toList();
    }

    String countyName(long countyId) {
        return orgUnits.find(countyId).map(OrgUnit::name).orElse("");
    }

    YouthStats stats(Actor actor, Long countyId) {
        List<OrgUnit> counties = scopeUnits(actor, countyId);
        List<Long> ids = counties.stream().map(OrgUnit::id).toList();
        LocalDate today = today();
        return store.read(c -> {
            Map<Long, Map<YouthType, Long>> perCounty = repo.countByCountyAndType(c, ids, null);
            Map<YouthType, Long> byType = new EnumMap<>(YouthType.class);
            for (YouthType t : YouthType.values()) {
                byType.put(t, 0L);
            }
            List<YouthStats.CountyCount> rows = new ArrayList<>();
            for (OrgUnit county : counties) {
                Map<YouthType, Long> counts = perCounty.getOrDefault(county.id(), Map.of());
                long jobSeeking = counts.getOrDefault(YouthType.JOB_SEEKING, 0L);
                long entrepreneurs = counts.getOrDefault(YouthType.ENTREPRENEUR, 0L);
                byType.merge(YouthType.JOB_SEEKING, jobSeeking, Long::sum);
                byType.merge(YouthType.ENTREPRENEUR, entrepreneurs, Long::sum);
                rows.add(new YouthStats.CountyCount(county.id(), county.name(), jobSeeking, entrepreneurs));
            }
            long total = byType.values().stream().mapToLong(Long::longValue).sum();
            return new YouthStats(total, byType, repo.countByEducation(c, ids), repo.countByAgeBand(c, ids, today),
                    repo.countByNeed(c, ids), rows);
        });
    }

    /** The live records of each county in scope (narrowed to {@code countyId} when given), ages as of today. */
    YouthCountyStats countyStats(Actor actor, Long countyId) {
        List<OrgUnit> counties = scopeUnits(actor, countyId);
        List<Long> ids = counties.stream().map(OrgUnit::id).toList();
        LocalDate today = today();
        Map<Long, YouthCountyStats.Row> counted = store.read(c -> repo.countByCounty(c, ids, today));
        List<YouthCountyStats.Row> rows = new ArrayList<>();
        YouthCountyStats.Row total = YouthCountyStats.Row.empty(0, "");
        for (OrgUnit county : counties) {
            YouthCountyStats.Row row = YouthCountyStats.Row.empty(county.id(), county.name());
            YouthCountyStats.Row found = counted.get(county.id());
            if (found != null) {
                row = row.plus(found);
            }
            rows.add(row);
            total = total.plus(row);
        }
        return new YouthCountyStats(rows, total);
    }

    /** The counties in scope, narrowed to one when asked; an out-of-scope county narrows to none. */
    private List<OrgUnit> scopeUnits(Actor actor, Long countyId) {
        List<OrgUnit> counties = counties(actor);
        if (countyId == null) {
            return counties;
        }
        return counties.stream().filter(u -> u.id() == countyId).toList();
    }

    private static void requireReader(Actor actor) {
        if (actor == null || actor.roles().isEmpty()) {
            throw new AccessDeniedException("youth: no role");
        }
    }
}
