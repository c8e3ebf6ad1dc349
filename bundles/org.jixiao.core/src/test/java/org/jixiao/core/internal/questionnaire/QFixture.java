package org.jixiao.core.internal.questionnaire;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.core.internal.evaluation.EvaluationServiceImpl;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.jixiao.store.internal.MemoryStores;

/**
 * A migrated database with a city, three evaluated units and a department, the real cycle, org-unit and evaluation
 * services, and both questionnaire services on a clock the test moves. The year 2013 is open; its campaigns run in
 * January 2014, and the clock starts on 5 January 2014.
 */
final class QFixture implements AutoCloseable {

    static final int YEAR = 2013;
    static final LocalDate OPENS = LocalDate.of(2014, 1, 1);
    static final LocalDate CLOSES = LocalDate.of(2014, 1, 20);

    final MemoryStores.Loan store;
    final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2014-01-05T02:00:00Z"));
    final OrgUnitServiceImpl orgUnits;
    final PerformanceCycleImpl cycle;
    final EvaluationServiceImpl evaluation;
    final QuestionnaireServiceImpl service;
    final AnswerServiceImpl answers;
    final OrgUnit root;
    final OrgUnit c1;
    final OrgUnit c2;
    final OrgUnit z1;
    final OrgUnit dept;
    final Actor cityAdmin;
    final Actor assessor;
    final Actor cityStaff;
    final Actor cityViewer;
    final Actor c1Admin;
    final Actor c1Staff;
    final Actor c1Viewer;
    final Actor c2Staff;
    final Actor z1Staff;

    QFixture() {
        this(new Codes());
    }

    QFixture(Codes codes) {
        store = TestDb.open();
        root = TestDb.insertRoot(store);
        CoreSchema schema = new CoreSchema(store);
        orgUnits = new OrgUnitServiceImpl(store, schema);
        cityAdmin = TestDb.actor(1, "admin", root, Role.ADMIN);
        assessor = TestDb.actor(2, "assessor", root, Role.ASSESSOR);
        cityStaff = TestDb.actor(3, "city.staff", root, Role.STAFF);
        cityViewer = TestDb.actor(4, "city.viewer", root, Role.VIEWER);
        c1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一县团委", OrgLevel.COUNTY));
        c2 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c2", "二县团委", OrgLevel.COUNTY));
        z1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "z1", "开发区团工委", OrgLevel.ZONE));
        dept = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "d1", "组织部", OrgLevel.DEPARTMENT));
        c1Admin = TestDb.actor(10, "c1.admin", c1, Role.ADMIN, Role.ASSESSOR);
        c1Staff = TestDb.actor(11, "c1.staff", c1, Role.STAFF);
        c1Viewer = TestDb.actor(12, "c1.viewer", c1, Role.VIEWER);
        c2Staff = TestDb.actor(20, "c2.staff", c2, Role.STAFF);
        z1Staff = TestDb.actor(30, "z1.staff", z1, Role.STAFF);
        cycle = new PerformanceCycleImpl(store, schema);
        cycle.open(cityAdmin, YEAR);
        // Entering a score needs the store, the units and the cycle only; the rest must not be asked.
        evaluation = new EvaluationServiceImpl(store, schema, orgUnits, cycle, unused(TargetService.class),
                new FakeRegistry(), unused(MilestoneService.class), unused(SelfAssessmentService.class));
        service = new QuestionnaireServiceImpl(store, orgUnits, cycle, evaluation, codes, clock);
        answers = new AnswerServiceImpl(store, orgUnits, codes, clock);
        // Most tests read what one submission stored; the batches have a test of their own.
        answers.batch = 1;
    }

    @Override
    public void close() {
        store.close();
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(QFixture.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    // ---------------------------------------------------------------- building blocks

    static List<Choice> satisfaction() {
        return List.of(new Choice("很满意", "Very satisfied", new BigDecimal("100")),
                new Choice("满意", "Satisfied", new BigDecimal("80")),
                new Choice("一般", "Neutral", new BigDecimal("60")),
                new Choice("不满意", "Dissatisfied", BigDecimal.ZERO));
    }

    /**
     * 1.1 rating, weight 2, required; 1.2 single choice (是 100, 否 0), weight 1, optional; 2.1 free text.
     */
    static QuestionnaireDraft youthDraft(EvaluationType type) {
        return new QuestionnaireDraft(type, "青年评价测评表", "Youth evaluation", "请如实填写", null, List.of(
                new Section("工作评价", "Work", List.of(
                        new Item(null, ItemKind.RATING, "对团委工作的总体评价", "Overall", new BigDecimal("2"),
                                satisfaction(), true),
                        new Item(null, ItemKind.SINGLE_CHOICE, "是否参加过团委组织的活动", null, BigDecimal.ONE,
                                List.of(new Choice("是", "Yes", new BigDecimal("100")),
                                        new Choice("否", "No", BigDecimal.ZERO)), false))),
                new Section("意见建议", null, List.of(
                        new Item(null, ItemKind.TEXT, "您的意见和建议", "Suggestions", null, null, false)))));
    }

    Questionnaire youth() {
        return service.save(cityAdmin, null, youthDraft(EvaluationType.YOUTH));
    }

    CampaignDraft campaignDraft(long questionnaireId, int minResponses, List<Long> units,
            Map<RespondentCategory, Integer> quotas) {
        return new CampaignDraft("2013 年度青年评价", questionnaireId, units,
                quotas.entrySet().stream().map(e -> new CategoryQuota(e.getKey(), e.getValue())).toList(),
                minResponses, OPENS, CLOSES);
    }

    /** A youth campaign over c1 and c2, 3 students and 2 urban youth each, minimum 2 responses; DRAFT. */
    Campaign draftCampaign() {
        Questionnaire q = youth();
        return service.create(cityAdmin, YEAR, campaignDraft(q.id(), 2, List.of(c1.id(), c2.id()),
                Map.of(RespondentCategory.STUDENT, 3, RespondentCategory.URBAN_YOUTH, 2)));
    }

    /** {@link #draftCampaign()} with its codes issued and opened. */
    Campaign openCampaign() {
        Campaign k = draftCampaign();
        service.issueCodes(cityAdmin, k.id());
        return service.open(assessor, k.id());
    }

    /** An unused code of the unit and category; the service no longer tells which codes were used. */
    String code(Campaign k, OrgUnit unit, RespondentCategory category) {
        return String.valueOf(TestDb.rows(store, "SELECT CODE FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ? AND ORG_UNIT_ID = ?"
                + " AND CATEGORY = ? AND USED = 0 ORDER BY CODE", k.id(), unit.id(), category.name()).get(0).get("CODE"));
    }

    static List<Answer> answers(Integer rating, Integer choice, String text) {
        List<Answer> out = new java.util.ArrayList<>();
        if (rating != null) {
            out.add(new Answer("1.1", rating, null));
        }
        if (choice != null) {
            out.add(new Answer("1.2", choice, null));
        }
        if (text != null) {
            out.add(new Answer("2.1", null, text));
        }
        return out;
    }

    /** The evaluation's entered score, or null. */
    BigDecimal evaluationScore(OrgUnit unit, ScoreKind kind) {
        List<Map<String, Object>> rows = TestDb.rows(store, "SELECT SCORE FROM JX_EVAL_SCORE WHERE PERF_YEAR = ?"
                + " AND ORG_UNIT_ID = ? AND KIND = ?", YEAR, unit.id(), kind.name());
        return rows.isEmpty() ? null : (BigDecimal) rows.get(0).get("SCORE");
    }
}
