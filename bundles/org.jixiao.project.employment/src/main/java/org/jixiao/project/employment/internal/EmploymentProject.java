package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.funding.FundingRegister;
import org.jixiao.project.employment.internal.award.AwardRegister;
import org.jixiao.project.employment.internal.award.AwardSummary;
import org.jixiao.project.employment.internal.funding.FundingSummary;
import org.jixiao.project.employment.internal.hometown.HometownRegister;
import org.jixiao.project.employment.internal.incubator.Incubation;
import org.jixiao.project.employment.internal.incubator.IncubatorRegister;
import org.jixiao.project.employment.internal.mentor.MentorRegister;
import org.jixiao.project.employment.internal.training.TrainingRegister;
import org.jixiao.project.employment.internal.mentor.MentorTeam;
import org.jixiao.project.employment.internal.credit.CreditRegister;
import org.jixiao.project.employment.internal.loan.LoanRegister;
import org.jixiao.project.employment.internal.internship.InternshipRegister;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;
import org.jixiao.project.employment.internal.outcome.OutcomeRegister;
import org.jixiao.project.employment.internal.ybc.YbcRegister;
import org.jixiao.project.employment.internal.youth.YouthRegister;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Key project B, youth employment and entrepreneurship (POLICY.md section 3), with all thirteen work items and the
 * employment outcomes. Each work item is a {@link Register}: its records with their pages and JSON, the indicators
 * it feeds (the policy figures as default targets), its time nodes and its actuals as of any day of the year. The
 * youth database (item 1, with its statistics and the March and September refresh) and the project database
 * (item 2) are the registers the others link to: mentors pair with young entrepreneurs (3), youth attend training
 * (4), take internship places (5) at bases (6), borrow micro-loans (7) and apply for funding (9); projects reside in
 * incubation bases (10), become YBC demonstration projects (11) and enter awards (13); rural credit households (8)
 * and hometown students (12) have records of their own. The README of this bundle lists every register.
 *
 * <p>The core applies {@code /db/migration/V*.sql} of this bundle before it uses the service, so the component
 * itself never touches the schema.
 */
@Header(name = KeyProject.BUNDLE_HEADER, value = EmploymentProject.ID)
@Component(service = KeyProject.class, immediate = true, property = KeyProject.PROPERTY_ID + "=" + EmploymentProject.ID)
public final class EmploymentProject extends RegisterProject {

    static final String ID = "employment";

    /** The day the policy was issued (8 May 2013): no time node of it falls due before. */
    static final LocalDate POLICY_ISSUED = LocalDate.of(2013, 5, 8);

    /**
     * A deadline the policy gives for 2013 only (a database built, a team or base set up): due once, done from then
     * on.
     */
    private static MilestoneDefinition once(MilestoneDefinition m) {
        return m.from(POLICY_ISSUED).once();
    }

    /** Time node: the youth database built, by the end of May. */
    static final String MILESTONE_BUILT = "youth.database.built";
    /** Time node: the database refreshed in March. */
    static final String MILESTONE_MARCH = "youth.refresh.march";
    /** Time node: the database refreshed in September. */
    static final String MILESTONE_SEPTEMBER = "youth.refresh.september";

    private static final List<MilestoneDefinition> YOUTH_MILESTONES = List.of(
            once(milestone(MILESTONE_BUILT, 5, 31, YouthRegister.CLAUSE)),
            milestone(MILESTONE_MARCH, 3, 31, YouthRegister.CLAUSE),
            milestone(MILESTONE_SEPTEMBER, 9, 30, YouthRegister.CLAUSE));

    /** Time node: the project database built, by the end of May; it shares the youth database's refreshes. */
    static final String MILESTONE_PROJECTS_BUILT = "venture.database.built";
    /** Time node: the mentor team set up (with the HR, economy and commerce bureaus), by the end of September. */
    static final String MILESTONE_MENTORS_SET_UP = "mentors.team.setup";
    /** Time node: the year-end review of the mentors, which dismisses the unqualified ones. */
    static final String MILESTONE_MENTORS_REVIEW = "mentors.review";

    private static final List<MilestoneDefinition> PROJECT_MILESTONES = List.of(
            once(milestone(MILESTONE_PROJECTS_BUILT, 5, 31, ProjectRegister.CLAUSE)));
    private static final List<MilestoneDefinition> MENTOR_MILESTONES = List.of(
            once(milestone(MILESTONE_MENTORS_SET_UP, 9, 30, MentorRegister.CLAUSE)),
            milestone(MILESTONE_MENTORS_REVIEW, 12, 31, MentorRegister.CLAUSE));

    /** Time node: internship positions collected from employers, by the end of June. */
    static final String MILESTONE_POSITIONS_COLLECTED = "internship.positions.collected";
    /** Time node: the matching event of youth and positions, late July (due on its last day). */
    static final String MILESTONE_MATCHING_EVENT = "internship.matching.event";
    /** Time node: the internship bases built, by the end of the year. */
    static final String MILESTONE_BASES_BUILT = "internship.bases.built";

    private static final List<MilestoneDefinition> INTERNSHIP_MILESTONES = List.of(
            milestone(MILESTONE_POSITIONS_COLLECTED, 6, 30, InternshipRegister.CLAUSE),
            milestone(MILESTONE_MATCHING_EVENT, 7, 31, InternshipRegister.CLAUSE));
    private static final List<MilestoneDefinition> BASE_MILESTONES = List.of(
            once(milestone(MILESTONE_BASES_BUILT, 12, 31, InternshipBaseRegister.CLAUSE)));

    /** Time node: the annual training plan made at the start of the year, by the end of January. */
    static final String MILESTONE_TRAINING_PLAN = "training.plan";
    /** Time node: the hometown events held in mid-August, by the 20th. */
    static final String MILESTONE_HOMETOWN_EVENT = "hometown.event";

    private static final List<MilestoneDefinition> TRAINING_MILESTONES = List.of(
            milestone(MILESTONE_TRAINING_PLAN, 1, 31, TrainingRegister.CLAUSE));
    private static final List<MilestoneDefinition> HOMETOWN_MILESTONES = List.of(
            milestone(MILESTONE_HOMETOWN_EVENT, 8, 20, HometownRegister.CLAUSE));
    /** Time node: the incubation base of each county built by the end of the year. */
    static final String MILESTONE_INCUBATOR = "incubator.built";

    private static final List<MilestoneDefinition> INCUBATOR_MILESTONES = List.of(
            once(milestone(MILESTONE_INCUBATOR, 12, 31, IncubatorRegister.CLAUSE)));

    /** Time node: the YBC service station of each county set up by the end of May. */
    static final String MILESTONE_YBC_STATION = "ybc.station.setup";

    private static final List<MilestoneDefinition> YBC_MILESTONES = List.of(
            once(milestone(MILESTONE_YBC_STATION, 5, 31, YbcRegister.CLAUSE)));

    /** Time nodes: the micro-loans checked in each quarter (the checks are a register, shown on the reports page). */
    static final String MILESTONE_LOAN_CHECK_Q1 = "loans.check.q1";
    static final String MILESTONE_LOAN_CHECK_Q2 = "loans.check.q2";
    static final String MILESTONE_LOAN_CHECK_Q3 = "loans.check.q3";
    static final String MILESTONE_LOAN_CHECK_Q4 = "loans.check.q4";
    /** Time node: the year's micro-loan meeting, by the end of the year. */
    static final String MILESTONE_LOAN_MEETING = "loans.annual.meeting";

    private static final List<MilestoneDefinition> LOAN_MILESTONES = List.of(
            milestone(MILESTONE_LOAN_CHECK_Q1, 3, 31, LoanRegister.CLAUSE),
            milestone(MILESTONE_LOAN_CHECK_Q2, 6, 30, LoanRegister.CLAUSE),
            milestone(MILESTONE_LOAN_CHECK_Q3, 9, 30, LoanRegister.CLAUSE),
            milestone(MILESTONE_LOAN_CHECK_Q4, 12, 31, LoanRegister.CLAUSE),
            milestone(MILESTONE_LOAN_MEETING, 12, 31, LoanRegister.CLAUSE));

    /** A time node whose message key is {@code milestone.<id>}, due on the day of each year. */
    private static MilestoneDefinition milestone(String id, int month, int day, String clause) {
        return new MilestoneDefinition(id, "milestone." + id, MonthDay.of(month, day), clause);
    }

    private final YouthService youth;
    private final RefreshService refresh;
    /**
     * The core's time nodes, to report a refresh confirmation as the time node done. Optional and dynamic: the core
     * service itself depends on the registry of key projects, and a project must work without it.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MilestoneService milestoneService;
    private final LoanService loans;
    /** Every work item's register, in the order the core lists their indicators and time nodes. */
    private final List<Register> registers;
    /** For the money indicators in 万元, which the project sums itself. */
    private final Store store;
    private final List<IndicatorDefinition> indicators;
    private final List<MilestoneDefinition> milestones;
    /** Runs the registers' actuals side by side: a few daemon threads, never more than the store's connections. */

    @Activate
    public EmploymentProject(@Reference Store store, @Reference FieldCipher cipher, @Reference OrgUnitService orgUnits,
            @Reference AuditLog audit, @Reference RegisterService engine) {
        // The server's zone decides what "today" is for registration dates and ages; run it in Asia/Shanghai.
        this(store, cipher, orgUnits, audit, Clock.systemDefaultZone(), engine);
    }

    EmploymentProject(Store store, FieldCipher cipher, OrgUnitService orgUnits, AuditLog audit, Clock clock,
            RegisterService engine) {
        // The registers on the engine, in the order of the work items (附件2 第1–13项).
        super(ID, engine, Stream.of(List.of(YouthRegister.definition(),
                ProjectRegister.definition()), MentorRegister.definitions(),
                TrainingRegister.definitions(),
                List.of(InternshipRegister.positions(), InternshipRegister.placements(),
                        InternshipBaseRegister.definition(), LoanRegister.definition(), LoanRegister.checks(),
                        CreditRegister.definition()),
                List.of(FundingRegister.definition()),
                IncubatorRegister.definitions(), YbcRegister.definitions(),
                HometownRegister.definitions(), AwardRegister.definitions(), List.of(OutcomeRegister.definition()))
                .flatMap(List::stream).toList());
        this.store = store;
        this.youth = new YouthService(store, orgUnits, clock);
        MentorTeam mentorTeam = new MentorTeam(store);
        this.refresh = new RefreshService(store, orgUnits, audit, clock, youth,
                RefreshMilestones.through(() -> milestoneService));
        this.loans = new LoanService(store, orgUnits, audit, clock, youth);
        FundingSummary fundingSummary = new FundingSummary(store);
        AwardSummary awardSummary = new AwardSummary(store);
        // In the order of the work items (附件2 第1–13项), then the employment outcomes.
        this.registers = List.of(
                new Register(null, List.of(), YOUTH_MILESTONES, (u, y, d) -> Map.of(), null),
                // The policy sets no minimum for refreshes: its time nodes stay with the youth register above.
                new Register(RefreshWeb.PATH, List.of(), List.of(), (u, y, d) -> Map.of(),
                        new RefreshWeb(refresh, clock.getZone())),
                new Register(null, List.of(), PROJECT_MILESTONES, (u, y, d) -> Map.of(), null),
                new Register(MentorRegister.ID, MentorRegister.INDICATORS, MENTOR_MILESTONES,
                        mentorTeam::actualsAsOf, new MentorReviewWeb(mentorTeam, youth)),
                new Register(TrainingRegister.ID, TrainingRegister.INDICATORS, TRAINING_MILESTONES,
                        (units, year, asOf) -> TrainingRegister.actualsAsOf(store, units, year, asOf),
                        new TrainingSummaryWeb(store, youth)),
                // The interns are the engine's; the share and conversion count youth, not placements.
                new Register(InternshipRegister.ID, List.of(InternshipRegister.GM_SHARE, InternshipRegister.CONVERSION),
                        INTERNSHIP_MILESTONES, (units, year, asOf) -> store.read(c -> InternshipRegister.actuals(c,
                                CountyScope.unitIds(units), year, CountyScope.actualsDay(year, asOf))),
                        new InternshipFiguresWeb(store, youth)),
                // Open bases on the day: a base closed later still counted while open, beyond a running total.
                new Register(InternshipBaseRegister.ID, List.of(InternshipBaseRegister.BASES), BASE_MILESTONES,
                        (units, year, asOf) -> store.read(c -> InternshipBaseRegister.actuals(c,
                                CountyScope.unitIds(units), CountyScope.actualsDay(year, asOf))),
                        new InternshipBaseSummaryWeb(store, youth)),
                // The count is the engine's; the amount in 万元 is summed here from the 元 the table keeps.
                new Register(LoanWeb.PATH, List.of(LoanRegister.AMOUNT), LOAN_MILESTONES,
                        (units, year, asOf) -> LoanRegister.actualsAsOf(store, units, year, asOf),
                        new LoanWeb(loans)),
                // The households are the engine's count; the amounts in 万元 are summed here from the 元 kept.
                new Register(CreditWeb.PATH, List.of(CreditRegister.AMOUNT, CreditRegister.GROWTH), List.of(),
                        (units, year, asOf) -> CreditRegister.actualsAsOf(store, units, year, asOf),
                        new CreditWeb(youth, this::creditActuals)),
                // Qualitative: no target, so no indicator and no actuals; its page shows counts and sums.
                new Register(FundingRegister.ID, List.of(), List.of(), (units, year, asOf) -> Map.of(),
                        new CountySummaryWeb("funding-summary", (counties, year) -> CountySummaryWeb.funding(
                                fundingSummary, counties, year), youth)),
                new Register(IncubatorRegister.ID, IncubatorRegister.INDICATORS, INCUBATOR_MILESTONES,
                        new Incubation(store)::actualsAsOf, null),
                new Register(null, List.of(), YBC_MILESTONES, (units, year, asOf) -> Map.of(), null),
                new Register(null, HometownRegister.INDICATORS, HOMETOWN_MILESTONES,
                        (units, year, asOf) -> HometownRegister.actualsAsOf(store, units, year, asOf), null),
                // Qualitative: the register shows entrants and winners per county and has no indicator.
                new Register(AwardRegister.ID, List.of(), List.of(), (units, year, asOf) -> Map.of(),
                        new CountySummaryWeb("award-summary", (counties, year) -> CountySummaryWeb.awards(
                                awardSummary, counties, year), youth)));
        List<IndicatorDefinition> all = new ArrayList<>();
        registers().forEach(d -> d.aggregates().forEach(a -> all.add(a.indicator())));
        registers.forEach(r -> all.addAll(r.indicators()));
        this.indicators = List.copyOf(all);
        this.milestones = registers.stream().flatMap(r -> r.milestones().stream())
                .map(m -> m.from() == null ? m.from(POLICY_ISSUED) : m).toList();
        serve(new YouthWeb(youth, registers));
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        return milestones;
    }

    /** Each register's actuals on min(asOf, 31 December of {@code year}), merged per unit. */
    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        // One connection for all of them, shared by each register's reads: under load a dashboard queues for the
        // pool once. (Each on a connection of its own, side by side, waited for the pool a dozen times per visit, and
        // the city's dashboard took seconds while answers and writes came in.)
        return store.read(c -> {
            Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
            super.actualsAsOf(orgUnitIds, year, asOf).forEach((unit, values) -> out.computeIfAbsent(unit,
                    k -> new LinkedHashMap<>()).putAll(values));
            for (Register register : registers) {
                register.actuals().asOf(orgUnitIds, year, asOf).forEach((unit, values) -> out.computeIfAbsent(unit,
                        k -> new LinkedHashMap<>()).putAll(values));
            }
            return out;
        });
    }

    /** Work item 8's indicators alone, for its summary page: the engine's count and the project's own sums. */
    private Map<Long, Map<String, BigDecimal>> creditActuals(Collection<Long> units, int year, LocalDate asOf) {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        engine().actualsAsOf(this, units, year, asOf).forEach((unit, values) -> out.put(unit,
                new LinkedHashMap<>(values)));
        CreditRegister.actualsAsOf(store, units, year, asOf).forEach((unit, values) -> out.computeIfAbsent(unit,
                k -> new LinkedHashMap<>()).putAll(values));
        return out;
    }

    YouthService youth() {
        return youth;
    }

    RefreshService refresh() {
        return refresh;
    }

    LoanService loans() {
        return loans;
    }
}
