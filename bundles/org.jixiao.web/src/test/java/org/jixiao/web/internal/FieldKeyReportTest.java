package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.jixiao.web.internal.QuestionnaireFakes.COUNTY;
import static org.jixiao.web.internal.QuestionnaireFakes.unused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 12, item 10: with the key file lost, the node reported UP while every record answered 500. Health now says
 * DEGRADED and why, in the caller's language, and the admin's home page shows the same words.
 */
class FieldKeyReportTest {

    private static final String MISSING_ZH = "字段加密密钥文件 /srv/jixiao/var/keys/field.key 缺失";
    private static final String MISSING_EN = "The field-encryption key file /srv/jixiao/var/keys/field.key is missing";

    private final FieldKeyStatus missing = AccountServlets.key(FieldKeyStatus.State.MISSING,
            locale -> Locale.ENGLISH.equals(locale) ? MISSING_EN : MISSING_ZH);

    private static <T> T service(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(FieldKeyReportTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> {
                    if (!answers.containsKey(m.getName())) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    return answers.get(m.getName());
                }));
    }

    private final ProjectRegistry projects = service(ProjectRegistry.class, Map.of("projects",
            List.of(new ProjectStatus("employment", "青年就业创业", "1.0.0", ProjectState.WAITING, null)),
            "indicators", List.of()));

    private JsonObject health(FieldKeyStatus key, String lang) throws Exception {
        return health(key, lang, null);
    }

    private JsonObject health(FieldKeyStatus key, String lang, SyncHealth sync) throws Exception {
        ApiServlet api = new ApiServlet(new WebSessions(60_000L, false, System::currentTimeMillis),
                unused(org.jixiao.api.security.Authentication.class), unused(UserService.class),
                unused(OrgUnitService.class), projects, service(Store.class, Map.of("healthy", true, "engine",
                        "Apache Derby")), unused(PerformanceCycle.class), unused(TargetService.class),
                unused(EvaluationService.class), unused(ManualIndicatorService.class),
                unused(QuestionnaireService.class), unused(MilestoneService.class), unused(TrackingService.class),
                unused(SelfAssessmentService.class), key,
                QuestionnaireFakes.dashboard(projects, unused(MilestoneService.class), unused(OrgUnitService.class)));
        if (sync != null) {
            api.setSync(sync);
        }
        QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("GET", "/api/v1/health");
        if (lang != null) {
            request.cookie(Http.LANG_COOKIE, lang);
        }
        QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
        api.service(request.proxy(), response.proxy());
        assertEquals(200, response.status, "the node itself is up and serves the rest");
        return JsonParser.parseString(response.text()).getAsJsonObject();
    }

    @Test
    void healthSaysDegradedAndWhyWhenTheKeyIsLost() throws Exception {
        JsonObject zh = health(missing, null);
        assertEquals("DEGRADED", zh.get("status").getAsString());
        assertEquals("MISSING", zh.getAsJsonObject("fieldKey").get("status").getAsString());
        assertEquals(MISSING_ZH, zh.getAsJsonObject("fieldKey").get("problem").getAsString());
        assertEquals("WAITING", zh.getAsJsonArray("projects").get(0).getAsJsonObject().get("state").getAsString());
        assertEquals(MISSING_EN, health(missing, "en").getAsJsonObject("fieldKey").get("problem").getAsString());

        JsonObject sound = health(AccountServlets.KEY_OK, null);
        assertEquals("UP", sound.get("status").getAsString());
        assertEquals("OK", sound.getAsJsonObject("fieldKey").get("status").getAsString());
    }

    @Test
    void aFederatedNodesHealthCarriesItsBacklogLagAndRefusalsAndAStandaloneOneNoSection() throws Exception {
        assertNull(health(AccountServlets.KEY_OK, null).get("sync"));
        JsonObject county = health(AccountServlets.KEY_OK, null, () -> new SyncHealth.Summary("county", 42,
                Duration.ofSeconds(90), 0)).getAsJsonObject("sync");
        assertEquals("{\"role\":\"county\",\"backlog\":42,\"lagSeconds\":90,\"refused\":0}", county.toString());
        JsonObject city = health(AccountServlets.KEY_OK, null, () -> new SyncHealth.Summary("city", 0, null, 3))
                .getAsJsonObject("sync");
        assertEquals(3, city.get("refused").getAsLong());
        assertFalse(city.has("lagSeconds"), "no lag before any change arrived");
    }

    /** The page servlet of an actor's session, on a node whose field key is {@code key}, and the page at path. */
    private QuestionnaireFakes.Response page(Actor actor, OrgUnitService orgUnits, SyncHealth sync, String path)
            throws Exception {
        WebSessions sessions = new WebSessions(60_000L, false, System::currentTimeMillis);
        PageServlet pages = new PageServlet(sessions, new Templates(), QuestionnaireFakes.authentication(actor),
                unused(UserService.class), orgUnits, projects, unused(PerformanceCycle.class),
                unused(TargetService.class), unused(EvaluationService.class), unused(SelfAssessmentService.class),
                service(MilestoneService.class, Map.of("overdue", List.of())), unused(TrackingService.class),
                unused(ManualIndicatorService.class), unused(QuestionnaireService.class),
                unused(org.jixiao.api.questionnaire.AnswerService.class), missing,
                new DocumentHeader(null, "", ""), QuestionnaireFakes.dashboard(projects,
                        service(MilestoneService.class, Map.of("overdue", List.of())), unused(OrgUnitService.class)));
        pages.sync = sync;
        WebSession session = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(),
                actor.userId());
        QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
        QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("GET", path).cookie(WebSessions.COOKIE,
                session.id);
        if (actor.locale().equals(Locale.ENGLISH)) {
            request.cookie(Http.LANG_COOKIE, "en");
        }
        pages.service(request.proxy(), response.proxy());
        return response;
    }

    @Test
    void theAdminsHomePageShowsTheProblem() throws Exception {
        Actor admin = new Actor(1, "admin", Set.of(Role.ADMIN), CITY, Messages.ZH_CN);
        Actor staff = new Actor(2, "staff", Set.of(Role.STAFF), CITY, Messages.ZH_CN);
        for (Actor actor : List.of(admin, staff)) {
            QuestionnaireFakes.Response response = page(actor, unused(OrgUnitService.class), null, "/home");
            assertEquals(200, response.status, response.text());
            assertEquals(actor == admin, response.text().contains(MISSING_ZH), actor.username());
        }
    }

    /** A city with a county that sent what is not its own: its administrators see the alarm, translated. */
    private static final class City implements SyncHealth {
        @Override
        public Summary summary() {
            return new Summary("city", 0, Duration.ofSeconds(3), 1);
        }

        @Override
        public List<CountyStatus> counties() {
            return List.of(new CountyStatus("a", "A01", 12, Instant.parse("2026-12-07T10:00:00Z"),
                    Duration.ofSeconds(3), 250L, 4, 11, 0, 1, List.of(new Refusal(12, "outsideCounty", "987",
                            "fed/members:4097", Instant.parse("2026-12-07T10:00:01Z")))),
                    new CountyStatus("b", "B01", 0, null, null, null, 0, 0, 0, 0, List.of()));
        }
    }

    @Test
    void theCitysSyncPageAlarmsCityAdminsOnlyAboutARefusedChange() throws Exception {
        OrgUnitService tree = service(OrgUnitService.class, Map.of("root", CITY));
        String zh = page(new Actor(1, "admin", Set.of(Role.ADMIN), CITY, Messages.ZH_CN), tree, new City(),
                "/admin/sync").text();
        assertTrue(zh.contains("有 1 条变更因涉及发送方县级以外的数据被拒绝"), zh);
        assertTrue(zh.contains("组织机构 987 不在发送方县级范围内") && zh.contains("fed/members:4097"), zh);
        assertTrue(zh.contains("尚未收到") && zh.contains("href=\"/admin/sync\" class=\"alarm\""), zh);
        assertTrue(zh.contains("<td>250</td>"), "the county's backlog as last heard: " + zh);
        QuestionnaireFakes.Response en = page(new Actor(1, "admin", Set.of(Role.ADMIN), CITY, Locale.ENGLISH), tree,
                new City(), "/admin/sync");
        assertTrue(en.text().contains("Unit 987 is outside the sender&#39;s county"), en.text());
        // A county's administrator at the city, a city clerk, and a node with no federation.
        assertEquals(403, page(new Actor(3, "admin-a", Set.of(Role.ADMIN), COUNTY, Messages.ZH_CN), tree,
                new City(), "/admin/sync").status);
        assertEquals(403, page(new Actor(2, "staff", Set.of(Role.STAFF), CITY, Messages.ZH_CN), tree, new City(),
                "/admin/sync").status);
        assertEquals(404, page(new Actor(1, "admin", Set.of(Role.ADMIN), CITY, Messages.ZH_CN), tree, null,
                "/admin/sync").status);
        // A county node: its own administrator sees its backlog, and no county list.
        SyncHealth county = () -> new SyncHealth.Summary("county", 42, Duration.ofSeconds(90), 0);
        QuestionnaireFakes.Response own = page(new Actor(3, "admin-a", Set.of(Role.ADMIN), COUNTY, Messages.ZH_CN),
                tree, county, "/admin/sync");
        assertEquals(200, own.status, own.text());
        assertTrue(own.text().contains("<td>42</td>") && own.text().contains("90 秒"), own.text());
    }
}
