package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/** The questionnaire and campaign API: bodies read strictly into field errors, and the routes answer. */
class QuestionnaireApiTest {

    /** The field errors that {@code read} throws; none when it returns. */
    static Map<String, String> errors(Runnable read) {
        try {
            read.run();
            return Map.of();
        } catch (ValidationException e) {
            return e.fieldErrors();
        }
    }

    @Test
    void aQuestionnaireReadsAsTheApiWritesIt() {
        QuestionnaireDraft standard = QuestionnairePages.standard(EvaluationType.LEADER);
        String json = Json.GSON.toJson(standard);
        assertEquals(standard, QuestionnaireApi.questionnaireDraft(JsonParser.parseString(json)));
        QuestionnaireDraft d = QuestionnaireApi.questionnaireDraft(JsonParser.parseString(
                "{\"type\":\"YOUTH\",\"titleZh\":\"问卷\",\"sections\":[{\"titleZh\":\"一\",\"items\":[{\"key\":\"9.9\","
                        + "\"kind\":\"RATING\",\"textZh\":\"题\",\"weight\":\"1.5\",\"required\":true,\"choices\":"
                        + "[{\"labelZh\":\"好\",\"points\":100},{\"labelZh\":\"差\",\"points\":0}]}]}]}"));
        assertEquals(ItemKind.RATING, d.sections().get(0).items().get(0).kind());
        assertEquals(new BigDecimal("1.5"), d.sections().get(0).items().get(0).weight());
        assertEquals(2, d.sections().get(0).items().get(0).choices().size());
        assertEquals(Map.of("type", "questionnaire.type.required", "item.1.2", "questionnaire.item.kind.required"),
                errors(() -> QuestionnaireApi.questionnaireDraft(JsonParser.parseString(
                        "{\"type\":\"youth\",\"sections\":[{\"items\":[{\"kind\":\"RATING\"},{\"kind\":\"ESSAY\"}]}]}"))));
        assertThrows(Json.BadJsonException.class, () -> QuestionnaireApi.questionnaireDraft(
                JsonParser.parseString("{\"type\":\"YOUTH\",\"sections\":{}}")));
    }

    @Test
    void aCampaignReadsAsTheApiWritesIt() {
        CampaignDraft d = QuestionnaireApi.campaignDraft(JsonParser.parseString(
                "{\"name\":\"2031\",\"questionnaireId\":3,\"orgUnitIds\":[4,\"5\"],\"quotas\":[{\"category\":\"STUDENT\","
                        + "\"quota\":20},{\"category\":\"RURAL_YOUTH\",\"quota\":\"0\"}],\"minResponses\":0,"
                        + "\"opens\":\"2031-11-01\",\"closes\":\"2031-11-20\"}"));
        assertEquals(new CampaignDraft("2031", 3, List.of(4L, 5L), List.of(new CategoryQuota(RespondentCategory.STUDENT,
                20), new CategoryQuota(RespondentCategory.RURAL_YOUTH, 0)), 0, LocalDate.of(2031, 11, 1),
                LocalDate.of(2031, 11, 20)), d);
        assertEquals(Map.of("questionnaireId", "campaignForm.questionnaire.required", "minResponses",
                "campaignForm.number.invalid", "closes", "cycle.window.required", "orgUnitIds", "evaluation.unit.invalid",
                "quotas", "campaignForm.category.invalid", "quota.STUDENT", "campaignForm.number.invalid",
                "opens", "common.date.invalid"), errors(() -> QuestionnaireApi.campaignDraft(JsonParser.parseString(
                        "{\"minResponses\":-1,\"opens\":\"1.11.2031\",\"orgUnitIds\":[0],\"quotas\":[{\"category\":"
                                + "\"PUPIL\",\"quota\":1},{\"category\":\"STUDENT\",\"quota\":1.5}]}"))));
    }

    // ---------------------------------------------------------------- routes

    private final QuestionnaireFakes.Questionnaires questionnaires = new QuestionnaireFakes.Questionnaires();
    private final PerformanceCycle cycle = cycleWith(new PerformanceYear(2031, Step.YOUTH_EVALUATION, List.of()));

    /** A cycle that knows one open year, {@code open}, and nothing else. */
    static PerformanceCycle cycleWith(PerformanceYear open) {
        return (PerformanceCycle) Proxy.newProxyInstance(QuestionnaireApiTest.class.getClassLoader(),
                new Class<?>[] {PerformanceCycle.class}, (p, m, args) -> {
                    if (m.getName().equals("year")) {
                        return (Integer) args[0] == open.year() ? Optional.of(open) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
    private final ApiServlet api = new ApiServlet(new WebSessions(60_000L, false, System::currentTimeMillis),
            QuestionnaireFakes.authentication(QuestionnaireFakes.actor(CITY, Messages.ZH_CN, Role.ASSESSOR)),
            QuestionnaireFakes.unused(UserService.class), QuestionnaireFakes.unused(OrgUnitService.class),
            QuestionnaireFakes.unused(ProjectRegistry.class), QuestionnaireFakes.unused(Store.class), cycle,
            QuestionnaireFakes.unused(TargetService.class), QuestionnaireFakes.unused(EvaluationService.class),
            QuestionnaireFakes.unused(ManualIndicatorService.class), questionnaires,
            QuestionnaireFakes.unused(MilestoneService.class), QuestionnaireFakes.unused(TrackingService.class),
            QuestionnaireFakes.unused(SelfAssessmentService.class), AccountServlets.KEY_OK,
            QuestionnaireFakes.dashboard(QuestionnaireFakes.unused(ProjectRegistry.class),
                    QuestionnaireFakes.unused(MilestoneService.class), QuestionnaireFakes.unused(OrgUnitService.class)));

    private QuestionnaireFakes.Response call(String method, String path, String body) throws Exception {
        return QuestionnaireFakes.bearer(api, method, path, body);
    }

    @Test
    void theRoutesAnswer() throws Exception {
        QuestionnaireFakes.Response list = call("GET", "/api/v1/questionnaires", null);
        assertEquals(200, list.status);
        assertTrue(list.text().startsWith("[{\"id\":3,"), list.text());
        QuestionnaireFakes.Response created = call("POST", "/api/v1/questionnaires",
                Json.GSON.toJson(QuestionnairePages.standard(EvaluationType.YOUTH)));
        assertEquals(201, created.status, created.text());
        assertTrue(created.text().contains("\"titleZh\":\"青年评价测评表\""), created.text());
        assertEquals(200, call("GET", "/api/v1/questionnaires/10", null).status);
        assertEquals(404, call("GET", "/api/v1/questionnaires/99", null).status);
        assertEquals(200, call("PUT", "/api/v1/questionnaires/3", Json.GSON.toJson(
                QuestionnairePages.standard(EvaluationType.YOUTH))).status);

        QuestionnaireFakes.Response campaigns = call("GET", "/api/v1/perf/years/2031/campaigns", null);
        assertEquals(200, campaigns.status);
        assertTrue(campaigns.text().contains("\"state\":\"OPEN\""), campaigns.text());
        assertEquals(404, call("GET", "/api/v1/perf/years/2030/campaigns", null).status);
        assertEquals(200, call("GET", "/api/v1/perf/years/2031/campaigns/7", null).status);
        QuestionnaireFakes.Response codes = call("GET", "/api/v1/perf/years/2031/campaigns/7/codes", null);
        assertTrue(codes.text().contains("\"code\":\"ACDE4679FGHJ\""), codes.text());
        assertTrue(call("GET", "/api/v1/perf/years/2031/campaigns/7/scores", null).text().contains("\"score\":86.67"));
        assertTrue(call("GET", "/api/v1/perf/years/2031/campaigns/7/free-texts", null).text().startsWith("{\"4\":["));
        QuestionnaireFakes.Response decision = call("POST", "/api/v1/perf/years/2031/campaigns/7/units/4/decision",
                "{\"decision\":\"NONE\"}");
        assertEquals(400, decision.status);
        assertTrue(decision.text().contains(new Messages(Messages.ZH_CN).get("campaignForm.decision.required")));
        assertEquals(404, call("DELETE", "/api/v1/perf/years/2031/campaigns/7", null).status);
    }
}
