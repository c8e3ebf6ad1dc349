package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.jixiao.web.internal.QuestionnaireFakes.COUNTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectRole;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;
import org.junit.jupiter.api.Test;

/**
 * The users pages and {@code /api/v1/users} with key projects' roles: the active projects' roles offered under each
 * project's name, grants held for a project that is away shown as such, and what the forms and JSON hand the core.
 */
class UserRolesPagesTest {

    /** Held by the user shown, declared by a project that is installed but stopped. */
    static final String AWAY = "OLD_ROLE";

    private final Actor admin = QuestionnaireFakes.actor(CITY, Messages.ZH_CN, Role.ADMIN);
    private final User user = new User(5, "li.si", "李四", Set.of(Role.STAFF), COUNTY.id(), COUNTY.name(), true, false,
            null, Instant.parse("2031-01-01T00:00:00Z"), Set.of("HOPE_OFFICE", AWAY));
    /** What the pages and the API handed the user service to save. */
    private final List<UserDraft> drafts = new ArrayList<>();
    private final UserService users = users();
    private final ProjectRegistry projects = registry(
            new ProjectStatus("hope", "希望工程", "1.0.0", ProjectState.ACTIVE, null),
            new ProjectStatus("old", "旧项目", "1.0.0", ProjectState.STOPPED, null));
    private final WebSessions sessions = new WebSessions(30 * 60_000L, false, System::currentTimeMillis);
    private final WebSession session = sessions.start(Fakes.request(), new QuestionnaireFakes.Response().proxy(), admin.userId());

    private final PageServlet pages = AccountServlets.pages(sessions, QuestionnaireFakes.authentication(admin), users,
            orgUnits(), projects);
    private final ApiServlet api = AccountServlets.api(sessions, QuestionnaireFakes.authentication(admin), users,
            orgUnits(), projects);

    // ---------------------------------------------------------------- pages

    private QuestionnaireFakes.Response page(QuestionnaireFakes.Request request, Locale locale) throws Exception {
        request.cookie(WebSessions.COOKIE, session.id);
        if (Locale.ENGLISH.equals(locale)) {
            request.cookie(Http.LANG_COOKIE, "en");
        }
        QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
        pages.service(request.proxy(), response.proxy());
        return response;
    }

    /** The checkboxes named {@code grants}: value to whether ticked. */
    private static Map<String, Boolean> grantBoxes(String html) {
        Map<String, Boolean> boxes = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"checkbox\" name=\"grants\" value=\"([^\"]*)\"\\s*(checked)?>")
                .matcher(html);
        while (m.find()) {
            boxes.put(m.group(1), m.group(2) != null);
        }
        return boxes;
    }

    @Test
    void theEditPageOffersEachActiveProjectsRolesUnderItsNameInItsOwnWords() throws Exception {
        QuestionnaireFakes.Response zh = page(new QuestionnaireFakes.Request("GET", "/admin/users/5"), Messages.ZH_CN);
        assertEquals(200, zh.status, zh.text());
        String html = zh.text();
        TemplateChecks.check(html, "user-edit", "user|users|role", true);
        assertTrue(html.contains("<legend>希望工程</legend>"), html);
        assertTrue(html.contains("value=\"HOPE_OFFICE\" checked> 希望办</label>"), html);
        assertTrue(html.contains("value=\"VOLUNTEER\" > 志愿者</label>"), html);
        assertEquals(Map.of("HOPE_OFFICE", true, "VOLUNTEER", false, AWAY, true), grantBoxes(html),
                "a role spelt like a core role is not offered; the stopped project's only as held");
        assertFalse(html.contains("旧项目"), "a project that is not active has no group");
        assertTrue(html.contains(new Messages(Messages.ZH_CN).get("user.grants.away")), html);
        assertTrue(html.indexOf("name=\"roles\" value=\"BONUS_APPROVER\"") < html.indexOf("<legend>希望工程</legend>"),
                "the core's roles first");

        String en = page(new QuestionnaireFakes.Request("GET", "/admin/users/5"), Locale.ENGLISH).text();
        assertTrue(en.contains("value=\"HOPE_OFFICE\" checked> Hope office</label>"), en);
        assertTrue(en.contains("<legend>Hope Project</legend>"), en);
        assertTrue(en.contains(new Messages(Locale.ENGLISH).get("user.grants.awayHint")), en);

        String blank = page(new QuestionnaireFakes.Request("GET", "/admin/users/new"), Messages.ZH_CN).text();
        assertEquals(Map.of("HOPE_OFFICE", false, "VOLUNTEER", false), grantBoxes(blank));
    }

    @Test
    void theListNamesEachGrantWithItsProjectOrAsAway() throws Exception {
        String html = page(new QuestionnaireFakes.Request("GET", "/admin/users"), Messages.ZH_CN).text();
        assertTrue(html.contains("<td>工作人员（录入）, 希望办（希望工程）, OLD_ROLE（所属项目未启用）</td>"), html);
        String en = page(new QuestionnaireFakes.Request("GET", "/admin/users"), Locale.ENGLISH).text();
        assertTrue(en.contains("<td>Staff (data entry), Hope office (Hope Project), OLD_ROLE (project not active)</td>"),
                en);
    }

    private QuestionnaireFakes.Request save(String... grants) {
        QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("POST", "/admin/users/5")
                .param("_csrf", session.csrfToken).param("username", "li.si").param("displayName", "李四")
                .param("orgUnitId", String.valueOf(COUNTY.id())).param("roles", "STAFF").param("enabled", "on");
        for (String g : grants) {
            request.param("grants", g);
        }
        return request;
    }

    @Test
    void theFormHandsTheTickedGrantsToTheCoreAndShowsItsRefusal() throws Exception {
        assertEquals(303, page(save("VOLUNTEER", AWAY), Messages.ZH_CN).status);
        assertEquals(Set.of("VOLUNTEER", AWAY), drafts.get(0).grants());
        assertEquals(303, page(save(), Messages.ZH_CN).status);
        assertEquals(Set.of(), drafts.get(1).grants(), "none ticked is none, not \"unchanged\"");

        QuestionnaireFakes.Response refused = page(save("NO_SUCH_ROLE"), Messages.ZH_CN);
        assertEquals(400, refused.status);
        assertTrue(refused.text().contains(new Messages(Messages.ZH_CN).get("user.grants.invalid")), refused.text());
        assertEquals(Map.of("HOPE_OFFICE", false, "VOLUNTEER", false, AWAY, false), grantBoxes(refused.text()),
                "as posted: the away role stays offered, unticked");
    }

    // ---------------------------------------------------------------- JSON

    private QuestionnaireFakes.Response json(String method, String path, String body) throws Exception {
        return QuestionnaireFakes.bearer(api, method, path, body);
    }

    @Test
    void jsonCarriesGrantsBesideRolesAndOldClientsKeepThem() throws Exception {
        String got = json("GET", "/api/v1/users/5", null).text();
        assertTrue(got.contains("\"roles\":[\"STAFF\"]"), got);
        assertTrue(got.contains("\"grants\":[\"HOPE_OFFICE\",\"OLD_ROLE\"]"), got);

        String body = "{\"username\":\"li.si\",\"displayName\":\"李四\",\"roles\":[\"STAFF\"],\"orgUnitId\":4";
        assertEquals(200, json("PUT", "/api/v1/users/5", body + "}").status);
        assertNull(drafts.get(0).grants(), "left out: kept as they are");
        assertEquals(200, json("PUT", "/api/v1/users/5", body + ",\"grants\":[\"VOLUNTEER\"]}").status);
        assertEquals(Set.of("VOLUNTEER"), drafts.get(1).grants());

        QuestionnaireFakes.Response refused = json("PUT", "/api/v1/users/5", body + ",\"grants\":[\"NO_SUCH_ROLE\"]}");
        assertEquals(400, refused.status);
        assertTrue(refused.text().contains("\"grants\":\"" + new Messages(Messages.ZH_CN).get("user.grants.invalid")),
                refused.text());
        assertEquals(400, json("PUT", "/api/v1/users/5", body.replace("STAFF", "HOPE_OFFICE") + "}").status,
                "roles are the core's only, as before");
    }

    // ---------------------------------------------------------------- fakes

    /** User 5 in the county; saves are recorded, and refused like the core's for a role no project declares. */
    private UserService users() {
        return (UserService) java.lang.reflect.Proxy.newProxyInstance(UserRolesPagesTest.class.getClassLoader(),
                new Class<?>[] {UserService.class}, (p, m, args) -> switch (m.getName()) {
                    case "list" -> new Page<>(List.of(user), 1, (Integer) args[3], 1);
                    case "get" -> user((Long) args[1]);
                    case "update" -> {
                        UserDraft draft = (UserDraft) args[2];
                        if (draft.grants() != null && draft.grants().contains("NO_SUCH_ROLE")) {
                            throw ValidationException.of("grants", "user.grants.invalid");
                        }
                        drafts.add(draft);
                        yield user((Long) args[1]);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private User user(long id) {
        if (id != user.id()) {
            throw new NotFoundException("user:" + id);
        }
        return user;
    }

    private static OrgUnitService orgUnits() {
        return (OrgUnitService) java.lang.reflect.Proxy.newProxyInstance(UserRolesPagesTest.class.getClassLoader(),
                new Class<?>[] {OrgUnitService.class}, (p, m, args) -> switch (m.getName()) {
                    case "visibleTo" -> List.of(CITY, COUNTY);
                    case "find" -> Optional.of((Long) args[0] == COUNTY.id() ? COUNTY : CITY);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** The active "hope" project, whose roles are named in both languages, and a stopped one. */
    private static ProjectRegistry registry(ProjectStatus... statuses) {
        KeyProject hope = hope();
        return (ProjectRegistry) java.lang.reflect.Proxy.newProxyInstance(UserRolesPagesTest.class.getClassLoader(),
                new Class<?>[] {ProjectRegistry.class}, (p, m, args) -> switch (m.getName()) {
                    case "projects" -> Locale.ENGLISH.equals(args[0])
                            ? List.of(new ProjectStatus("hope", "Hope Project", "1.0.0", ProjectState.ACTIVE, null),
                                    statuses[1])
                            : List.of(statuses);
                    case "active" -> "hope".equals(args[0]) ? Optional.of(hope) : Optional.empty();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static KeyProject hope() {
        return (KeyProject) java.lang.reflect.Proxy.newProxyInstance(UserRolesPagesTest.class.getClassLoader(),
                new Class<?>[] {KeyProject.class}, (p, m, args) -> switch (m.getName()) {
                    case "id" -> "hope";
                    case "messages" -> messages(Locale.ENGLISH.equals(args[0]));
                    case "roles" -> List.of(new ProjectRole("HOPE_OFFICE", "role.office", true),
                            new ProjectRole("VOLUNTEER", "role.volunteer", false),
                            new ProjectRole("ADMIN", "role.office", true));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ResourceBundle messages(boolean en) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"role.office", en ? "Hope office" : "希望办"},
                    {"role.volunteer", en ? "Volunteer" : "志愿者"},
                };
            }
        };
    }
}
