package org.jixiao.register.internal.web;

import static org.jixiao.register.internal.web.Demo.A_STAFF;
import static org.jixiao.register.internal.web.Demo.A_VIEWER;
import static org.jixiao.register.internal.web.Demo.CITY_ADMIN;
import static org.jixiao.register.internal.web.Demo.EVIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.register.internal.Lookups;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page of the engine rendered with the web layer's real layout and templates, in both languages, with hostile
 * text wherever users type: nothing unescaped, a CSRF token in every POST form, every message present; and the keys
 * the pages name exist in both of the web layer's bundles.
 */
class RegisterPagesTest {

    private static final Path TEMPLATES = Path.of("..", "org.jixiao.web", "src", "main", "resources", "templates",
            "register");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "jixiao", "register", "internal",
            "web");

    private final Demo project = new Demo();
    private final MemoryRegisters service = new MemoryRegisters(project);
    private final WebHandler web = new RegisterWeb(project, service, service, null);
    private long school;
    private long applicant;
    private long visit;

    private void records() {
        school = service.put("schools", 4, null, null, Map.of("name", EVIL));
        Map<String, Object> values = new HashMap<>();
        values.put("name", EVIL);
        values.put("idNumber", "**************123X");
        values.put("phone", "13812345678");
        values.put("gender", "F");
        values.put("needs", List.of("JOB", "LOAN"));
        values.put("employed", true);
        values.put("school", school);
        values.put("amount", new BigDecimal("12.5"));
        values.put("appliedOn", LocalDate.of(2030, 5, 6));
        values.put("note", EVIL);
        values.put("address", "secret street 1");
        values.put("attachment", MemoryRegisters.OLD_FILE);
        values.put("officer", MemoryRegisters.OFFICER);
        values.put("reviewedOn", LocalDate.of(2031, 1, 2));
        applicant = service.put("applicants", 4, null, "SUBMITTED", values);
        visit = service.put("visits", 4, applicant, null, Map.of("summary", EVIL, "visitedOn",
                LocalDate.of(2030, 6, 1)));
        service.history.add(new Lookups.Entry(MemoryRegisters.AT, 2, EVIL, "CREATE", null, "DRAFT", null,
                List.of("name", "phone")));
        service.history.add(new Lookups.Entry(MemoryRegisters.AT, 2, "staff", "submit", "DRAFT", "SUBMITTED", EVIL,
                List.of()));
    }

    private String page(WebRequest request, Actor actor, Locale locale) throws Exception {
        String html = Render.page(web.handle(request), actor, locale);
        assertTrue(html.contains("</html>"), "rendered to the end");
        assertFalse(html.contains("<script"), "unescaped markup:\n" + html);
        assertFalse(html.contains(Render.TOKEN), "the CSRF token is escaped");
        int forms = html.split("<form method=\"post\"", -1).length - 1;
        int tokens = html.split("name=\"_csrf\"", -1).length - 1;
        assertEquals(forms, tokens, "every POST form carries the CSRF token");
        return html;
    }

    private static String msg(Locale locale, String key, Object... args) {
        return Render.message(locale, key, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theListShowsTheListedFieldsByNameMaskedAndSortable(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        records();
        String list = page(Req.html("GET", "/applicants", CITY_ADMIN, locale).param("gender", "F")
                .param("q", "<script>").param("saved", "saved"), CITY_ADMIN, locale);
        assertTrue(list.contains("&lt;script&gt;"), "names shown escaped");
        assertTrue(list.contains(msg(locale, "register.column.number")));
        assertTrue(list.contains("138****5678") && !list.contains("13812345678"), "phones masked in lists");
        assertFalse(list.contains("secret street"), "private fields stay out of lists");
        assertTrue(list.contains(msg(locale, "app.gender.F")) && list.contains(msg(locale, "app.needs.LOAN")));
        assertTrue(list.contains(msg(locale, "register.money.WAN_YUAN", "12.5")));
        assertTrue(list.contains(msg(locale, "register.yes")));
        assertTrue(list.contains("href=\"/p/demo/schools/" + school + "\""), "a reference links to its record");
        assertTrue(list.contains(msg(locale, "app.state.SUBMITTED")));
        assertTrue(list.contains("<b>A县</b>".replace("<", "&lt;").replace(">", "&gt;")), "unit column, escaped");
        assertTrue(list.contains("role=\"status\">" + msg(locale, "register.flash.saved")));
        assertTrue(list.contains(
                "href=\"/p/demo/applicants?q=%3Cscript%3E&amp;gender=F&amp;size=20&amp;sort=amount\""),
                "sortable heads keep the filters:\n" + list);
        assertTrue(list.contains("href=\"/p/demo/applicants/export?q=%3Cscript%3E&amp;gender=F\""),
                "export what is shown");
        assertTrue(list.contains("href=\"/p/demo/applicants/new\"") && list.contains("/p/demo/applicants/import"));
        assertTrue(list.contains("<a href=\"/p/demo/applicants\" aria-current=\"page\">" + msg(locale, "app.title")));
        assertTrue(list.contains("href=\"/p/demo/schools\""));
        assertFalse(list.contains("href=\"/p/demo/visits\""), "child registers stay out of the menu");
        assertTrue(list.contains("name=\"unit\""), "a city reader filters by unit");
        assertTrue(list.contains("name=\"appliedOn.from\"") && list.contains("name=\"state\""));
        assertTrue(list.contains("<option value=\"F\" selected>"));
        assertFalse(list.contains("f-q-help"), "a clear name is searched by a part: nothing to warn of");
        // An encrypted name is found by the whole of it: the search box says so.
        String schools = page(Req.html("GET", "/schools", CITY_ADMIN, locale), CITY_ADMIN, locale);
        assertTrue(schools.contains("aria-describedby=\"f-q-help\"") && schools.contains(msg(locale,
                "register.search.whole", msg(locale, "school.field.name"))), schools);

        String county = page(Req.html("GET", "/applicants", A_VIEWER, locale).param("sort", "amount")
                .param("dir", "desc"), A_VIEWER, locale);
        assertFalse(county.contains("name=\"unit\""), "one unit: no unit filter");
        assertFalse(county.contains("/applicants/new") || county.contains("/applicants/import"), "a reader");
        assertFalse(county.contains("href=\"/p/demo/schools\""), "a register the reader may not read is no menu item");
        assertTrue(county.contains("aria-sort=\"descending\""));
        assertTrue(county.contains("<input type=\"hidden\" name=\"sort\" value=\"amount\">"));
    }

    @Test
    void manyRecordsArePagedAndNoneSaySo() throws Exception {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        String empty = page(Req.html("GET", "/applicants", A_STAFF), A_STAFF, locale);
        assertTrue(empty.contains(msg(locale, "register.list.empty")));
        for (int i = 0; i < 25; i++) {
            service.put("applicants", 4, null, "DRAFT", Map.of("name", "n" + i, "gender", "M"));
        }
        String first = page(Req.html("GET", "/applicants", A_STAFF), A_STAFF, locale);
        assertTrue(first.contains("href=\"/p/demo/applicants?size=20&amp;page=2\""), first);
        String second = page(Req.html("GET", "/applicants", A_STAFF).param("page", "2"), A_STAFF, locale);
        assertTrue(second.contains("<td class=\"num\">21</td>") || second.contains(">21</a>"), "numbered on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theRecordShowsItsFieldsStepsChildrenAndHistory(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        records();
        String html = page(Req.html("GET", "/applicants/" + applicant, CITY_ADMIN, locale).param("saved", "step"),
                CITY_ADMIN, locale);
        assertTrue(html.contains("<title>&lt;script&gt;"), "the record's title names the page");
        assertTrue(html.contains("secret street 1"), "the record page shows private fields");
        assertTrue(html.contains("13812345678"), "and the phone in full");
        assertTrue(html.contains("**************123X"), "the ID number as its mask");
        assertTrue(html.contains(msg(locale, "register.action.reveal")));
        assertTrue(html.contains("<a href=\"/p/demo/applicants/" + applicant + "/files/attachment\">"
                + msg(locale, "register.file.named", "旧证明.pdf", msg(locale, "register.file.kb", 1L)) + "</a>"),
                "the file by its name and size, linked to its download");
        assertTrue(html.contains(msg(locale, "app.field.note")));
        for (String step : List.of("approve", "reject")) {
            assertTrue(html.contains("action=\"/p/demo/applicants/" + applicant + "/step/" + step + "\""), step);
        }
        assertFalse(html.contains("/step/submit"), "not from this state");
        assertTrue(html.contains("name=\"reviewedOn\" type=\"date\""), "a step's fields, read-only elsewhere");
        assertTrue(html.contains("name=\"reason\" rows=\"3\" maxlength=\"500\" required"), "a reason to return");
        assertTrue(html.contains(msg(locale, "register.children.heading", msg(locale, "visit.title"), 1L)));
        assertTrue(html.contains("href=\"/p/demo/visits/" + visit + "\""));
        assertTrue(html.contains("href=\"/p/demo/visits/new?parent=" + applicant + "\""));
        assertTrue(html.contains(msg(locale, "register.history.CREATE")) && html.contains(msg(locale,
                "app.transition.submit")));
        assertTrue(html.contains(msg(locale, "register.history.change", msg(locale, "app.state.DRAFT"),
                msg(locale, "app.state.SUBMITTED"))));
        assertTrue(html.contains(msg(locale, "register.join", msg(locale, "app.field.name"),
                msg(locale, "app.field.phone"))), "the fields an edit changed");
        assertTrue(html.contains("action=\"/p/demo/applicants/" + applicant + "/delete\""));
        assertTrue(html.contains("href=\"/p/demo/applicants/" + applicant + "/edit\""));
        assertTrue(html.contains(msg(locale, "register.flash.step")));

        String child = page(Req.html("GET", "/visits/" + visit, A_STAFF, locale), A_STAFF, locale);
        assertTrue(child.contains("href=\"/p/demo/applicants/" + applicant + "\""), "back to the parent");
        String history = page(Req.html("GET", "/applicants/" + applicant + "/history", A_STAFF, locale), A_STAFF,
                locale);
        assertTrue(history.contains(msg(locale, "register.action.backToRecord")));

        String staff = page(Req.html("GET", "/applicants/" + applicant, A_STAFF, locale), A_STAFF, locale);
        assertFalse(staff.contains("/step/"), "the city's steps are not offered to a county");
        String viewer = page(Req.html("GET", "/applicants/" + applicant, A_VIEWER, locale), A_VIEWER, locale);
        assertFalse(viewer.contains("/delete") || viewer.contains("/edit") || viewer.contains("/reveal")
                || viewer.contains("/visits/new"), "a reader gets no actions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theFormHasAnInputForEveryKindOfField(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        records();
        String blank = page(Req.html("GET", "/applicants/new", A_STAFF, locale), A_STAFF, locale);
        assertTrue(blank.contains("enctype=\"multipart/form-data\""), "a file field");
        assertTrue(blank.contains("action=\"/p/demo/applicants/new\""));
        assertTrue(blank.contains("<option value=\"4\" selected>"), "the county's own unit preselected");
        assertTrue(blank.contains("name=\"name\" type=\"text\" value=\"\" required maxlength=\"50\""));
        assertTrue(blank.contains("<span class=\"req\" aria-hidden=\"true\">*</span>"));
        assertTrue(blank.contains(msg(locale, "app.field.note.help")));
        assertTrue(blank.contains("name=\"needs\" value=\"TRAINING\""), "multi-choice as checkboxes");
        assertTrue(blank.contains("<select id=\"f-employed\" name=\"employed\""));
        assertTrue(blank.contains("<option value=\"" + school + "\">&lt;script&gt;"), "schools picked by name");
        assertTrue(blank.contains("name=\"school.find\"") && blank.contains("name=\"_find\" value=\"school\""));
        assertTrue(blank.contains("name=\"school.find\" value=\"\" aria-label=\"" + msg(locale, "register.picker.find",
                msg(locale, "app.field.school")) + "\" placeholder=\"" + msg(locale, "register.picker.placeholderWhole")
                + "\""), "a school's encrypted name is found whole:\n" + blank);
        assertTrue(blank.contains("<option value=\"7\">&lt;script&gt;"), "users picked by name");
        assertTrue(blank.contains("name=\"appliedOn\" type=\"date\" value=\"\" min=\"1900-01-01\" max=\""
                + LocalDate.now() + "\""),
                blank);
        assertTrue(blank.contains("type=\"tel\"") && blank.contains("type=\"number\"") && blank.contains(
                "type=\"file\""));
        assertTrue(blank.contains(msg(locale, "register.moneyUnit.WAN_YUAN")));
        assertFalse(blank.contains("reviewedOn"), "read-only fields are not on a new record's form");
        assertFalse(blank.contains("name=\"version\""));

        String edit = page(Req.html("GET", "/applicants/" + applicant + "/edit", A_STAFF, locale), A_STAFF,
                locale);
        assertTrue(edit.contains("2031-01-02"), "read-only fields shown");
        assertFalse(edit.contains("name=\"reviewedOn\""), "but not editable");
        assertTrue(edit.contains("name=\"version\" value=\"1\""));
        assertTrue(edit.contains("name=\"attachment.remove\""));
        assertTrue(edit.contains("value=\"JOB\" checked"));
        assertTrue(edit.contains("<option value=\"" + school + "\" selected>"));

        String child = page(Req.html("GET", "/visits/new", A_STAFF, locale).param("parent",
                String.valueOf(applicant)), A_STAFF, locale);
        assertTrue(child.contains("<input type=\"hidden\" name=\"parent\" value=\"" + applicant + "\">"));
        assertFalse(child.contains("name=\"unit\""), "a child's unit is its parent's");
        assertTrue(child.contains("href=\"/p/demo/applicants/" + applicant + "\""), "cancel goes to the parent");
        String orphan = page(Req.html("GET", "/visits/new", A_STAFF, locale), A_STAFF, locale);
        assertTrue(orphan.contains("<select id=\"f-parent\" name=\"parent\""), "a parent picked by name");
    }

    // ---------------------------------------------------------------- message keys

    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\(\"(register\\.[A-Za-z0-9_.]+)\"");
    /** A key, or the prefix of keys completed at run time ("register.import.phase." + phase). */
    private static final Pattern JAVA_KEY = Pattern.compile("\"(register\\.[A-Za-z0-9_.]*[A-Za-z0-9_.])\"");

    @Test
    void bothLanguagesHaveEveryKeyThePagesNameAndNoOther() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(keys(TEMPLATES, ".ftlh", TEMPLATE_KEY));
        used.addAll(keys(SOURCES, ".java", JAVA_KEY));
        // The engine's import and export name theirs beside the service.
        used.addAll(keys(SOURCES.getParent(), ".java", JAVA_KEY));
        assertTrue(used.size() > 50, "found the keys: " + used);
        for (String bundle : List.of("i18n/web.properties", "i18n/web_en.properties")) {
            Properties p = load(bundle);
            Set<String> names = p.stringPropertyNames();
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(names);
            // A prefix is there when some key completes it.
            missing.removeIf(k -> k.endsWith(".") && names.stream().anyMatch(n -> n.startsWith(k)));
            assertTrue(missing.isEmpty(), "missing from " + bundle + ": " + missing);
            Set<String> unused = new TreeSet<>(p.stringPropertyNames());
            // register.error.* are the engine's validation messages, named by the service rather than the pages.
            unused.removeIf(k -> !k.startsWith("register.") || k.startsWith("register.error."));
            unused.removeAll(used);
            unused.removeIf(k -> used.stream().anyMatch(u -> u.endsWith(".") && k.startsWith(u)));
            assertTrue(unused.isEmpty(), "named by no page, in " + bundle + ": " + unused);
        }
    }

    private static Set<String> keys(Path folder, String suffix, Pattern key) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(x -> x.toString().endsWith(suffix)).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private static Properties load(String resource) {
        try (InputStream in = RegisterPagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
