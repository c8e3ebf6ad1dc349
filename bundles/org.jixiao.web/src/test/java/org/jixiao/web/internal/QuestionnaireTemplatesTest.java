package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.AT;
import static org.jixiao.web.internal.QuestionnaireFakes.CITY;
import static org.jixiao.web.internal.QuestionnaireFakes.CODE;
import static org.jixiao.web.internal.QuestionnaireFakes.COUNTY;
import static org.jixiao.web.internal.QuestionnaireFakes.EVIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.Role;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.FreeText;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.UnitScores;
import org.junit.jupiter.api.Test;

/**
 * Every questionnaire, campaign and respondent page renders in both languages with hostile text wherever users
 * type, escapes it, carries the CSRF token in every POST form, offers forms only to who may use them and leaves no
 * message key untranslated.
 */
class QuestionnaireTemplatesTest {

    private static final String KEYS = "q|builder|campaigns|campaignForm|slips|paper|questionnaires|respondent|answer"
            + "|evaluation";
    private static final PerformanceYear PY = new PerformanceYear(2031, Step.YOUTH_EVALUATION, List.of());

    private static Actor assessor(Locale locale) {
        return QuestionnaireFakes.actor(CITY, locale, Role.ASSESSOR, Role.ADMIN, Role.STAFF);
    }

    private static Actor countyViewer(Locale locale) {
        return QuestionnaireFakes.actor(COUNTY, locale, Role.VIEWER);
    }

    private static int count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    // ---------------------------------------------------------------- builder

    @Test
    void theListGroupsVersionsAndOffersTheStandardQuestionnairesToBuilders() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean builder : List.of(true, false)) {
                Map<String, Object> m = TemplateChecks.model(builder ? assessor(locale) : countyViewer(locale), "/questionnaires");
                m.put("families", List.of(List.of(QuestionnaireFakes.questionnaire(5, false),
                        QuestionnaireFakes.questionnaire(3, true))));
                m.put("canBuild", builder);
                m.put("types", EvaluationType.values());
                String html = TemplateChecks.render("questionnaires", m, locale);
                TemplateChecks.check(html, "questionnaires " + locale, KEYS, true);
                assertEquals(builder, html.contains("href=\"/questionnaires/new?type=YOUTH\""));
                assertTrue(html.contains("href=\"/questionnaires/3\"") && html.contains("href=\"/questionnaires/5\""));
            }
        }
    }

    @Test
    void theBuilderShowsTheWholeDraftAsOneFormWithItsButtons() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(assessor(locale), "/questionnaires/3");
            m.put("questionnaire", QuestionnaireFakes.questionnaire(3, true));
            m.put("versions", List.of(QuestionnaireFakes.questionnaire(5, false),
                    QuestionnaireFakes.questionnaire(3, true)));
            m.put("canBuild", true);
            m.put("types", EvaluationType.values());
            m.put("kinds", ItemKind.values());
            m.put("action", "/questionnaires/3");
            QuestionnaireForm form = QuestionnaireForm.of(QuestionnaireFakes.questionnaire(3, true));
            form.sections.get(0).items.get(0).weight = EVIL;
            m.put("form", form);
            m.put("errors", Map.of("s.0.i.0.weight", "builder.weight.invalid", "titleZh", "questionnaire.type.required"));
            m.put("justSaved", true);
            String html = TemplateChecks.render("questionnaire-edit", m, locale);
            TemplateChecks.check(html, "questionnaire-edit " + locale, KEYS, true);
            assertEquals(1, count(html, "<form method=\"post\" action=\"/questionnaires/3\""), "one form for the whole draft");
            assertTrue(html.contains(new Messages(locale).get("builder.frozen", "2")), "a frozen version says so");
            assertTrue(html.contains("name=\"op\" value=\"addSection\""));
            assertTrue(html.contains("name=\"op\" value=\"addItem:1\""));
            assertTrue(html.contains("name=\"op\" value=\"removeItem:0:1\""));
            assertTrue(html.contains("name=\"op\" value=\"up:0:1\""));
            assertFalse(html.contains("value=\"up:0:0\""), "the first item cannot move up");
            assertTrue(html.contains("name=\"s.0.items\" value=\"2\"") && html.contains("name=\"sections\" value=\"2\""));
            assertTrue(html.contains(new Messages(locale).get("builder.weight.invalid")), "the field's error");
            // Enter presses the first button, which only shows the form again.
            assertTrue(html.indexOf("value=\"refresh\"") < html.indexOf("value=\"addSection\""));
            assertTrue(html.contains(new Messages(locale).get("builder.saveVersion")));
            assertFalse(html.contains("style="), "no inline style (CSP)");
        }
    }

    @Test
    void theStandardYouthDraftRendersInTheBuilder() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(assessor(locale), "/questionnaires/new");
            m.put("canBuild", false);
            m.put("types", EvaluationType.values());
            m.put("kinds", ItemKind.values());
            m.put("action", "/questionnaires/new");
            m.put("form", QuestionnaireForm.of(QuestionnairePages.standard(EvaluationType.YOUTH)));
            String html = TemplateChecks.render("questionnaire-edit", m, locale);
            TemplateChecks.check(html, "questionnaire-edit new " + locale, KEYS, false);
            assertTrue(html.contains("团组织联系和服务青年的情况"));
            assertTrue(html.contains("很满意|Very satisfied=100; 满意|Satisfied=80; 一般|Fair=60; 不满意|Dissatisfied=0"));
            assertFalse(html.contains("value=\"save\""), "who may not build gets no save button");
        }
    }

    // ---------------------------------------------------------------- campaigns

    private static Map<String, Object> campaignForm(Map<String, Object> m) {
        CampaignForm form = CampaignForm.of(QuestionnaireFakes.campaign(CampaignState.DRAFT));
        form.name = EVIL;
        m.put("form", form);
        m.put("questionnaires", List.of(QuestionnaireFakes.questionnaire(3, true)));
        m.put("units", List.of(COUNTY));
        m.put("categories", List.of(RespondentCategory.values()).stream()
                .filter(c -> c.type() == EvaluationType.YOUTH).toList());
        return m;
    }

    @Test
    void theCampaignListOffersTheCreateFormToManagersOnly() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean manager : List.of(true, false)) {
                Map<String, Object> m = campaignForm(TemplateChecks.model(manager ? assessor(locale) : countyViewer(locale),
                        "/perf/2031/campaigns"));
                m.put("py", PY);
                m.put("campaigns", List.of(QuestionnaireFakes.campaign(CampaignState.OPEN)));
                m.put("titles", Map.of("3", QuestionnaireFakes.questionnaire(3, true)));
                m.put("canManage", manager);
                m.put("errors", Map.of("quota.STUDENT", "campaignForm.number.invalid", "opens", "common.date.invalid"));
                String html = TemplateChecks.render("campaigns", m, locale);
                TemplateChecks.check(html, "campaigns " + locale, KEYS, true);
                assertEquals(manager, html.contains("name=\"quota.STUDENT\""));
                assertFalse(html.contains("name=\"quota.LEADER\""), "only the questionnaire type's categories");
                assertEquals(manager, html.contains("name=\"unit\" value=\"4\" checked"));
                assertTrue(html.contains("href=\"/perf/2031/campaigns/7\""));
            }
        }
    }

    /** A campaign's page as CampaignPages builds it, less the scores and free texts. */
    private static Map<String, Object> campaignPage(Actor actor, CampaignState state, int codes, boolean city) {
        Map<String, Object> m = TemplateChecks.model(actor, "/perf/2031/campaigns/7");
        m.put("py", PY);
        m.put("campaign", QuestionnaireFakes.campaign(state));
        m.put("unitNames", Map.of("4", COUNTY));
        m.put("codesPlanned", codes);
        m.put("canManage", city);
        m.put("canAssess", city);
        m.put("canPaper", city);
        m.put("decisions", List.of(UnitScores.Decision.USE, UnitScores.Decision.EXCLUDE));
        return m;
    }

    @Test
    void aDraftCampaignOffersChangeIssueAndOpen() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = campaignForm(campaignPage(assessor(locale), CampaignState.DRAFT, 0, true));
            m.put("questionnaire", QuestionnaireFakes.questionnaire(3, true));
            m.put("scores", List.of());
            m.put("freeTexts", List.of());
            m.put("failedAction", "change");
            m.put("errors", Map.of("name", "campaignForm.questionnaire.required"));
            String html = TemplateChecks.render("campaign", m, locale);
            TemplateChecks.check(html, "campaign draft " + locale, KEYS, true);
            assertTrue(html.contains("value=\"issue\"") && html.contains("value=\"open\""));
            assertTrue(html.contains("value=\"change\""));
            assertFalse(html.contains("value=\"close\""));
            assertTrue(html.contains("href=\"/perf/2031/campaigns/7/slips\""), "slips for the city's managers");
            assertTrue(html.contains("<details class=\"card\" open>"), "the failed change form is open");
        }
    }

    @Test
    void aClosedCampaignShowsScoresFlagsDecisionsAndFreeTextsToTheCity() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean city : List.of(true, false)) {
                Map<String, Object> m = campaignPage(city ? assessor(locale) : countyViewer(locale),
                        CampaignState.CLOSED, 30, city);
                m.put("scores", List.of(QuestionnaireFakes.scores(false), QuestionnaireFakes.scores(true)));
                m.put("freeTexts", city ? List.of(List.of(new FreeText(4, EVIL, "2.1", EVIL, EVIL),
                        new FreeText(4, EVIL, "2.1", EVIL, "第二条"))) : List.of());
                m.put("issued", 30L);
                m.put("failedAction", "decide");
                m.put("failedUnit", "4");
                m.put("submittedReason", EVIL);
                m.put("errors", Map.of("reason", "campaignForm.decision.required"));
                String html = TemplateChecks.render("campaign", m, locale);
                TemplateChecks.check(html, "campaign closed city=" + city + " " + locale, KEYS, true);
                Messages messages = new Messages(locale);
                assertTrue(html.contains("86.67") && html.contains("12 / 30"), "score and responses of quota");
                assertTrue(html.contains(messages.get("campaigns.below")), "the unit below the minimum is flagged");
                assertEquals(city ? 1 : 0, count(html, "value=\"decide\""), "decide: assessors, flagged units only");
                assertEquals(city, html.contains("第二条"), "free text: the city only");
                assertEquals(city, html.contains("href=\"/perf/2031/campaigns/7/slips\""), "codes: city managers");
                assertEquals(city, html.contains("href=\"/perf/2031/campaigns/7/codes.csv\""));
                assertFalse(html.contains("/paper\""), "no paper entry once closed");
                assertTrue(html.contains("80.50"), "per item");
                assertFalse(html.contains(messages.get("campaigns.refeed")), "everything reached the evaluation");
                m.put("unfed", true);
                String unfed = TemplateChecks.render("campaign", m, locale);
                TemplateChecks.check(unfed, "campaign unfed city=" + city + " " + locale, KEYS, true);
                assertEquals(city, unfed.contains(messages.get("campaigns.refeed")), "assessors feed again");
            }
        }
    }

    @Test
    void slipsCarryTheCodeInGroupsTheAddressAndAnInlineQrCode() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(assessor(locale), "/perf/2031/campaigns/7/slips");
            m.put("py", PY);
            m.put("campaign", QuestionnaireFakes.campaign(CampaignState.OPEN));
            String url = "https://jixiao.example/q/" + CODE;
            Map<String, Object> slip = CampaignPages.slip(new AccessCode(CODE, 7, COUNTY.id(), EVIL,
                    RespondentCategory.STUDENT), "https://jixiao.example", new Messages(locale));
            m.put("sheets", List.of(List.of(slip, slip)));
            m.put("page", 1);
            m.put("pages", 2);
            m.put("total", 600);
            m.put("unit", "4");
            m.put("units", List.of(COUNTY));
            m.put("publicBase", "https://jixiao.example");
            String html = TemplateChecks.render("campaign-slips", m, locale);
            TemplateChecks.check(html, "campaign-slips " + locale, KEYS, true);
            assertEquals(2, count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""), "the SVG is markup, not text");
            assertTrue(html.contains("ACDE-4679-FGHJ") && html.contains(url));
            assertTrue(html.contains("<option value=\"4\" selected>"));
            assertTrue(html.contains("/slips?unit=4&amp;page=2"), "paged");
            assertFalse(html.contains("style="), "no inline style (CSP)");
        }
    }

    @Test
    void paperEntryAsksForTheCodeThenShowsTheRespondentsForm() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(assessor(locale), "/perf/2031/campaigns/7/paper");
            m.put("py", PY);
            m.put("campaign", QuestionnaireFakes.campaign(CampaignState.OPEN));
            m.put("action", "/perf/2031/campaigns/7/paper");
            m.put("answers", Map.of());
            m.put("typed", EVIL);
            m.put("codeError", "answer.code.used");
            m.put("justSaved", true);
            String html = TemplateChecks.render("campaign-paper", m, locale);
            TemplateChecks.check(html, "campaign-paper code " + locale, KEYS, true);
            assertTrue(html.contains("value=\"load\""));
            assertTrue(html.contains(new Messages(locale).get("answer.code.used")));

            m.remove("codeError");
            m.put("ballot", QuestionnaireFakes.ballot(CODE));
            m.put("grouped", BallotPages.grouped(CODE));
            m.put("code", CODE);
            m.put("answers", Map.of("1.2", "1", "2.1", EVIL));
            m.put("errors", Map.of("item.1.1", "answer.required"));
            html = TemplateChecks.render("campaign-paper", m, locale);
            TemplateChecks.check(html, "campaign-paper ballot " + locale, KEYS, true);
            assertTrue(html.contains("name=\"code\" value=\"" + CODE + "\""));
            assertTrue(html.contains("value=\"submit\""));
            assertTrue(html.contains("name=\"a.1.2\" value=\"1\" checked"), "the answers are kept");
        }
    }

    // ---------------------------------------------------------------- respondents

    @Test
    void theCodePageExplainsEveryStateOfACode() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (String key : List.of("answer.code.unknown", "answer.code.used", "answer.campaign.notOpen",
                    "answer.campaign.closed", "q.code.invalid", "error.csrf")) {
                Map<String, Object> m = TemplateChecks.model(null, "/q");
                m.put("noindex", true);
                m.put("code", EVIL);
                m.put("codeError", key);
                String html = TemplateChecks.render("q-code", m, locale);
                TemplateChecks.check(html, "q-code " + key + " " + locale, KEYS, true);
                assertTrue(html.contains(new Messages(locale).get(key)), key);
                assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
                assertFalse(html.contains("href=\"/perf\""), "no navigation for respondents");
            }
        }
    }

    @Test
    void theBallotIsAPlainFormWithRadioButtonsTextAreasAndErrorsPerItem() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(null, "/q/" + CODE);
            m.put("noindex", true);
            m.put("ballot", QuestionnaireFakes.ballot(CODE));
            m.put("grouped", BallotPages.grouped(CODE));
            m.put("action", "/q/" + CODE);
            m.put("answers", Map.of("1.2", "2", "2.1", EVIL));
            m.put("errors", Map.of("item.1.1", "answer.required"));
            m.put("expired", true);
            String html = TemplateChecks.render("q-ballot", m, locale);
            TemplateChecks.check(html, "q-ballot " + locale, KEYS, true);
            Messages messages = new Messages(locale);
            assertEquals(4, count(html, "name=\"a.1.1\""), "one radio button a level");
            assertEquals(2, count(html, "name=\"a.1.2\""));
            assertTrue(html.contains("name=\"a.1.2\" value=\"2\" checked"), "the answer is kept");
            assertTrue(html.contains("<textarea id=\"a-2.1\" name=\"a.2.1\" maxlength=\"2000\" rows=\"4\">&lt;script&gt;"));
            assertTrue(html.contains(messages.get("answer.required")), "the item's message");
            assertTrue(html.contains(messages.get("q.expired")));
            assertTrue(html.contains(locale == Locale.ENGLISH ? "Very satisfied" : "很满意"), "labels in the language");
            assertTrue(html.contains("ACDE-4679-FGHJ"));
            assertFalse(html.contains("<script") || html.contains("style="), "no script, no inline style");
            assertTrue(html.contains("name=\"viewport\""), "for phones");
        }
    }

    @Test
    void thanks() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(null, "/q/thanks");
            m.put("noindex", true);
            String html = TemplateChecks.render("q-thanks", m, locale);
            TemplateChecks.check(html, "q-thanks " + locale, KEYS, false);
            assertTrue(html.contains(new Messages(locale).get("q.thanks")));
        }
    }

    @Test
    void theYearPageLinksTheCampaigns() throws Exception {
        Map<String, Object> m = TemplateChecks.model(assessor(Messages.ZH_CN), "/perf/2031");
        m.put("py", PY);
        m.put("steps", Step.values());
        m.put("canManage", false);
        m.put("canApprove", false);
        m.put("units", List.of(COUNTY));
        m.put("today", AT.atZone(java.time.ZoneOffset.UTC).toLocalDate());
        String html = TemplateChecks.render("perf-year", m, Messages.ZH_CN);
        assertTrue(html.contains("href=\"/perf/2031/campaigns\""));
        assertTrue(html.contains("href=\"/questionnaires\""));
    }
}
