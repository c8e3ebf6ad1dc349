package org.jixiao.core.internal.questionnaire;

import static org.jixiao.core.internal.testing.CityTest.errors;
import static org.jixiao.core.internal.questionnaire.QFixture.CLOSES;
import static org.jixiao.core.internal.questionnaire.QFixture.OPENS;
import static org.jixiao.core.internal.questionnaire.QFixture.YEAR;
import static org.jixiao.core.internal.questionnaire.QFixture.answers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.FreeText;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores;
import org.jixiao.api.questionnaire.UnitScores.Decision;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class QuestionnaireServiceImplTest {

    private final ScriptedCodes codes = new ScriptedCodes();
    @AutoClose
    private final QFixture f = new QFixture(codes);
    private final QuestionnaireServiceImpl service = f.service;

    /** Real codes, after any the test scripts. */
    static final class ScriptedCodes extends Codes {
        final Deque<String> script = new ArrayDeque<>();

        @Override
        String next() {
            String s = script.poll();
            return s == null ? super.next() : s;
        }
    }

    private long audits(String action) {
        return TestDb.audit(f.store, action).size();
    }

    private UnitScores unit(List<UnitScores> scores, long orgUnitId) {
        return scores.stream().filter(u -> u.orgUnitId() == orgUnitId).findFirst().orElseThrow();
    }

    private void answer(Campaign k, org.jixiao.api.OrgUnit unit, RespondentCategory category, Integer rating,
            Integer choice, String text) {
        f.answers.submit(f.code(k, unit, category), answers(rating, choice, text));
    }

    // ---------------------------------------------------------------- questionnaires

    @Test
    void aSavedQuestionnaireHasKeysByPositionAndTextItemsNormalised() {
        QuestionnaireDraft d = QFixture.youthDraft(EvaluationType.YOUTH);
        // A TEXT item claiming to be required with a weight is stored optional and unweighted.
        List<Section> sections = List.of(d.sections().get(0), new Section("意见建议", null, List.of(
                new Item("x", ItemKind.TEXT, "  您的意见  ", null, BigDecimal.TEN, null, true))));
        Questionnaire q = service.save(f.cityAdmin, null, new QuestionnaireDraft(d.type(), "  青年评价测评表 ",
                null, null, null, sections));
        assertEquals(q.id(), q.familyId());
        assertEquals(1, q.version());
        assertFalse(q.frozen());
        assertEquals("青年评价测评表", q.titleZh());
        assertEquals(List.of("1.1", "1.2", "2.1"), q.items().stream().map(Item::key).toList());
        Item text = q.items().get(2);
        assertEquals("您的意见", text.textZh());
        assertNull(text.weight());
        assertFalse(text.required());
        Item rating = q.items().get(0);
        assertEquals(new BigDecimal("2"), rating.weight());
        assertEquals(QFixture.satisfaction(), rating.choices());
        assertTrue(rating.required());
        assertEquals(q, service.questionnaire(f.c1Viewer, q.id()));
        assertEquals(1, audits("questionnaire.save"));
    }

    @Test
    void badQuestionnairesAreExplainedAndWriteNothing() {
        List<Choice> one = List.of(new Choice("好", null, BigDecimal.TEN));
        Map<String, String> e = errors(() -> service.save(f.cityAdmin, null, new QuestionnaireDraft(null, " ",
                "t".repeat(QuestionnaireService.TITLE_MAX + 1), null, null, List.of(
                        new Section("", null, List.of(
                                new Item(null, ItemKind.RATING, "", null, BigDecimal.ZERO, one, true),
                                new Item(null, ItemKind.RATING, "q", null, new BigDecimal("1.00001"),
                                        QFixture.satisfaction(), true),
                                new Item(null, ItemKind.SINGLE_CHOICE, "q", null, BigDecimal.ONE,
                                        List.of(new Choice("a", null, new BigDecimal("101")),
                                                new Choice(" ", null, BigDecimal.ONE)), true),
                                new Item(null, null, "q", null, BigDecimal.ONE, null, true),
                                new Item(null, ItemKind.TEXT, "t".repeat(QuestionnaireService.TEXT_MAX + 1), null,
                                        null, null, false))),
                        new Section("空", null, List.of())))));
        assertEquals("questionnaire.type.required", e.get("type"));
        assertEquals("questionnaire.title.required", e.get("titleZh"));
        assertEquals("questionnaire.title.tooLong", e.get("titleEn"));
        assertEquals("questionnaire.section.title.required", e.get("section.1"));
        assertEquals("questionnaire.section.empty", e.get("section.2"));
        assertEquals("questionnaire.item.text.required", e.get("item.1.1"));
        assertEquals("questionnaire.item.weight.invalid", e.get("item.1.2"));
        assertEquals("questionnaire.choice.points.invalid", e.get("choice.1.3.1"));
        assertEquals("questionnaire.choice.label.required", e.get("choice.1.3.2"));
        assertEquals("questionnaire.item.kind.required", e.get("item.1.4"));
        assertEquals("questionnaire.item.text.tooLong", e.get("item.1.5"));

        Item weightless = new Item(null, ItemKind.RATING, "q", null, BigDecimal.ONE, one, true);
        assertEquals("questionnaire.item.choices.count", errors(() -> service.save(f.cityAdmin, null,
                new QuestionnaireDraft(EvaluationType.YOUTH, "t", null, null, null,
                        List.of(new Section("s", null, List.of(weightless)))))).get("item.1.1"));
        // Free text alone scores nothing.
        assertEquals("questionnaire.scored.required", errors(() -> service.save(f.cityAdmin, null,
                new QuestionnaireDraft(EvaluationType.YOUTH, "t", null, null, null, List.of(new Section("s", null,
                        List.of(new Item(null, ItemKind.TEXT, "q", null, null, null, false))))))).get("sections"));
        Item ok = QFixture.youthDraft(EvaluationType.YOUTH).sections().get(0).items().get(0);
        List<Item> tooMany = java.util.Collections.nCopies(QuestionnaireService.ITEMS_MAX + 1, ok);
        assertEquals("questionnaire.items.tooMany", errors(() -> service.save(f.cityAdmin, null,
                new QuestionnaireDraft(EvaluationType.YOUTH, "t", null, null, null,
                        List.of(new Section("s", null, tooMany))))).get("sections"));
        assertEquals(0, TestDb.count(f.store, "JX_QNR"));
        assertEquals(0, audits("questionnaire.save"));
    }

    @Test
    void onlyTheCitysAdminsAndAssessorsBuildQuestionnairesAndRunCampaigns() {
        QuestionnaireDraft d = QFixture.youthDraft(EvaluationType.YOUTH);
        for (Actor a : List.of(f.c1Admin, f.cityStaff, f.cityViewer)) {
            assertThrows(AccessDeniedException.class, () -> service.save(a, null, d), a.username());
        }
        Questionnaire q = service.save(f.assessor, null, d);
        CampaignDraft k = f.campaignDraft(q.id(), 1, List.of(f.c1.id()), Map.of(RespondentCategory.STUDENT, 1));
        assertThrows(AccessDeniedException.class, () -> service.create(f.c1Admin, YEAR, k));
        assertThrows(AccessDeniedException.class, () -> service.create(f.cityStaff, YEAR, k));
        Campaign c = service.create(f.assessor, YEAR, k);
        assertThrows(AccessDeniedException.class, () -> service.issueCodes(f.c1Admin, c.id()));
        assertThrows(AccessDeniedException.class, () -> service.codes(f.c1Admin, c.id(), f.c1.id()));
        assertThrows(AccessDeniedException.class, () -> service.codes(f.cityViewer, c.id(), null));
        service.issueCodes(f.cityAdmin, c.id());
        service.open(f.cityAdmin, c.id());
        // Closing feeds the evaluation as the closer: an assessor of the city only.
        assertThrows(AccessDeniedException.class, () -> service.close(f.cityAdmin, c.id()));
        assertThrows(AccessDeniedException.class, () -> service.close(f.c1Admin, c.id()));
        assertEquals(CampaignState.OPEN, service.campaign(f.cityAdmin, c.id()).state());
    }

    @Test
    void aQuestionnaireUsedByACampaignIsFrozenAndChangesBecomeTheNextVersion() {
        Questionnaire v1 = f.youth();
        // Not yet used: changed in place.
        QuestionnaireDraft renamed = new QuestionnaireDraft(EvaluationType.YOUTH, "青年评价测评表（修订）", null, null,
                null, QFixture.youthDraft(EvaluationType.YOUTH).sections());
        Questionnaire same = service.save(f.cityAdmin, v1.id(), renamed);
        assertEquals(v1.id(), same.id());
        assertEquals(1, same.version());
        assertEquals("青年评价测评表（修订）", same.titleZh());

        service.create(f.cityAdmin, YEAR, f.campaignDraft(v1.id(), 1, List.of(f.c1.id()),
                Map.of(RespondentCategory.STUDENT, 1)));
        assertTrue(service.questionnaire(f.cityAdmin, v1.id()).frozen());

        Questionnaire v2 = service.save(f.cityAdmin, v1.id(), QFixture.youthDraft(EvaluationType.YOUTH));
        assertNotEquals(v1.id(), v2.id());
        assertEquals(v1.id(), v2.familyId());
        assertEquals(2, v2.version());
        assertFalse(v2.frozen());
        Questionnaire kept = service.questionnaire(f.cityAdmin, v1.id());
        assertEquals("青年评价测评表（修订）", kept.titleZh(), "the frozen version is untouched");
        assertEquals(same.items(), kept.items());
        // Saving the frozen version again makes version 3, not a second version 2.
        assertEquals(3, service.save(f.cityAdmin, v1.id(), renamed).version());
        assertEquals(List.of(3, 2, 1), service.questionnaires(f.cityAdmin).stream().map(Questionnaire::version)
                .toList(), "newest first");
        assertEquals(4, audits("questionnaire.save"));
    }

    // ---------------------------------------------------------------- campaigns

    @Test
    void badCampaignsAreExplainedAndWriteNothing() {
        Questionnaire q = f.youth();
        Map<String, String> e = errors(() -> service.create(f.cityAdmin, YEAR, new CampaignDraft(" ", q.id(),
                List.of(f.c1.id(), f.dept.id()), List.of(new CategoryQuota(RespondentCategory.LEADER, 1),
                        new CategoryQuota(RespondentCategory.STUDENT, 0),
                        new CategoryQuota(RespondentCategory.RURAL_YOUTH, QuestionnaireService.QUOTA_MAX + 1)),
                -1, CLOSES, OPENS)));
        assertEquals("campaign.name.required", e.get("name"));
        assertEquals("campaign.unit.invalid", e.get("orgUnitIds"), "a department is not evaluated");
        assertEquals("campaign.category.type", e.get("quota.LEADER"), "leaders do not answer youth questionnaires");
        assertEquals("campaign.quota.invalid", e.get("quota.STUDENT"));
        assertEquals("campaign.quota.invalid", e.get("quota.RURAL_YOUTH"));
        assertEquals("campaign.minResponses.invalid", e.get("minResponses"));
        assertEquals("campaign.dates.order", e.get("closes"));

        e = errors(() -> service.create(f.cityAdmin, YEAR, new CampaignDraft("x", 9999, List.of(), List.of(), 0,
                LocalDate.of(2011, 12, 31), LocalDate.of(2015, 1, 1))));
        assertEquals("campaign.questionnaire.unknown", e.get("questionnaireId"));
        assertEquals("campaign.units.required", e.get("orgUnitIds"));
        assertEquals("campaign.quotas.required", e.get("quotas"));
        assertEquals("campaign.dates.range", e.get("opens"));
        assertEquals("campaign.dates.range", e.get("closes"));
        // More responses required than codes issued per unit.
        assertEquals("campaign.minResponses.invalid", errors(() -> service.create(f.cityAdmin, YEAR,
                f.campaignDraft(q.id(), 3, List.of(f.c1.id()), Map.of(RespondentCategory.STUDENT, 2))))
                .get("minResponses"));
        assertEquals("campaign.year.notOpen", errors(() -> service.create(f.cityAdmin, 2020,
                f.campaignDraft(q.id(), 0, List.of(f.c1.id()), Map.of(RespondentCategory.STUDENT, 2))))
                .get("year"));
        assertEquals(0, TestDb.count(f.store, "JX_QNR_CAMPAIGN"));
        assertEquals(0, audits("campaign.create"));
        assertFalse(service.questionnaire(f.cityAdmin, q.id()).frozen());
    }

    @Test
    void codesAreToppedUpToTheQuotaAndSurplusIsWithdrawnWhenAQuotaIsLowered() {
        Campaign k = f.draftCampaign();
        assertEquals(List.of(f.c1.id(), f.c2.id()), k.orgUnitIds());
        assertEquals(List.of(new CategoryQuota(RespondentCategory.STUDENT, 3),
                new CategoryQuota(RespondentCategory.URBAN_YOUTH, 2)), k.quotas());
        List<AccessCode> first = service.issueCodes(f.cityAdmin, k.id());
        assertEquals(10, first.size());
        assertEquals(10, first.stream().map(AccessCode::code).distinct().count());
        assertEquals(List.of("一县团委", "一县团委", "一县团委", "一县团委", "一县团委"),
                first.subList(0, 5).stream().map(AccessCode::orgUnitName).toList(), "by unit, then category");
        assertEquals(RespondentCategory.STUDENT, first.get(0).category());
        assertEquals(RespondentCategory.URBAN_YOUTH, first.get(4).category());

        // Idempotent: nothing missing, nothing new.
        assertEquals(first, service.issueCodes(f.cityAdmin, k.id()));

        // Students down to 1, urban youth up to 4, c2 dropped: surplus unused codes go, the rest stay.
        Campaign changed = service.change(f.cityAdmin, k.id(), f.campaignDraft(k.questionnaireId(), 2,
                List.of(f.c1.id()), Map.of(RespondentCategory.STUDENT, 1, RespondentCategory.URBAN_YOUTH, 4)));
        assertEquals(List.of(f.c1.id()), changed.orgUnitIds());
        List<AccessCode> left = service.codes(f.cityAdmin, k.id(), null);
        assertEquals(3, left.size());
        Set<String> before = first.stream().map(AccessCode::code).collect(Collectors.toSet());
        assertTrue(left.stream().allMatch(c -> before.contains(c.code())));
        assertEquals("campaign.codes.missing", errors(() -> service.open(f.cityAdmin, k.id())).get("codes"));

        List<AccessCode> topped = service.issueCodes(f.cityAdmin, k.id());
        assertEquals(5, topped.size());
        assertTrue(topped.stream().map(AccessCode::code).collect(Collectors.toSet())
                .containsAll(left.stream().map(AccessCode::code).toList()));
        assertEquals(4, topped.stream().filter(c -> c.category() == RespondentCategory.URBAN_YOUTH).count());
        assertEquals(5L, TestDb.count(f.store, "JX_QNR_CODE"));

        // The audit trail counts codes and never names one.
        List<Map<String, Object>> lines = TestDb.audit(f.store, "campaign.codes");
        assertEquals(List.of("issued=10; total=10", "issued=0; total=10", "issued=2; total=5"),
                lines.stream().map(l -> l.get("DETAIL")).toList());
        assertTrue(TestDb.audit(f.store, "campaign.change").get(0).get("DETAIL").toString()
                .endsWith("codes withdrawn=7"));
        assertNoAuditNamesACode(first);
    }

    private void assertNoAuditNamesACode(List<AccessCode> codes) {
        for (Map<String, Object> row : TestDb.rows(f.store, "SELECT * FROM JX_AUDIT")) {
            for (AccessCode c : codes) {
                assertFalse(row.toString().contains(c.code()), row.toString());
            }
        }
    }

    @Test
    void aCampaignChangesOnlyAsADraftAndOpensWithItsCodesIssued() {
        Campaign k = f.draftCampaign();
        assertEquals("campaign.codes.missing", errors(() -> service.open(f.cityAdmin, k.id())).get("codes"));
        service.issueCodes(f.cityAdmin, k.id());
        Campaign open = service.open(f.cityAdmin, k.id());
        assertEquals(CampaignState.OPEN, open.state());
        CampaignDraft d = f.campaignDraft(k.questionnaireId(), 1, List.of(f.c1.id()),
                Map.of(RespondentCategory.STUDENT, 5));
        assertEquals("campaign.state.notDraft", errors(() -> service.change(f.cityAdmin, k.id(), d)).get("state"));
        assertEquals("campaign.state.notDraft", errors(() -> service.open(f.cityAdmin, k.id())).get("state"));
        assertEquals(10, service.issueCodes(f.cityAdmin, k.id()).size(), "an open campaign's codes stay as they are");
        assertEquals(1, audits("campaign.open"));
        assertEquals(0, audits("campaign.change"));
    }

    @Test
    void aCampaignPastItsClosingDayCannotOpen() {
        Campaign k = f.draftCampaign();
        service.issueCodes(f.cityAdmin, k.id());
        f.clock.advance(Duration.ofDays(20));
        assertEquals("campaign.closes.past", errors(() -> service.open(f.cityAdmin, k.id())).get("closes"));
    }

    @Test
    void collidingCodesAreIssuedAgainInAFreshTransaction() {
        Campaign k = f.draftCampaign();
        String taken = service.issueCodes(f.cityAdmin, k.id()).get(0).code();
        Questionnaire q = service.questionnaire(f.cityAdmin, k.questionnaireId());
        Campaign other = service.create(f.cityAdmin, YEAR, f.campaignDraft(q.id(), 0, List.of(f.z1.id()),
                Map.of(RespondentCategory.STUDENT, 3)));
        codes.script.add(taken);
        List<AccessCode> issued = service.issueCodes(f.cityAdmin, other.id());
        assertEquals(3, issued.size());
        assertTrue(codes.script.isEmpty());
        assertTrue(issued.stream().noneMatch(c -> c.code().equals(taken)));
        assertEquals(13L, TestDb.count(f.store, "JX_QNR_CODE"));
        assertEquals(2, audits("campaign.codes"), "the failed attempt left no audit line");
    }

    // ---------------------------------------------------------------- closing and deciding

    @Test
    void closingFeedsTheEvaluationWithUnitsAtTheMinimumAndFlagsTheOthers() {
        Campaign k = f.openCampaign();
        answer(k, f.c1, RespondentCategory.STUDENT, 1, 2, "活动很好"); // 66.67
        answer(k, f.c1, RespondentCategory.STUDENT, 4, null, null); // 0
        answer(k, f.c1, RespondentCategory.URBAN_YOUTH, 3, 1, "希望多办招聘会"); // 73.33
        answer(k, f.c2, RespondentCategory.STUDENT, 2, null, null); // 80, one response: below the minimum of 2

        // While open: counts, no scores, no texts.
        UnitScores live = unit(service.scores(f.assessor, k.id()), f.c1.id());
        assertEquals(3, live.responses());
        assertNull(live.score());
        assertEquals(Map.of(f.c1.id(), 3, f.c2.id(), 1), service.responseCounts(f.assessor, k.id()),
                "what the dashboard follows: the scores' counts, without the answers");
        assertTrue(service.freeTexts(f.assessor, k.id()).isEmpty());

        Campaign closed = service.close(f.assessor, k.id());
        assertEquals(CampaignState.CLOSED, closed.state());
        assertEquals("assessor", closed.closedBy());
        assertEquals(f.clock.instant(), closed.closedAt());

        List<UnitScores> scores = service.scores(f.assessor, k.id());
        UnitScores c1 = unit(scores, f.c1.id());
        assertEquals(new BigDecimal("46.67"), c1.score());
        assertEquals(3, c1.responses());
        assertEquals(10 / 2, c1.quota());
        assertFalse(c1.belowMinimum());
        assertTrue(c1.fed());
        assertEquals(new BigDecimal("33.33"), c1.categories().get(0).score());
        assertEquals(new BigDecimal("53.33"), c1.items().get(0).score());
        assertEquals(new BigDecimal("46.67"), f.evaluationScore(f.c1, ScoreKind.YOUTH));

        UnitScores c2 = unit(scores, f.c2.id());
        assertEquals(new BigDecimal("80.00"), c2.score());
        assertTrue(c2.belowMinimum());
        assertFalse(c2.fed());
        assertEquals(Decision.NONE, c2.decision());
        assertNull(f.evaluationScore(f.c2, ScoreKind.YOUTH), "not used until the team decides");

        // Closing again feeds nothing twice.
        service.close(f.assessor, k.id());
        assertEquals(1, audits("campaign.feed"));
        assertEquals(1, audits("campaign.refeed"));
        assertEquals("campaign.decide.notBelow", errors(() -> service.decide(f.assessor, k.id(), f.c1.id(),
                Decision.USE, "够了")).get("orgUnitId"));
        assertEquals("campaign.reason.required", errors(() -> service.decide(f.assessor, k.id(), f.c2.id(),
                Decision.USE, " ")).get("reason"));
        assertEquals("campaign.decision.invalid", errors(() -> service.decide(f.assessor, k.id(), f.c2.id(),
                Decision.NONE, "x")).get("decision"));
        assertThrows(AccessDeniedException.class, () -> service.decide(f.cityAdmin, k.id(), f.c2.id(),
                Decision.USE, "x"));
        assertThrows(NotFoundException.class, () -> service.decide(f.assessor, k.id(), f.z1.id(), Decision.USE,
                "x"));

        UnitScores used = service.decide(f.assessor, k.id(), f.c2.id(), Decision.USE, "二县为山区，样本虽少但可信");
        assertEquals(Decision.USE, used.decision());
        assertTrue(used.fed());
        assertEquals(new BigDecimal("80.00"), f.evaluationScore(f.c2, ScoreKind.YOUTH));
        assertEquals("campaign.decided.already", errors(() -> service.decide(f.assessor, k.id(), f.c2.id(),
                Decision.EXCLUDE, "改主意")).get("decision"));

        assertEquals(1, audits("campaign.close"));
        assertEquals(2, audits("campaign.feed"));
        assertTrue(TestDb.audit(f.store, "campaign.decide").get(0).get("DETAIL").toString()
                .contains("reason=二县为山区"));
        // Entered by the closer, through the evaluation's own audited path.
        assertEquals(2, audits("evaluation.score"));
        assertEquals("assessor", TestDb.audit(f.store, "evaluation.score").get(0).get("ACTOR_NAME"));
    }

    @Test
    void excludingAUnitRecordsTheDecisionOnlyAndLeadersFeedTheLeaderScore() {
        Questionnaire q = service.save(f.cityAdmin, null, QFixture.youthDraft(EvaluationType.LEADER));
        Campaign k = service.create(f.cityAdmin, YEAR, f.campaignDraft(q.id(), 2, List.of(f.c1.id(), f.z1.id()),
                Map.of(RespondentCategory.LEADER, 2)));
        assertEquals(EvaluationType.LEADER, k.type());
        service.issueCodes(f.cityAdmin, k.id());
        service.open(f.cityAdmin, k.id());
        answer(k, f.c1, RespondentCategory.LEADER, 1, 1, null);
        answer(k, f.c1, RespondentCategory.LEADER, 2, 1, null);
        answer(k, f.z1, RespondentCategory.LEADER, 4, 2, null);
        service.close(f.assessor, k.id());
        // (100 + (2 × 80 + 100) / 3) / 2 = (100 + 86.67) / 2
        assertEquals(new BigDecimal("93.33"), f.evaluationScore(f.c1, ScoreKind.LEADER));
        assertNull(f.evaluationScore(f.c1, ScoreKind.YOUTH));

        UnitScores z1 = service.decide(f.assessor, k.id(), f.z1.id(), Decision.EXCLUDE, "样本不足");
        assertEquals(Decision.EXCLUDE, z1.decision());
        assertFalse(z1.fed());
        assertNull(f.evaluationScore(f.z1, ScoreKind.LEADER));
        assertEquals(1L, TestDb.count(f.store, "JX_QNR_DECISION"));
        assertEquals(1, audits("campaign.decide"));
    }

    @Test
    void aUnitWithoutAnyResponseCannotBeUsed() {
        Campaign k = f.openCampaign();
        answer(k, f.c1, RespondentCategory.STUDENT, 1, null, null);
        answer(k, f.c1, RespondentCategory.STUDENT, 1, null, null);
        service.close(f.assessor, k.id());
        UnitScores c2 = unit(service.scores(f.assessor, k.id()), f.c2.id());
        assertNull(c2.score());
        assertTrue(c2.belowMinimum());
        assertEquals("campaign.decide.noScore", errors(() -> service.decide(f.assessor, k.id(), f.c2.id(),
                Decision.USE, "x")).get("decision"));
        assertEquals(Decision.EXCLUDE, service.decide(f.assessor, k.id(), f.c2.id(), Decision.EXCLUDE, "无人作答")
                .decision());
    }

    @Test
    void theEvaluationReferencesNothingOfTheQuestionnairesSoTheirComponentsFormNoCycle() {
        for (java.lang.reflect.Constructor<?> c : org.jixiao.core.internal.evaluation.EvaluationServiceImpl.class
                .getDeclaredConstructors()) {
            for (Class<?> p : c.getParameterTypes()) {
                assertFalse(p.getPackageName().endsWith("questionnaire"), p.getName());
            }
        }
        for (java.lang.reflect.Method m : org.jixiao.core.internal.evaluation.EvaluationServiceImpl.class
                .getDeclaredMethods()) {
            for (Class<?> p : m.getParameterTypes()) {
                assertFalse(p.getPackageName().endsWith("questionnaire"), m.getName());
            }
        }
    }

    // ---------------------------------------------------------------- scope

    @Test
    void aCountySeesItsOwnScoresOnlyAndNoFreeText() {
        Campaign k = f.openCampaign();
        answer(k, f.c1, RespondentCategory.STUDENT, 1, 1, "好");
        answer(k, f.c1, RespondentCategory.STUDENT, 2, 1, null);
        answer(k, f.c2, RespondentCategory.STUDENT, 3, 1, "二县的意见");
        answer(k, f.c2, RespondentCategory.URBAN_YOUTH, 3, 2, null);
        service.close(f.assessor, k.id());

        assertEquals(List.of(f.c1.id(), f.c2.id()), service.scores(f.cityViewer, k.id()).stream()
                .map(UnitScores::orgUnitId).toList(), "the city sees every unit");
        List<UnitScores> mine = service.scores(f.c1Viewer, k.id());
        assertEquals(List.of(f.c1.id()), mine.stream().map(UnitScores::orgUnitId).toList());
        assertEquals(List.of(f.c1.id()), service.campaign(f.c1Viewer, k.id()).orgUnitIds());
        assertEquals(List.of(f.c2.id()), service.scores(f.c2Staff, k.id()).stream().map(UnitScores::orgUnitId)
                .toList());
        assertEquals(Map.of(f.c1.id(), 2), service.responseCounts(f.c1Viewer, k.id()), "its own unit's only");
        assertThrows(NotFoundException.class, () -> service.responseCounts(f.z1Staff, k.id()));
        // A unit the campaign does not rate sees no campaign at all.
        assertThrows(NotFoundException.class, () -> service.scores(f.z1Staff, k.id()));
        assertThrows(NotFoundException.class, () -> service.campaign(f.z1Staff, k.id()));
        assertTrue(service.campaigns(f.z1Staff, YEAR).isEmpty());
        assertEquals(1, service.campaigns(f.c1Viewer, YEAR).size());
        // Free text is the city assessment team's (issue 12, item 9): not a county's, nor every city user's.
        assertThrows(AccessDeniedException.class, () -> service.freeTexts(f.c1Admin, k.id()));
        assertThrows(AccessDeniedException.class, () -> service.freeTexts(f.c2Staff, k.id()));
        assertThrows(AccessDeniedException.class, () -> service.freeTexts(f.cityViewer, k.id()));
        assertThrows(AccessDeniedException.class, () -> service.freeTexts(f.cityStaff, k.id()));
        assertThrows(AccessDeniedException.class, () -> service.freeTexts(f.cityAdmin, k.id()));
        Map<Long, List<FreeText>> texts = service.freeTexts(f.assessor, k.id());
        assertEquals(List.of(f.c1.id(), f.c2.id()), List.copyOf(texts.keySet()));
        assertEquals(List.of("好"), texts.get(f.c1.id()).stream().map(FreeText::text).toList());
        FreeText t = texts.get(f.c2.id()).get(0);
        assertEquals(new FreeText(f.c2.id(), "二县团委", "2.1", "您的意见和建议", "二县的意见"), t);
    }

    @Test
    void freeTextsComeInAFreshRandomOrderPerUnit() {
        Questionnaire q = f.youth();
        Campaign k = service.create(f.cityAdmin, YEAR, f.campaignDraft(q.id(), 0, List.of(f.c1.id()),
                Map.of(RespondentCategory.STUDENT, 12)));
        service.issueCodes(f.cityAdmin, k.id());
        service.open(f.cityAdmin, k.id());
        for (int i = 0; i < 12; i++) {
            answer(k, f.c1, RespondentCategory.STUDENT, 1, null, "意见 " + i);
        }
        service.close(f.assessor, k.id());
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            List<String> texts = service.freeTexts(f.assessor, k.id()).get(f.c1.id()).stream().map(FreeText::text)
                    .toList();
            assertEquals(12, texts.size());
            orders.add(texts);
        }
        // 12! orders: five equal draws would be a broken shuffle.
        assertTrue(orders.size() > 1);
    }

    @Test
    void everyCampaignActionIsAuditedAndNoAnswerIs() {
        Campaign k = f.draftCampaign();
        service.change(f.cityAdmin, k.id(), f.campaignDraft(k.questionnaireId(), 1, List.of(f.c1.id(), f.c2.id()),
                Map.of(RespondentCategory.STUDENT, 3, RespondentCategory.URBAN_YOUTH, 2)));
        List<AccessCode> codes = service.issueCodes(f.cityAdmin, k.id());
        service.open(f.cityAdmin, k.id());
        service.codes(f.cityAdmin, k.id(), f.c1.id());
        long before = TestDb.count(f.store, "JX_AUDIT");
        answer(k, f.c1, RespondentCategory.STUDENT, 1, 1, "意见");
        f.answers.submitPaper(f.cityStaff, f.code(k, f.c2, RespondentCategory.STUDENT), answers(2, null, null));
        // Answering adds no audit line.
        assertEquals(before, TestDb.count(f.store, "JX_AUDIT"));
        service.close(f.assessor, k.id());
        for (String action : List.of("questionnaire.save", "campaign.create", "campaign.change", "campaign.codes",
                "campaign.open", "campaign.codes.read", "campaign.close", "campaign.feed")) {
            assertTrue(audits(action) > 0, action);
        }
        assertEquals(2, audits("campaign.feed"), "one response each, the minimum being 1");
        assertNoAuditNamesACode(codes);
        for (Map<String, Object> row : TestDb.rows(f.store, "SELECT ACTION FROM JX_AUDIT")) {
            assertFalse(row.get("ACTION").toString().startsWith("answer"), row.toString());
        }
    }

    @Test
    void aScoreTheEvaluationRefusedIsFedWhenTheCampaignIsClosedAgain() {
        Campaign k = f.openCampaign();
        answer(k, f.c1, RespondentCategory.STUDENT, 1, 2, null);
        answer(k, f.c1, RespondentCategory.STUDENT, 4, null, null);
        // The year is published meanwhile: the evaluation takes no scores, the close stands without them.
        while (f.cycle.year(QFixture.YEAR).orElseThrow().step() != org.jixiao.api.performance.Step.PUBLISHED) {
            f.cycle.advance(f.cityAdmin, QFixture.YEAR, "no targets in this test");
        }
        service.close(f.assessor, k.id());
        assertFalse(unit(service.scores(f.assessor, k.id()), f.c1.id()).fed());
        assertNull(f.evaluationScore(f.c1, ScoreKind.YOUTH));
        // Re-opened by an admin, the campaign is closed again and the missing score goes in, once.
        f.cycle.reopen(f.cityAdmin, QFixture.YEAR, org.jixiao.api.performance.Step.COMPREHENSIVE_EVALUATION, "补录");
        service.close(f.assessor, k.id());
        assertTrue(unit(service.scores(f.assessor, k.id()), f.c1.id()).fed());
        assertEquals(new BigDecimal("33.33"), f.evaluationScore(f.c1, ScoreKind.YOUTH));
        service.close(f.assessor, k.id());
        assertEquals(1, audits("campaign.feed"));
    }
}
