package org.jixiao.project.scholarship.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRole;
import org.jixiao.api.register.RegisterProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.archive.ArchiveRegister;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;
import org.jixiao.project.scholarship.internal.notice.NoticePage;
import org.jixiao.project.scholarship.internal.notice.Recipients;
import org.jixiao.project.scholarship.internal.plan.PlanRegister;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Key project A, the Hope Project "Yuanmeng" grants (POLICY.md section 2): the year's plan with its funds and
 * work-study posts, the applications through county review, city re-check with a home visit, public notice and
 * disbursement, every decision in a hash chain, the beneficiary archive across the years of study, and the five
 * criteria the city evaluates each county on in November. The evaluated units are the county Hope Project offices;
 * their staff and the city's hold the project's role HOPE_OFFICE.
 */
@Header(name = KeyProject.BUNDLE_HEADER, value = ScholarshipProject.ID)
@Component(service = {KeyProject.class, ScholarshipProject.class}, immediate = true,
        property = KeyProject.PROPERTY_ID + "=" + ScholarshipProject.ID)
public final class ScholarshipProject extends RegisterProject {

    public static final String ID = "scholarship";

    /** The clause of the policy every indicator and time node comes from. */
    static final String CLAUSE = "附件1";

    private static final List<MilestoneDefinition> MILESTONES = List.of(
            milestone("launch", 6, 30), milestone("application", 7, 10), milestone("review", 7, 31),
            milestone("recheck", 8, 10), milestone("disbursement", 8, 20), milestone("evaluation", 11, 30));

    private static MilestoneDefinition milestone(String id, int month, int day) {
        return new MilestoneDefinition(id, "milestone." + id, MonthDay.of(month, day), CLAUSE);
    }

    private final Store store;
    private final DecisionChain chain;
    private final WebHandler publicWeb;
    private final Evaluation evaluation;

    @Activate
    public ScholarshipProject(@Reference Store store, @Reference OrgUnitService orgUnits,
            @Reference RegisterService engine) {
        this(store, orgUnits, engine, Clock.systemDefaultZone());
    }

    ScholarshipProject(Store store, OrgUnitService orgUnits, RegisterService engine, Clock clock) {
        this(store, orgUnits, engine, clock, new DecisionChain(clock));
    }

    private ScholarshipProject(Store store, OrgUnitService orgUnits, RegisterService engine, Clock clock,
            DecisionChain chain) {
        super(ID, engine, Stream.of(PlanRegister.definitions(), ApplicationRegister.definitions(chain),
                ArchiveRegister.definitions())
                .flatMap(List::stream).toList());
        this.store = store;
        this.chain = chain;
        this.evaluation = new Evaluation(store);
        Recipients recipients = new Recipients(store);
        serve(new ProjectPages(store, chain, recipients, orgUnits, evaluation));
        this.publicWeb = new NoticePage(recipients, orgUnits, () -> store.read(chain::head), engine, this, clock);
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return Evaluation.ALL;
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        return MILESTONES;
    }

    /** The five criteria the city evaluates each county on, which are not the registers' running totals. */
    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        return evaluation.actualsAsOf(orgUnitIds, year, asOf);
    }

    @Override
    public WebHandler publicWeb() {
        return publicWeb;
    }

    @Override
    public List<ProjectRole> roles() {
        return List.of(new ProjectRole(Roles.HOPE_OFFICE, "role.HOPE_OFFICE", true));
    }

    DecisionChain chain() {
        return chain;
    }

    /** The whole decision chain checked, for the console. */
    public DecisionChain.Verification verifyChain() {
        return store.read(chain::verify);
    }
}
