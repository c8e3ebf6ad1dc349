package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Key project B, youth employment and entrepreneurship (POLICY.md section 3). This first version carries work
 * item 1, the database of job-seeking and entrepreneur youth, its two per-county minimums and its time nodes:
 * built by the end of May, refreshed each March and September (which work item 2, the entrepreneurship project
 * database, shares).
 *
 * <p>The core applies {@code /db/migration/V*.sql} of this bundle before it uses the service, so the component
 * itself never touches the schema.
 */
@Header(name = KeyProject.BUNDLE_HEADER, value = EmploymentProject.ID)
@Component(service = KeyProject.class, immediate = true, property = KeyProject.PROPERTY_ID + "=" + EmploymentProject.ID)
public final class EmploymentProject implements KeyProject {

    static final String ID = "employment";
    static final String CLAUSE_DATABASE = "附件2 第1项";

    private static final List<IndicatorDefinition> INDICATORS = List.of(
            new IndicatorDefinition(YouthService.INDICATOR_JOBSEEKERS, "indicator.youth.jobseekers", "unit.person",
                    Comparison.AT_LEAST, BigDecimal.valueOf(200), CLAUSE_DATABASE),
            new IndicatorDefinition(YouthService.INDICATOR_ENTREPRENEURS, "indicator.youth.entrepreneurs",
                    "unit.person", Comparison.AT_LEAST, BigDecimal.valueOf(50), CLAUSE_DATABASE));

    /** Time node: the youth database built, by the end of May. */
    static final String MILESTONE_BUILT = "youth.database.built";
    /** Time node: the database refreshed in March. */
    static final String MILESTONE_MARCH = "youth.refresh.march";
    /** Time node: the database refreshed in September. */
    static final String MILESTONE_SEPTEMBER = "youth.refresh.september";

    private static final List<MilestoneDefinition> MILESTONES = List.of(
            new MilestoneDefinition(MILESTONE_BUILT, "milestone.youth.database.built", MonthDay.of(5, 31),
                    CLAUSE_DATABASE),
            new MilestoneDefinition(MILESTONE_MARCH, "milestone.youth.refresh.march", MonthDay.of(3, 31),
                    CLAUSE_DATABASE),
            new MilestoneDefinition(MILESTONE_SEPTEMBER, "milestone.youth.refresh.september", MonthDay.of(9, 30),
                    CLAUSE_DATABASE));

    private final YouthService youth;
    private final WebHandler web;

    @Activate
    public EmploymentProject(@Reference Store store, @Reference FieldCipher cipher, @Reference OrgUnitService orgUnits,
            @Reference AuditLog audit) {
        // The server's zone decides what "today" is for registration dates and ages; run it in Asia/Shanghai.
        this(store, cipher, orgUnits, audit, Clock.systemDefaultZone());
    }

    EmploymentProject(Store store, FieldCipher cipher, OrgUnitService orgUnits, AuditLog audit, Clock clock) {
        this.youth = new YouthService(store, cipher, orgUnits, audit, clock);
        this.web = new YouthWeb(youth);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return INDICATORS;
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        return MILESTONES;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return youth.actuals(orgUnitIds, year);
    }

    /** The records registered on or before {@code asOf} (at most 31 December of {@code year}): one grouped query. */
    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        return youth.actualsAsOf(orgUnitIds, year, asOf);
    }

    @Override
    public WebHandler web() {
        return web;
    }

    YouthService youth() {
        return youth;
    }
}
