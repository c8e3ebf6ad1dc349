package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.SelfAssessmentService.Claim;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;
import org.junit.jupiter.api.Test;

/**
 * The JSON API of time nodes, tracking, self-assessment and target history ({@link MilestoneApi},
 * {@link TrackingApi}, {@link SelfAssessmentApi}): each route reaches its service with what the body said, a unit
 * the service does not find is 404, and bad input is 400 with a translated message per field, never 500.
 */
class ProcedureApiTest {

    private static final long OWN = 4;
    /** The unit the services treat as out of the caller's scope, as they treat another county. */
    private static final long OTHER = 5;

    /** Every call the services received: the method's name and its arguments after the actor. */
    private final List<String> calls = new ArrayList<>();

    /**
     * A service that records each call, answers 404 for {@link #OTHER} wherever a unit id is passed (a long after
     * the actor and year), and returns {@code answer}'s value for the method, or null.
     */
    private <T> T service(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object[] rest = args == null ? new Object[0]
                    : args[0] instanceof org.jixiao.api.Actor ? Arrays.copyOfRange(args, 1, args.length) : args;
            if (rest.length > 1 && rest[1] instanceof Long unit && unit == OTHER) {
                throw new NotFoundException("unit");
            }
            calls.add(m.getName() + Arrays.toString(rest));
            return answers.get(m.getName());
        }));
    }

    private static final Milestone NODE = new Milestone(2031, OWN, "employment", "扬帆行动", "youth.database",
            "青年数据库建成", "附件2 第1项", LocalDate.of(2031, 5, 31), LocalDate.of(2031, 5, 31), null, null, null, null,
            null, null, Milestone.State.PENDING);
    private static final Problem PROBLEM = new Problem(9, 2031, OWN, "东区", null, "台账不全", "缺少三月数据", null, null,
            null, null, Problem.State.OPEN, null, "tester", null, null, null, null, null, null);
    private static final SelfAssessment REPORT = new SelfAssessment(2031, OWN, "东区", SelfAssessment.State.DRAFT,
            List.of(), "已有问题", "已有整改", null, null, null, null, null);

    private final WebSessions sessions = new WebSessions(60_000L, false, System::currentTimeMillis);
    private final ApiServlet api = new ApiServlet(sessions,
            QuestionnaireFakes.authentication(QuestionnaireFakes.actor(CITY, Messages.ZH_CN, Role.ADMIN)),
            QuestionnaireFakes.unused(UserService.class), QuestionnaireFakes.unused(OrgUnitService.class),
            QuestionnaireFakes.unused(ProjectRegistry.class), QuestionnaireFakes.unused(Store.class),
            QuestionnaireApiTest.cycleWith(new PerformanceYear(2031, Step.TRACKING, List.of())),
            service(TargetService.class, Map.of("history", List.of())),
            QuestionnaireFakes.unused(EvaluationService.class), QuestionnaireFakes.unused(ManualIndicatorService.class),
            new QuestionnaireFakes.Questionnaires(),
            service(MilestoneService.class, Map.of("milestones", List.of(NODE), "markDone", NODE, "history",
                    List.of(), "overdue", List.of())),
            service(TrackingService.class, Map.of("problems", List.of(PROBLEM), "record", PROBLEM, "update", PROBLEM,
                    "rectified", PROBLEM, "close", PROBLEM, "reopen", PROBLEM, "progress", List.of(), "procedure",
                    List.of())),
            service(SelfAssessmentService.class, Map.of("get", REPORT, "save", REPORT, "submit", REPORT,
                    "returnToUnit", REPORT, "accept", REPORT, "list", List.of())), AccountServlets.KEY_OK,
            QuestionnaireFakes.dashboard(QuestionnaireFakes.unused(ProjectRegistry.class),
                    QuestionnaireFakes.unused(MilestoneService.class), QuestionnaireFakes.unused(OrgUnitService.class)));

    private static final String Y = "/api/v1/perf/years/2031";

    private QuestionnaireFakes.Response call(String method, String path, String body) throws Exception {
        return QuestionnaireFakes.bearer(api, method, path, body);
    }

    private void assertAnswers(int status, String method, String path, String body, String call) throws Exception {
        calls.clear();
        QuestionnaireFakes.Response r = call(method, path, body);
        assertEquals(status, r.status, method + " " + path + ": " + r.text());
        if (call != null) {
            assertEquals(List.of(call), calls, method + " " + path);
        }
    }

    /** A 400 whose fields are exactly these, each with the Chinese text of its key. */
    private void assertFields(String method, String path, String body, String... fieldKeys) throws Exception {
        calls.clear();
        QuestionnaireFakes.Response r = call(method, path, body);
        assertEquals(400, r.status, method + " " + path + ": " + r.text());
        Messages zh = new Messages(Messages.ZH_CN);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldKeys.length; i += 2) {
            expected.put(fieldKeys[i], zh.get(fieldKeys[i + 1]));
        }
        assertEquals(expected, Json.GSON.fromJson(r.text(), Map.class).get("fields"), r.text());
        assertEquals(List.of(), calls, "nothing reached the service");
    }

    @Test
    void timeNodesAreListedMarkedDoneAndMoved() throws Exception {
        assertAnswers(200, "GET", Y + "/milestones/4", null, "milestones[2031, 4]");
        assertTrue(call("GET", Y + "/milestones/4", null).text().contains("\"name\":\"青年数据库建成\""));
        assertAnswers(404, "GET", Y + "/milestones/5", null, null);
        assertAnswers(200, "POST", Y + "/milestones/4/employment:youth.database/done",
                "{\"doneOn\":\"2031-05-20\",\"evidence\":\"会议纪要\"}",
                "markDone[2031, 4, employment, youth.database, 2031-05-20, 会议纪要]");
        assertAnswers(404, "POST", Y + "/milestones/5/employment:youth.database/done",
                "{\"doneOn\":\"2031-05-20\",\"evidence\":\"x\"}", null);
        assertFields("POST", Y + "/milestones/4/employment:youth.database/done", "{\"evidence\":3}",
                "doneOn", "milestone.doneOn.required", "evidence", "api.text.invalid");
        assertFields("POST", Y + "/milestones/4/employment:youth.database/done", "{\"doneOn\":\"20.5.2031\"}",
                "doneOn", "common.date.invalid");
        assertFields("POST", Y + "/milestones/4/nokey/done", "{\"doneOn\":\"2031-05-20\"}",
                "milestone", "milestone.unknown");
        assertAnswers(200, "GET", Y + "/milestones/4/employment%3Ayouth.database/history", null,
                "history[2031, 4, employment, youth.database]");
        assertAnswers(200, "PUT", Y + "/milestones/employment%3Ayouth.database/due", "{\"due\":\"2031-06-30\"}",
                "setDue[2031, employment, youth.database, 2031-06-30]");
        assertTrue(call("PUT", Y + "/milestones/employment:youth.database/due", "{\"due\":\"2031-06-30\"}").text()
                .contains("\"due\":\"2031-06-30\""));
        assertFields("PUT", Y + "/milestones/employment:youth.database/due", "{}", "due", "milestone.due.required");
        assertAnswers(200, "GET", Y + "/milestones/overdue", null, null);
        assertAnswers(404, "DELETE", Y + "/milestones/4", null, null);
        assertAnswers(404, "GET", Y + "/milestones/x", null, null);
    }

    @Test
    void problemsAreRecordedRectifiedClosedAndReopenedUnderTheirUnit() throws Exception {
        assertAnswers(200, "GET", Y + "/tracking/4/progress", null, "progress[2031, 4]");
        assertAnswers(404, "GET", Y + "/tracking/5/progress", null, null);
        assertAnswers(200, "GET", Y + "/tracking/4/problems", null, "problems[2031, 4]");
        assertAnswers(201, "POST", Y + "/tracking/4/problems",
                "{\"projectId\":\"employment\",\"title\":\"台账不全\",\"description\":\"缺\",\"dueOn\":\"2031-09-30\"}",
                "record[2031, 4, employment, 台账不全, 缺, null, 2031-09-30]");
        assertAnswers(404, "POST", Y + "/tracking/5/problems", "{\"title\":\"x\"}", null);
        assertFields("POST", Y + "/tracking/4/problems", "{\"title\":[1],\"dueOn\":\"soon\"}",
                "title", "api.text.invalid", "dueOn", "common.date.invalid");

        String problem = Y + "/tracking/4/problems/9";
        calls.clear();
        assertEquals(200, call("PUT", problem, "{\"analysis\":\"人手不足\",\"measure\":\"补录\"}").status);
        assertEquals(List.of("problems[2031, 4]", "update[9, 人手不足, 补录, null, null]"), calls);
        calls.clear();
        assertEquals(200, call("POST", problem + "/rectified", "{\"evidence\":\"补录清单\"}").status);
        assertEquals("rectified[9, 补录清单]", calls.get(1));
        calls.clear();
        assertEquals(200, call("POST", problem + "/close", null).status);
        assertEquals("close[9]", calls.get(1));
        calls.clear();
        assertEquals(200, call("POST", problem + "/reopen", "{\"reason\":\"仍缺数据\"}").status);
        assertEquals("reopen[9, 仍缺数据]", calls.get(1));
        // A problem of another unit or year is not found under this one.
        assertAnswers(404, "POST", Y + "/tracking/4/problems/10/close", null, "problems[2031, 4]");
        assertAnswers(404, "POST", Y + "/tracking/5/problems/9/close", null, null);
        assertAnswers(404, "DELETE", problem, null, "problems[2031, 4]");

        assertAnswers(200, "GET", Y + "/problems", null, "problems[2031, null]");
        assertAnswers(200, "GET", "/api/v1/perf/procedures/employment", null, "procedure[employment]");
        assertAnswers(201, "POST", "/api/v1/perf/procedures/employment",
                "{\"text\":\"新流程\",\"reason\":\"问题9\",\"problemId\":9}", "reviseProcedure[employment, 新流程, 问题9, 9]");
        assertFields("POST", "/api/v1/perf/procedures/employment", "{\"text\":\"x\",\"problemId\":\"nine\"}",
                "problemId", "procedure.problem.unknown");
        assertAnswers(404, "GET", "/api/v1/perf/procedures/Employment!", null, null);
    }

    @Test
    void aSelfAssessmentIsSavedSubmittedReturnedAndAccepted() throws Exception {
        assertAnswers(200, "GET", Y + "/self-assessment", null, "list[2031]");
        assertAnswers(200, "GET", Y + "/self-assessment/4", null, "get[2031, 4]");
        assertAnswers(404, "GET", Y + "/self-assessment/5", null, null);
        IndicatorRef jobseekers = IndicatorRef.parse("employment:youth.jobseekers");
        calls.clear();
        assertEquals(200, call("PUT", Y + "/self-assessment/4", "{\"claims\":{\"employment:youth.jobseekers\":"
                + "{\"claimed\":\"250\",\"explanation\":\"台账\"}},\"problems\":\"无\",\"rectification\":\"无\"}").status);
        assertEquals(List.of("save[2031, 4, " + Map.of(jobseekers, new Claim(new BigDecimal("250"), "台账"))
                + ", 无, 无]"), calls);
        // Texts left out keep what was saved.
        calls.clear();
        assertEquals(200, call("PUT", Y + "/self-assessment/4", "{\"problems\":\"新问题\"}").status);
        assertEquals(List.of("get[2031, 4]", "save[2031, 4, {}, 新问题, 已有整改]"), calls);
        assertFields("PUT", Y + "/self-assessment/4", "{\"claims\":{\"employment:youth.jobseekers\":{\"claimed\":\"many\"},"
                + "\"nokey\":{}}}", "indicator", "selfAssessment.indicator.unknown",
                "claimed.employment:youth.jobseekers", "selfAssessment.claimed.invalid");
        assertEquals(400, call("PUT", Y + "/self-assessment/4", "{\"claims\":[1]}").status);
        assertAnswers(200, "POST", Y + "/self-assessment/4/submit", null, "submit[2031, 4]");
        assertAnswers(200, "POST", Y + "/self-assessment/4/return", "{\"comment\":\"补充说明\"}",
                "returnToUnit[2031, 4, 补充说明]");
        assertAnswers(200, "POST", Y + "/self-assessment/4/accept", "{}", "accept[2031, 4, null]");
        assertFields("POST", Y + "/self-assessment/4/return", "{\"comment\":false}", "comment", "api.text.invalid");
        assertAnswers(404, "POST", Y + "/self-assessment/5/accept", "{}", null);
        assertAnswers(404, "POST", Y + "/self-assessment/4/approve", "{}", null);
    }

    @Test
    void aTargetsHistoryIsReadUnderItsUnit() throws Exception {
        assertAnswers(200, "GET", Y + "/targets/4/employment:youth.jobseekers/history", null,
                "history[2031, 4, " + IndicatorRef.parse("employment:youth.jobseekers") + "]");
        assertAnswers(404, "GET", Y + "/targets/5/employment%3Ayouth.jobseekers/history", null, null);
        assertAnswers(404, "POST", Y + "/targets/4/employment:youth.jobseekers/history", null, null);
    }

    @Test
    void aBrowserSessionWritesOnlyWithItsCsrfToken() throws Exception {
        WebSession session = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), 2L);
        for (String token : new String[] {null, "wrong", session.csrfToken}) {
            calls.clear();
            QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("POST",
                    Y + "/milestones/4/employment:youth.database/done");
            request.cookie(WebSessions.COOKIE, session.id);
            if (token != null) {
                request.headers.put(ApiServlet.CSRF_HEADER, token);
            }
            request.contentType = "application/json";
            request.body = "{\"doneOn\":\"2031-05-20\",\"evidence\":\"x\"}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8);
            QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
            api.service(request.proxy(), response.proxy());
            boolean valid = session.csrfToken.equals(token);
            assertEquals(valid ? 200 : 403, response.status, String.valueOf(token));
            assertEquals(valid ? 1 : 0, calls.size(), "the service is reached with the token only");
        }
    }

    @Test
    void everyKeyTheseRoutesNameIsTranslatedInBothLanguages() {
        BundleKeysTest.assertTranslated(List.of("milestone.doneOn.required", "milestone.due.required",
                "milestone.unknown", "selfAssessment.indicator.unknown", "selfAssessment.claimed.invalid",
                "procedure.problem.unknown", "common.date.invalid", "api.text.invalid"));
    }
}
