package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.jixiao.web.internal.QuestionnaireFakes.CODE;
import static org.jixiao.web.internal.QuestionnaireFakes.USED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.security.UserService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.junit.jupiter.api.Test;

/**
 * The respondent's path and the builder driven through {@link PageServlet} as a browser would: the forms the pages
 * render are scraped and posted back, with the questionnaire and answer services faked in memory.
 */
class QuestionnaireFlowTest {

    private final WebSessions sessions = new WebSessions(30 * 60_000L, false, System::currentTimeMillis);
    private final QuestionnaireFakes.Answers answers = new QuestionnaireFakes.Answers();
    private final QuestionnaireFakes.Questionnaires questionnaires = new QuestionnaireFakes.Questionnaires();
    private final Actor assessor = QuestionnaireFakes.actor(CITY, Messages.ZH_CN, Role.ASSESSOR, Role.STAFF);
    private final PageServlet servlet = new PageServlet(sessions, new Templates(),
            QuestionnaireFakes.authentication(assessor), QuestionnaireFakes.unused(UserService.class),
            orgUnits(), QuestionnaireFakes.unused(ProjectRegistry.class), cycle(),
            QuestionnaireFakes.unused(TargetService.class),
            QuestionnaireFakes.unused(EvaluationService.class), QuestionnaireFakes.unused(SelfAssessmentService.class),
            QuestionnaireFakes.unused(MilestoneService.class), QuestionnaireFakes.unused(TrackingService.class),
            QuestionnaireFakes.unused(ManualIndicatorService.class), questionnaires, answers, AccountServlets.KEY_OK,
            new DocumentHeader(null, "共青团某某市委员会", ""), QuestionnaireFakes.dashboard(
                    QuestionnaireFakes.unused(ProjectRegistry.class), QuestionnaireFakes.unused(MilestoneService.class),
                    orgUnits()));
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** The city and one county, whose name is hostile. */
    private static OrgUnitService orgUnits() {
        return (OrgUnitService) java.lang.reflect.Proxy.newProxyInstance(QuestionnaireFlowTest.class.getClassLoader(),
                new Class<?>[] {OrgUnitService.class}, (p, m, args) -> switch (m.getName()) {
                    case "subtree" -> List.of(CITY, QuestionnaireFakes.COUNTY);
                    case "find" -> java.util.Optional.of((Long) args[0] == 4L ? QuestionnaireFakes.COUNTY : CITY);
                    default -> java.lang.reflect.InvocationHandler.invokeDefault(p, m, args);
                });
    }

    /** The year 2031, at the youth evaluation. */
    private static PerformanceCycle cycle() {
        return (PerformanceCycle) java.lang.reflect.Proxy.newProxyInstance(QuestionnaireFlowTest.class.getClassLoader(),
                new Class<?>[] {PerformanceCycle.class}, (p, m, args) -> {
                    if (m.getName().equals("year") && (Integer) args[0] == 2031) {
                        return java.util.Optional.of(new org.jixiao.api.performance.PerformanceYear(2031,
                                org.jixiao.api.performance.Step.YOUTH_EVALUATION, List.of()));
                    }
                    if (m.getName().equals("year")) {
                        return java.util.Optional.empty();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private QuestionnaireFakes.Response send(QuestionnaireFakes.Request request) throws Exception {
        cookies.forEach(request::cookie);
        QuestionnaireFakes.Response response = new QuestionnaireFakes.Response();
        servlet.service(request.proxy(), response.proxy());
        String session = response.sessionCookie();
        if (session != null) {
            cookies.put(WebSessions.COOKIE, session);
        }
        return response;
    }

    private QuestionnaireFakes.Response get(String path) throws Exception {
        return send(new QuestionnaireFakes.Request("GET", path));
    }

    // ---------------------------------------------------------------- a browser's reading of a form

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile(
            "<input([^>]*)>|<textarea([^>]*)>(.*?)</textarea>|<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option([^>]*)>");

    private static String attr(String attributes, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static boolean flag(String attributes, String name) {
        return Pattern.compile("\\s" + name + "(\\s|$|=)").matcher(attributes).find();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** What the browser posts for the form with this action, as it stands (no button pressed). */
    private static QuestionnaireFakes.Request form(String html, String action) {
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            if (!f.group(1).equals(action)) {
                continue;
            }
            QuestionnaireFakes.Request request = new QuestionnaireFakes.Request("POST", action);
            Matcher m = FIELD.matcher(f.group(2));
            while (m.find()) {
                if (m.group(1) != null) {
                    String a = m.group(1);
                    String type = attr(a, "type");
                    String name = attr(a, "name");
                    if (name == null || "submit".equals(type)) {
                        continue;
                    }
                    if (("checkbox".equals(type) || "radio".equals(type)) && !flag(a, "checked")) {
                        continue;
                    }
                    request.param(name, attr(a, "value") == null ? "on" : attr(a, "value"));
                } else if (m.group(2) != null) {
                    request.param(attr(m.group(2), "name"), unescape(m.group(3)));
                } else {
                    Matcher o = OPTION.matcher(m.group(5));
                    String first = null;
                    String chosen = null;
                    while (o.find()) {
                        first = first == null ? attr(o.group(1), "value") : first;
                        if (flag(o.group(1), "selected")) {
                            chosen = attr(o.group(1), "value");
                        }
                    }
                    request.param(attr(m.group(4), "name"), chosen != null ? chosen : first);
                }
            }
            return request;
        }
        throw new AssertionError("no form posting to " + action + " in\n" + html);
    }

    // ---------------------------------------------------------------- respondents

    @Test
    void aRespondentTypesTheCodeAnswersOnceAndCannotAnswerAgain() throws Exception {
        QuestionnaireFakes.Response page = get("/q");
        assertEquals(200, page.status);
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertTrue(page.text().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertNotNull(cookies.get(WebSessions.COOKIE), "an anonymous session carries the form's token");

        QuestionnaireFakes.Response typed = send(form(page.text(), "/q").set("code", "acde-4679 fghj"));
        assertEquals(303, typed.status);
        assertEquals("/q/" + CODE, typed.header("Location"));
        assertEquals(303, get("/q/acde-4679-fghj").status, "one address per code");

        QuestionnaireFakes.Response ballot = get("/q/" + CODE);
        assertEquals(200, ballot.status);
        assertEquals("no-referrer", ballot.header("Referrer-Policy"));
        assertTrue(ballot.text().contains("&lt;script&gt;"), "the unit's name, escaped");

        // The required item left out: the form again, with what was answered and the item's message.
        QuestionnaireFakes.Response missing = send(form(ballot.text(), "/q/" + CODE).set("a.1.2", "2")
                .set("a.2.1", "多组织活动"));
        assertEquals(400, missing.status);
        assertTrue(missing.text().contains(new Messages(Messages.ZH_CN).get("answer.required")));
        assertTrue(missing.text().contains("name=\"a.1.2\" value=\"2\" checked"));
        assertTrue(missing.text().contains(">多组织活动</textarea>"));
        assertTrue(answers.submitted.isEmpty());

        QuestionnaireFakes.Response done = send(form(missing.text(), "/q/" + CODE).set("a.1.1", "1"));
        assertEquals(303, done.status);
        assertEquals("/q/thanks", done.header("Location"));
        assertEquals(List.of(List.of(new Answer("1.1", 1, null), new Answer("1.2", 2, null),
                new Answer("2.1", null, "多组织活动"))), answers.submitted);
        assertEquals(200, get("/q/thanks").status);

        QuestionnaireFakes.Response again = get("/q/" + CODE);
        assertEquals(410, again.status);
        assertTrue(again.text().contains(new Messages(Messages.ZH_CN).get("answer.code.used")));
        QuestionnaireFakes.Response resubmitted = send(form(missing.text(), "/q/" + CODE).set("a.1.1", "1"));
        assertEquals(410, resubmitted.status, "the back button does not answer twice");
        assertEquals(1, answers.submitted.size());
    }

    /** Issue 11, item 12: the respondent's page follows the browser's language. */
    @Test
    void theRespondentsPageFollowsTheBrowsersLanguage() throws Exception {
        QuestionnaireFakes.Request english = new QuestionnaireFakes.Request("GET", "/q/" + "ACDE4679FGHK");
        english.headers.put("Accept-Language", "en-US,en;q=0.9,zh-CN;q=0.5");
        assertTrue(send(english).text().contains(new Messages(Locale.ENGLISH).get("answer.code.unknown")));
        QuestionnaireFakes.Request chinese = new QuestionnaireFakes.Request("GET", "/q/" + "ACDE4679FGHK");
        chinese.headers.put("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        assertTrue(send(chinese).text().contains(new Messages(Messages.ZH_CN).get("answer.code.unknown")));
    }

    @Test
    void unknownAndMalformedCodesAreExplained() throws Exception {
        Messages zh = new Messages(Messages.ZH_CN);
        QuestionnaireFakes.Response unknown = get("/q/" + "ACDE4679FGHK");
        assertEquals(404, unknown.status);
        assertTrue(unknown.text().contains(zh.get("answer.code.unknown")));
        assertEquals(404, get("/q/<script>").status);
        assertEquals(410, get("/q/" + USED).status);
        QuestionnaireFakes.Response typo = send(form(get("/q").text(), "/q").set("code", "0000"));
        assertEquals(400, typo.status);
        assertTrue(typo.text().contains(zh.get("q.code.invalid")));
        assertEquals(404, get("/q/" + CODE + "/more").status);
    }

    @Test
    void anExpiredFormIsShownAgainWithItsAnswersAndNothingIsSubmitted() throws Exception {
        QuestionnaireFakes.Response ballot = get("/q/" + CODE);
        cookies.clear();
        QuestionnaireFakes.Response expired = send(form(ballot.text(), "/q/" + CODE).set("a.1.1", "3"));
        assertEquals(403, expired.status);
        assertTrue(expired.text().contains(new Messages(Messages.ZH_CN).get("q.expired")));
        assertTrue(expired.text().contains("name=\"a.1.1\" value=\"3\" checked"));
        assertTrue(answers.submitted.isEmpty());
        assertEquals(303, send(form(expired.text(), "/q/" + CODE)).status, "sent again with the fresh token");
        assertEquals(1, answers.submitted.size());
    }

    @Test
    void eachClientHasABudgetOfFailedCodesAMinute() throws Exception {
        String page = get("/q").text();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(send(form(page, "/q").set("code", "x")).status);
        }
        assertTrue(statuses.subList(0, BallotPages.FAILED_CODES_PER_MINUTE).stream().allMatch(s -> s == 400),
                statuses.toString());
        assertEquals(429, statuses.get(29));
        assertEquals(429, get("/q/" + QuestionnaireFakes.CODE).status, "spent: not even a good code is looked at");
        QuestionnaireFakes.Request other = form(page, "/q").set("code", "x");
        other.remoteAddr = "192.0.2.2";
        assertEquals(400, send(other).status, "another address has its own budget");
        QuestionnaireFakes.Request limited = form(page, "/q").set("code", "x");
        QuestionnaireFakes.Response refused = send(limited);
        assertEquals(429, refused.status);
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.text().contains(new Messages(Messages.ZH_CN).get("q.tooMany")));
    }

    /**
     * A class answering in a school's computer room comes from one address: sixty respondents with good codes, each
     * entering the code, reading the ballot and sending it, are all served.
     */
    @Test
    void aClassBehindOneAddressIsNeverSlowedDown() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String code = "ACDE4679" + QuestionnaireService.CODE_ALPHABET.charAt(i % 20)
                    + QuestionnaireService.CODE_ALPHABET.charAt(i / 20) + "HJ";
            codes.add(code);
            answers.valid.add(code);
        }
        for (String code : codes) {
            cookies.clear();
            String entry = get("/q").text();
            QuestionnaireFakes.Response typed = send(form(entry, "/q").set("code", code.toLowerCase()));
            assertEquals(303, typed.status, typed.text());
            QuestionnaireFakes.Response ballot = get("/q/" + code);
            assertEquals(200, ballot.status, ballot.text());
            QuestionnaireFakes.Response sent = send(form(ballot.text(), "/q/" + code).set("a.1.1", "1")
                    .set("a.1.2", "2").set("a.1.3", "1"));
            assertEquals(303, sent.status, sent.text());
        }
        assertEquals(60, answers.submitted.size());
    }

    // ---------------------------------------------------------------- the builder

    private void logIn() {
        QuestionnaireFakes.Response r = new QuestionnaireFakes.Response();
        WebSession s = sessions.start(Fakes.request(), r.proxy(), assessor.userId());
        cookies.put(WebSessions.COOKIE, s.id);
    }

    @Test
    void theBuilderAddsAndRemovesWithoutSavingAndSavesOnlyOnSave() throws Exception {
        logIn();
        QuestionnaireFakes.Response blank = get("/questionnaires/new");
        assertEquals(200, blank.status);
        assertTrue(blank.text().contains("name=\"sections\" value=\"1\""), "a blank draft has one part");
        QuestionnaireFakes.Response standard = send(new QuestionnaireFakes.Request("GET", "/questionnaires/new")
                .param("type", "YOUTH"));
        assertTrue(standard.text().contains("团组织联系和服务青年的情况"));

        QuestionnaireFakes.Response added = send(form(standard.text(), "/questionnaires/new")
                .set("op", "addItem:1"));
        assertEquals(200, added.status);
        assertTrue(added.text().contains("name=\"s.1.items\" value=\"2\""), "one more item in part 2");
        QuestionnaireFakes.Response removed = send(form(added.text(), "/questionnaires/new")
                .set("op", "removeItem:0:4"));
        assertTrue(removed.text().contains("name=\"s.0.items\" value=\"4\""));
        assertEquals(1, questionnaires.saved.size(), "nothing saved yet");

        QuestionnaireFakes.Response bad = send(form(removed.text(), "/questionnaires/new").set("op", "save")
                .set("s.0.i.0.weight", "heavy"));
        assertEquals(400, bad.status);
        assertTrue(bad.text().contains(new Messages(Messages.ZH_CN).get("builder.weight.invalid")));

        QuestionnaireFakes.Response saved = send(form(removed.text(), "/questionnaires/new").set("op", "save"));
        assertEquals(303, saved.status);
        assertEquals("/questionnaires/10?saved=1", saved.header("Location"));
        Questionnaire q = questionnaires.saved.get(10L);
        assertEquals(List.of(4, 2), q.sections().stream().map(s -> s.items().size()).toList());
        assertEquals(ItemKind.RATING, q.sections().get(1).items().get(1).kind(), "the added item");
        assertEquals("很满意", q.sections().get(0).items().get(0).choices().get(0).labelZh());
        assertEquals("Very satisfied", q.sections().get(0).items().get(0).choices().get(0).labelEn());

        QuestionnaireFakes.Response frozen = get("/questionnaires/3");
        assertTrue(frozen.text().contains(new Messages(Messages.ZH_CN).get("builder.frozen", "2")));
        QuestionnaireFakes.Response version = send(form(frozen.text(), "/questionnaires/3").set("op", "save"));
        assertEquals("/questionnaires/11?saved=1", version.header("Location"), "a frozen version saves the next");
        assertEquals(2, questionnaires.saved.get(11L).version());
        assertNull(questionnaires.saved.get(11L).items().stream().filter(i -> !i.scored()).findFirst().get()
                .weight(), "free text has no weight");
        assertFalse(get("/questionnaires").text().contains("<script"));
    }

    @Test
    void theBuilderNeedsALogin() throws Exception {
        QuestionnaireFakes.Response r = get("/questionnaires");
        assertEquals(303, r.status);
        assertEquals("/login", r.header("Location"));
    }

    /**
     * Below a unit of a year's targets or self-assessment there is its page and its printable document only: any
     * other path is not found, before a service is asked (they are not there in this test).
     */
    @Test
    void belowAUnitOnlyItsPageAndItsDocumentAreFound() throws Exception {
        logIn();
        for (String what : List.of("targets", "self-assessment")) {
            for (String below : List.of("x", "4/x", "4/document/x", "4/x/document")) {
                assertEquals(404, get("/perf/2031/" + what + "/" + below).status, what + "/" + below);
            }
        }
    }

    // ---------------------------------------------------------------- campaigns

    @Test
    void theCampaignPagesShowTheCampaignItsSlipsAndItsCodesAsCsv() throws Exception {
        logIn();
        QuestionnaireFakes.Response list = get("/perf/2031/campaigns");
        assertEquals(200, list.status, list.text());
        assertTrue(list.text().contains("href=\"/perf/2031/campaigns/7\""));
        assertTrue(list.text().contains("name=\"quota.STUDENT\""), "the first questionnaire's categories");
        assertEquals(404, get("/perf/2030/campaigns").status);

        QuestionnaireFakes.Response page = get("/perf/2031/campaigns/7");
        assertEquals(200, page.status, page.text());
        assertTrue(page.text().contains("86.67"));
        assertTrue(page.text().contains("href=\"/perf/2031/campaigns/7/paper\""));
        assertFalse(page.text().contains("<script"));

        QuestionnaireFakes.Response slips = get("/perf/2031/campaigns/7/slips");
        assertEquals(200, slips.status);
        assertEquals(2, slips.text().split("<svg ", -1).length - 1, "one QR code a slip");
        assertTrue(slips.text().contains("http://jixiao.example:8181/q/" + CODE), "the request's own address");

        System.setProperty(CampaignPages.PUBLIC_URL_PROPERTY, "https://tw.example.cn/jixiao/");
        QuestionnaireFakes.Response csv;
        try {
            csv = get("/perf/2031/campaigns/7/codes.csv");
        } finally {
            System.clearProperty(CampaignPages.PUBLIC_URL_PROPERTY);
        }
        assertEquals(200, csv.status);
        assertEquals("text/csv;charset=UTF-8", csv.contentType);
        assertTrue(csv.header("Content-Disposition").startsWith("attachment; filename=\"campaign-7-codes.csv\""));
        assertEquals("\uFEFF评价码,被评价单位,评价人类别,评价地址\r\n"
                + CODE + "," + QuestionnaireFakes.EVIL + ",学生代表,https://tw.example.cn/jixiao/q/" + CODE + "\r\n"
                + USED + "," + QuestionnaireFakes.EVIL + ",农村青年,https://tw.example.cn/jixiao/q/" + USED + "\r\n",
                csv.text());
    }

    @Test
    void theResultsPrintAsADocumentWithFreeTextForTheCityOnceClosed() throws Exception {
        logIn();
        assertTrue(get("/perf/2031/campaigns/7").text().contains("href=\"/perf/2031/campaigns/7/report\""));
        Messages zh = new Messages(Messages.ZH_CN);
        QuestionnaireFakes.Response open = get("/perf/2031/campaigns/7/report");
        assertEquals(200, open.status, open.text());
        String html = open.text();
        assertTrue(html.contains("class=\"red-header\"") && html.contains("86.67") && html.contains("12 / 30")
                && html.contains("90.00") && html.contains("80.50"), html);
        assertTrue(html.contains(zh.get("campaignReport.open")), "an open campaign's figures are not final");
        assertFalse(html.contains(zh.get("campaignReport.freeTexts")), "no free text before the close");
        assertFalse(html.contains(QuestionnaireFakes.EVIL), "names are escaped");
        assertEquals(400, send(new QuestionnaireFakes.Request("GET", "/perf/2031/campaigns/7/report").param("number",
                "x1")).status);
        assertTrue(send(new QuestionnaireFakes.Request("POST", "/perf/2031/campaigns/7/report")).status >= 400);

        questionnaires.state = CampaignState.CLOSED;
        String closed = send(new QuestionnaireFakes.Request("GET", "/perf/2031/campaigns/7/report").param("number",
                "12")).text();
        assertTrue(closed.contains(zh.get("campaignReport.freeTexts")), "the city reads the free text");
        assertFalse(closed.contains(zh.get("campaignReport.open")));
        assertTrue(closed.contains("[2031]") || closed.contains("〔2031〕"), closed);
        questionnaires.state = CampaignState.DRAFT;
        assertEquals(404, get("/perf/2031/campaigns/7/report").status, "a draft has no results");
    }

    @Test
    void staffEnterAPaperQuestionnaireByItsCodeOnce() throws Exception {
        logIn();
        QuestionnaireFakes.Response start = get("/perf/2031/campaigns/7/paper");
        assertEquals(200, start.status);
        String action = "/perf/2031/campaigns/7/paper";
        QuestionnaireFakes.Response loaded = send(form(start.text(), action).set("code", "acde 4679 fghj")
                .set("op", "load"));
        assertEquals(200, loaded.status, loaded.text());
        assertTrue(loaded.text().contains("name=\"code\" value=\"" + CODE + "\""));
        QuestionnaireFakes.Response missing = send(form(loaded.text(), action).set("op", "submit"));
        assertEquals(400, missing.status);
        assertTrue(missing.text().contains(new Messages(Messages.ZH_CN).get("answer.required")));
        QuestionnaireFakes.Response saved = send(form(missing.text(), action).set("op", "submit").set("a.1.1", "4"));
        assertEquals(303, saved.status);
        assertEquals(action + "?saved=1", saved.header("Location"));
        assertEquals(List.of("tester"), answers.paperBy);
        assertEquals(List.of(List.of(new Answer("1.1", 4, null))), answers.submitted);
        QuestionnaireFakes.Response again = send(form(start.text(), action).set("code", CODE).set("op", "load"));
        assertEquals(400, again.status);
        assertTrue(again.text().contains(new Messages(Messages.ZH_CN).get("answer.code.used")));
    }

    /** Issue 12, item 8: a login let anyone try codes on the paper page as fast as they liked. */
    @Test
    void paperEntryHasABudgetOfPostsAMinuteLikeTheRespondentsPage() throws Exception {
        logIn();
        String action = "/perf/2031/campaigns/7/paper";
        String page = get(action).text();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < CampaignPages.PAPER_POSTS_PER_MINUTE + 5; i++) {
            statuses.add(send(form(page, action).set("code", "ACDE4679FGHK").set("op", "load")).status);
        }
        assertTrue(statuses.subList(0, CampaignPages.PAPER_POSTS_PER_MINUTE).stream().allMatch(s -> s == 400),
                statuses.toString());
        QuestionnaireFakes.Response refused = send(form(page, action).set("code", "ACDE4679FGHK").set("op", "load"));
        assertEquals(429, refused.status);
        assertNotNull(refused.header("Retry-After"));
    }
}
