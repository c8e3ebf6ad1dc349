package org.jixiao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.jixiao.api.store.Store;
import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Ids;
import org.jixiao.itests.support.KarafTestSupport;
import org.jixiao.itests.support.Node;
import org.jixiao.itests.support.Registers;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The prevention project through the real distribution, need to know over HTTP: two counties register key youth, a
 * member unit verifies one, each youth is paired with a professional and a volunteer, a visit leaves the others on the
 * month's overdue list (by youth for the county, as counts for the city), a need goes to a member unit and comes
 * back as a task transfer, a volunteer is refused the offence history
 * and another helper's youth (both refusals audited), an offence committed as a minor is sealed and opened with a
 * legal reason and a second person's approval, the city reads a named youth only with a stated reason (which the
 * county's office sees in the youth's access log), and one county sees nothing of the other's. Every read path taken
 * is then found in the audit. Methods run in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PreventionIT extends KarafTestSupport {

    private static final Gson GSON = new Gson();
    private static final String API = "/api/v1/p/prevention/";
    private static final String TODAY = LocalDate.now().toString();
    /** Neither holds a user name, which the node refuses; the first is changed at the first login. */
    private static final String FIRST_PASSWORD = "Prevent#Lantern-41";
    private static final String SECOND_PASSWORD = "Prevent#Lantern-42";

    @Inject
    private Store store;

    private static long countyG;
    private static long countyH;
    private static final Map<String, Long> USERS = new HashMap<>();
    private static long category;
    private static long youth1;
    private static long youth2;
    private static long youthH;
    private static long adult;
    private static long offence;
    private static long sealed;

    private static Browser as(String user) throws Exception {
        Browser b = new Browser(Node.port());
        b.login(user, SECOND_PASSWORD, null);
        // The writes send the session's CSRF token, which a page carries.
        b.open("/p/prevention/youth");
        return b;
    }

    @Test
    public void t1_twoCountiesTheirOfficesMemberUnitAndHelpers() throws Exception {
        Browser admin = Node.admin();
        countyG = WebSecurityIT.createUnit(admin, "prv-g", "庚县");
        countyH = WebSecurityIT.createUnit(admin, "prv-h", "辛县");
        // Two city-level member units (市直单位): the departments of the second pairing.
        long cityPolice = cityUnit(admin, "prv-sgaj", "市公安局团委");
        long cityEducation = cityUnit(admin, "prv-sjyj", "市教育局团委");
        Object[][] users = {{"police-city", cityPolice, "MEMBER_UNIT"}, {"edu-city", cityEducation, "MEMBER_UNIT"},
            {"pro-city", 1L, "PROFESSIONAL"},{"office-g", countyG, "PREVENTION_OFFICE"}, {"office-h", countyH, "PREVENTION_OFFICE"},
            {"office-g2", countyG, "PREVENTION_OFFICE"},
            {"office-city", 1L, "PREVENTION_OFFICE"}, {"police-g", countyG, "MEMBER_UNIT"},
            {"pro-g", countyG, "PROFESSIONAL"}, {"vol-g", countyG, "VOLUNTEER"}, {"pro-g2", countyG, "PROFESSIONAL"},
            {"vol-g2", countyG, "VOLUNTEER"}, {"pro-h", countyH, "PROFESSIONAL"}, {"vol-h", countyH, "VOLUNTEER"}};
        for (Object[] u : users) {
            String name = (String) u[0];
            Response r = admin.json("POST", "/api/v1/users", GSON.toJson(Map.of("username", name, "displayName", name,
                    "roles", List.of("VIEWER"), "grants", List.of(u[2]), "orgUnitId", u[1],
                    "password", FIRST_PASSWORD)), null);
            assertEquals(r.body(), 201, r.status());
            USERS.put(name, Registers.id(r));
            new Browser(Node.port()).login(name, FIRST_PASSWORD, SECOND_PASSWORD);
        }
        // The categories are the city's list: a county's office reads it and may not add to it.
        category = Registers.created(as("office-city"), API, "categories", Map.of("name", "闲散青少年",
                "cityUnit", "prv-sgaj"));
        assertEquals(403, as("office-g").json("POST", API + "categories", GSON.toJson(Map.of("name", "x")), null)
                .status());
    }

    @Test
    public void t2_eachCountyRegistersItsYouthOnceInTheCityAndAMemberUnitVerifies() throws Exception {
        Browser g = as("office-g");
        Browser h = as("office-h");
        youth1 = Registers.created(g, API, "youth", youth("王小明", 1, "pro-g", "vol-g"));
        youth2 = Registers.created(g, API, "youth", youth("李小红", 2, "pro-g2", "vol-g2"));
        youthH = Registers.created(h, API, "youth", youth("赵小刚", 3, "pro-h", "vol-h"));
        // The same person in another county: refused without saying where.
        Response twice = h.json("POST", API + "youth", GSON.toJson(youth("王小明", 1, "pro-h", "vol-h")), null);
        assertEquals(twice.body(), 400, twice.status());
        assertFalse(twice.body(), twice.body().contains("庚县"));
        Browser police = as("police-g");
        Registers.step(police, API, "youth", youth1, "verify", Map.of("verifiedBy", "POLICE", "verifiedOn", TODAY));
        JsonObject verified = get(g, "youth/" + youth1);
        assertEquals("VERIFIED", verified.get("state").getAsString());
        assertEquals("POLICE", verified.get("verifiedBy").getAsString());
    }

    @Test
    public void t3_aVisitLeavesTheOthersOnTheMonthsOverdueList() throws Exception {
        Registers.created(as("pro-g"), API, "visits", Map.of("parent", youth1, "visitedOn", TODAY,
                "way", "HOME_VISIT", "content", "了解近况"));
        long started = System.nanoTime();
        JsonObject county = get(as("office-g"), "overdue");
        System.out.printf("prevention: the county's overdue list over HTTP in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(Set.of("王小明/vol-g", "李小红/pro-g2", "李小红/vol-g2"), rows(county));
        assertEquals(Set.of("王小明/vol-g"), rows(get(as("vol-g"), "overdue")));
        assertEquals(Set.of(), rows(get(as("pro-g"), "overdue")));
        JsonObject city = get(as("office-city"), "overdue");
        assertEquals(0, city.getAsJsonArray("rows").size());
        assertTrue(city.toString(), city.toString().contains("\"name\":\"庚县\",\"count\":3"));
        assertTrue(city.toString(), city.toString().contains("\"name\":\"辛县\",\"count\":2"));
        assertFalse(city.toString(), city.toString().contains("王小明"));
    }

    @Test
    public void t3a_theCountyConfirmsItsYearsSurveyOnce() throws Exception {
        Browser g = as("office-g");
        int year = LocalDate.now().getYear();
        Response confirmed = g.json("POST", API + "survey/confirm?year=" + year, "{}", null);
        assertEquals(confirmed.body(), 200, confirmed.status());
        assertEquals(2, JsonParser.parseString(confirmed.body()).getAsJsonObject().get("youth").getAsInt());
        assertEquals(400, g.json("POST", API + "survey/confirm?year=" + year, "{}", null).status());
        assertTrue(get(as("office-city"), "survey?year=" + year).toString().contains("\"youth\":2"));
    }

    @Test
    public void t3b_aTransferGoesToAMemberUnitAndBack() throws Exception {
        long transfer = Registers.created(as("vol-g"), API, "transfers", Map.of("parent", youth1, "toUnit",
                "EDUCATION", "task", "协助复学", "requestedOn", TODAY, "deadline",
                LocalDate.now().plusDays(30).toString()));
        Browser police = as("police-g");
        Registers.step(police, API, "transfers", transfer, "accept", Map.of("acceptedOn", TODAY));
        Registers.step(police, API, "transfers", transfer, "act", Map.of("actedOn", TODAY, "measures", "联系学校"));
        Registers.step(police, API, "transfers", transfer, "report", Map.of("reportedOn", TODAY, "report", "已复学"));
        JsonObject back = get(as("vol-g"), "transfers/" + transfer);
        assertEquals("REPORTED", back.get("state").getAsString());
        assertEquals("已复学", back.get("report").getAsString());
        assertEquals(404, as("vol-g2").json("GET", API + "transfers/" + transfer, null, null).status());
    }

    @Test
    public void t4_aVolunteerIsRefusedTheOffenceHistoryAndAnotherHelpersYouth() throws Exception {
        Map<String, Object> grown = youth("孙大力", 4, "pro-g", "vol-g");
        grown.put("birthDate", "2003-05-20");
        grown.put("idNumber", Ids.of("330106", "20030520", "004"));
        adult = Registers.created(as("office-g"), API, "youth", grown);
        offence = Registers.created(as("pro-g"), API, "offences", Map.of("parent", adult, "offence", "盗窃电动车",
                "offenceCategory", "THEFT", "committedOn", "2022-01-10", "supervision", "每月谈话"));
        assertEquals("每月谈话", get(as("office-g"), "offences/" + offence).get("supervision").getAsString());
        Browser vol = as("vol-g");
        assertEquals(200, vol.json("GET", API + "youth/" + youth1, null, null).status());
        assertEquals(1, get(vol, "visits?parent=" + youth1).getAsJsonArray("items").size());
        assertEquals(403, vol.json("GET", API + "offences/" + offence, null, null).status());
        assertEquals(403, vol.json("GET", API + "offences?parent=" + adult, null, null).status());
        assertEquals(404, vol.json("GET", API + "youth/" + youth2, null, null).status());
        assertEquals(404, as("pro-g2").json("GET", API + "offences/" + offence, null, null).status());
        assertEquals(403, as("police-g").json("GET", API + "offences/" + offence, null, null).status());
    }

    @Test
    public void t4a_theCityDepartmentReadsOnlyTheYouthRoutedToItAndPairsThemASecondTime() throws Exception {
        Browser police = as("police-city");
        assertEquals("王小明", get(police, "youth/" + youth1).get("name").getAsString());
        assertEquals(4, get(police, "youth").getAsJsonArray("items").size());
        assertEquals(403, police.json("GET", API + "offences/" + offence, null, null).status());
        Browser education = as("edu-city");
        assertEquals(404, education.json("GET", API + "youth/" + youth1, null, null).status());
        assertEquals(0, get(education, "youth").getAsJsonArray("items").size());
        // A youth not yet verified is not paired at city level; the county's member unit never pairs at city level.
        Map<String, Object> pro = Map.of("cityProfessional", USERS.get("pro-city"));
        assertEquals(400, police.json("POST", API + "youth/" + youth2 + "/transitions/pairCityProfessional",
                GSON.toJson(pro), null).status());
        assertEquals(403, as("police-g").json("POST", API + "youth/" + youth1 + "/transitions/pairCityProfessional",
                GSON.toJson(pro), null).status());
        assertEquals(404, education.json("POST", API + "youth/" + youth1 + "/transitions/pairCityProfessional",
                GSON.toJson(pro), null).status());
        Registers.step(police, API, "youth", youth1, "pairCityProfessional", pro);
        JsonObject paired = get(as("office-g"), "youth/" + youth1);
        assertTrue(paired.toString(), paired.get("cityPaired").getAsBoolean());
        assertEquals("王小明", get(as("pro-city"), "youth/" + youth1).get("name").getAsString());
        // Its coverage names its youth still without the second pairing, whatever county, and not the paired one.
        String coverage = get(police, "coverage").getAsJsonArray("unpaired").toString();
        assertTrue(coverage, coverage.contains("赵小刚") && coverage.contains("李小红") && !coverage.contains("王小明"));
    }

    @Test
    public void t5_anOffenceAsAMinorIsSealedAndOpenedWithAReasonAndASecondPersonsApproval() throws Exception {
        sealed = Registers.created(as("pro-g"), API, "offences", Map.of("parent", youth1, "offence", "打架",
                "offenceCategory", "AFFRAY", "committedOn", "2023-05-01"));
        Browser office = as("office-g");
        assertEquals(403, office.json("GET", API + "offences/" + sealed, null, null).status());
        assertEquals(0, get(office, "offences?parent=" + youth1).getAsJsonArray("items").size());
        assertEquals(400, office.json("POST", API + "offences/" + sealed + "/unseal", "{\"reason\":\" \"}", null)
                .status());
        Response asked = office.json("POST", API + "offences/" + sealed + "/unseal",
                GSON.toJson(Map.of("reason", "法院来函调取，刑事诉讼法第286条")), null);
        assertEquals(asked.body(), 201, asked.status());
        long request = JsonParser.parseString(asked.body()).getAsJsonObject().get("request").getAsLong();
        assertEquals(403, office.json("POST", API + "unseal-requests/" + request + "/approve", "{}", null).status());
        Browser second = as("office-g2");
        assertTrue(second.json("GET", API + "unseal-requests", null, null).body().contains("法院来函调取"));
        assertEquals(200, second.json("POST", API + "unseal-requests/" + request + "/approve", "{}", null).status());
        assertEquals("打架", get(office, "offences/" + sealed).get("offence").getAsString());
        assertEquals(403, as("pro-g").json("GET", API + "offences/" + sealed, null, null).status());
    }

    @Test
    public void t5a_theSameOpeningThroughThePagesWithTheirCsrfAndASecondPerson() throws Exception {
        long minor = Registers.created(as("pro-g2"), API, "offences", Map.of("parent", youth2, "offence", "寻衅滋事",
                "offenceCategory", "AFFRAY", "committedOn", "2024-02-01"));
        Browser office = as("office-g");
        // The youth's page names the sealed offence by number only, with the form asking to open it.
        Response youthPage = office.open("/p/prevention/youth/" + youth2);
        String form = "/p/prevention/offences/" + minor + "/unseal";
        assertTrue(youthPage.body(), youthPage.body().contains(form) && !youthPage.body().contains("寻衅滋事"));
        assertEquals(200, office.open(form).status());
        assertEquals(403, office.postRaw(form, Map.of("_csrf", "forged", "reason", "x")).status());
        assertEquals(400, office.post(form, Map.of("reason", " ")).status());
        Response asked = office.post(form, Map.of("reason", "检察院审查起诉需要，刑事诉讼法第286条"));
        assertTrue(asked.status() + " " + asked.location(), asked.redirectsTo("/p/prevention/unseal-requests?saved=asked"));
        assertFalse(office.open("/p/prevention/unseal-requests").body().contains("检察院审查起诉需要"));
        Browser second = as("office-g2");
        Response requests = second.open("/p/prevention/unseal-requests");
        assertTrue(requests.body(), requests.body().contains("检察院审查起诉需要"));
        java.util.regex.Matcher approve = java.util.regex.Pattern.compile(
                "/p/prevention/unseal-requests/(\\d+)/approve").matcher(requests.body());
        assertTrue(requests.body(), approve.find());
        // The requester cannot approve it, even with the form of the page.
        assertEquals(403, office.post(approve.group(), Map.of()).status());
        assertTrue(second.post(approve.group(), Map.of()).redirectsTo("/p/prevention/unseal-requests?saved=approved"));
        assertEquals("寻衅滋事", get(office, "offences/" + minor).get("offence").getAsString());
        assertEquals(404, as("vol-g2").get(form).status());
    }

    @Test
    public void t5b_aTransferToTheScholarshipProjectCarriesTheConsent() throws Exception {
        Map<String, Object> linked = new LinkedHashMap<>(Map.of("parent", youth1, "toUnit", "LEAGUE", "task",
                "申请圆梦助学", "requestedOn", TODAY, "deadline", LocalDate.now().plusDays(30).toString(),
                "linkedProject", "SCHOLARSHIP"));
        Browser vol = as("vol-g");
        Response refused = vol.json("POST", API + "transfers", GSON.toJson(linked), null);
        assertEquals(refused.body(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("consentBy"));
        linked.putAll(Map.of("consentBy", "GUARDIAN", "consentOn", TODAY, "consentWay", "WRITTEN"));
        long transfer = Registers.created(vol, API, "transfers", linked);
        JsonObject kept = get(as("office-g"), "transfers/" + transfer);
        assertEquals("GUARDIAN", kept.get("consentBy").getAsString());
        assertEquals("SCHOLARSHIP", kept.get("linkedProject").getAsString());
    }

    @Test
    public void t6_theCityReadsANamedYouthOnlyWithAReasonThatTheCountySees() throws Exception {
        Browser city = as("office-city");
        assertEquals(404, city.json("GET", API + "youth/" + youth1, null, null).status());
        assertEquals(0, get(city, "youth").getAsJsonArray("items").size());
        assertEquals(400, city.json("POST", API + "youth/" + youth1 + "/break-glass", "{}", null).status());
        Response read = city.json("POST", API + "youth/" + youth1 + "/break-glass",
                GSON.toJson(Map.of("reason", "市预防办督办个案")), null);
        assertEquals(read.body(), 200, read.status());
        assertTrue(read.body(), read.body().contains("王小明"));
        Response log = as("office-g").json("GET", API + "youth/" + youth1 + "/access", null, null);
        assertEquals(log.body(), 200, log.status());
        assertTrue(log.body(), log.body().contains("BREAK_GLASS") && log.body().contains("市预防办督办个案")
                && log.body().contains("UNSEALED") && log.body().contains("REFUSED"));
        // The youth's page shows its office the same log.
        Response page = as("office-g").get("/p/prevention/youth/" + youth1);
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("市预防办督办个案") && page.body().contains("office-city"));
        assertFalse(as("pro-g").get("/p/prevention/youth/" + youth1).body().contains("市预防办督办个案"));
        assertEquals(404, city.json("GET", API + "youth/" + youth1 + "/access", null, null).status());
        assertEquals(404, as("vol-g").json("GET", API + "youth/" + youth1 + "/access", null, null).status());
    }

    @Test
    public void t7_oneCountySeesNothingOfTheOthers() throws Exception {
        Browser h = as("office-h");
        for (String path : List.of("youth/" + youth1, "offences/" + offence, "youth/" + youth1 + "/history")) {
            assertEquals(path, 404, h.json("GET", API + path, null, null).status());
        }
        JsonArray items = get(h, "youth").getAsJsonArray("items");
        assertEquals(1, items.size());
        assertEquals(youthH, items.get(0).getAsJsonObject().get("id").getAsLong());
        assertEquals(0, get(h, "visits").getAsJsonArray("items").size());
        assertEquals(404, as("pro-h").json("GET", API + "youth/" + youth1, null, null).status());
    }

    @Test
    public void t8_everyReadPathTakenIsInTheAudit() {
        String vol = String.valueOf(USERS.get("vol-g"));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("a youth read", "ACTION = 'youth.read' AND TARGET = 'youth:" + youth1 + "'");
        paths.put("a youth list", "ACTION = 'youth.list' AND DETAIL LIKE '%" + youthH + "%'");
        paths.put("an offence read", "ACTION = 'offence.read' AND TARGET = 'offence:" + offence + "'");
        paths.put("a visit list", "ACTION = 'visit.list'");
        paths.put("the overdue list", "ACTION = 'youth.overdue' AND DETAIL LIKE '%" + youth2 + "%'");
        paths.put("the volunteer refused an offence", "ACTION = 'offence.refused' AND TARGET = 'offence:" + offence
                + "' AND ACTOR_ID = " + vol);
        paths.put("the volunteer refused the offence list", "ACTION = 'offence.refused' AND TARGET = 'offences' "
                + "AND ACTOR_ID = " + vol);
        paths.put("the volunteer refused another's youth", "ACTION = 'youth.refused' AND TARGET = 'youth:" + youth2
                + "' AND ACTOR_ID = " + vol);
        paths.put("the other county refused", "ACTION = 'youth.refused' AND TARGET = 'youth:" + youth1
                + "' AND ACTOR_ID = " + USERS.get("office-h"));
        paths.put("a sealed offence refused", "ACTION = 'offence.refused' AND TARGET = 'offence:" + sealed
                + "' AND DETAIL = 'sealed'");
        paths.put("a sealed offence opened", "ACTION = 'offence.unsealed' AND TARGET = 'offence:" + sealed + "'");
        paths.put("the sealed offences named on the youth's page", "ACTION = 'offence.sealedList' AND TARGET = 'youth:"
                + youth2 + "'");
        paths.put("the city's break-glass read", "ACTION = 'youth.breakGlass' AND TARGET = 'youth:" + youth1 + "'");
        paths.put("the city department's read", "ACTION = 'youth.read' AND TARGET = 'youth:" + youth1
                + "' AND ACTOR_ID = " + USERS.get("police-city"));
        paths.put("the city department's list", "ACTION = 'youth.list' AND ACTOR_ID = " + USERS.get("police-city"));
        paths.put("the city department's coverage", "ACTION = 'youth.coverage' AND DETAIL LIKE '%" + youthH
                + "%' AND ACTOR_ID = " + USERS.get("police-city"));
        paths.put("another city department refused", "ACTION = 'youth.refused' AND TARGET = 'youth:" + youth1
                + "' AND ACTOR_ID = " + USERS.get("edu-city"));
        paths.put("the city department refused an offence", "ACTION = 'offence.refused' AND TARGET = 'offence:"
                + offence + "' AND ACTOR_ID = " + USERS.get("police-city"));
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, String> p : paths.entrySet()) {
            long n = store.read(c -> {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM JX_AUDIT WHERE " + p.getValue());
                        var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            if (n == 0) {
                missing.add(p.getKey());
            }
        }
        assertEquals(Set.of(), missing);
        System.out.printf("prevention: %d read paths found in the audit%n", paths.size());
    }

    private static long cityUnit(Browser admin, String code, String name) throws Exception {
        Response r = admin.json("POST", "/api/v1/org-units", GSON.toJson(Map.of("parentId", 1, "code", code, "name",
                name, "level", "CITY_UNIT")), null);
        assertEquals(r.body(), 201, r.status());
        return Registers.id(r);
    }

    private static Map<String, Object> youth(String name, int sequence, String pro, String vol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("category", category);
        m.put("community", "城关社区");
        m.put("birthDate", "2009-03-15");
        m.put("idNumber", Ids.of("330106", "20090315", String.format("%03d", sequence)));
        m.put("situation", "辍学在家");
        m.put("needs", "职业技能培训");
        m.put("professional", USERS.get(pro));
        m.put("volunteer", USERS.get(vol));
        m.put("registeredOn", TODAY);
        return m;
    }

    private static JsonObject get(Browser b, String path) throws Exception {
        Response r = b.json("GET", API + path, null, null);
        assertEquals(path + ": " + r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static Set<String> rows(JsonObject overdue) {
        Set<String> out = new TreeSet<>();
        overdue.getAsJsonArray("rows").forEach(e -> out.add(e.getAsJsonObject().get("youth").getAsString() + "/"
                + e.getAsJsonObject().get("helper").getAsString()));
        return out;
    }
}
