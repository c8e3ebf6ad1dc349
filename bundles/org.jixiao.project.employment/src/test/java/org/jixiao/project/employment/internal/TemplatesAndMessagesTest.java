package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.store.internal.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import freemarker.template.TemplateException;

/**
 * Renders every page the handler produces, in both languages, with a message function that fails on a missing
 * key; and checks that the two bundles hold the same keys, including every key the code can produce.
 */
class TemplatesAndMessagesTest extends EmploymentTestBase {

    /**
     * Literals that look like keys but are audit actions or indicator and time-node ids: on a line that calls
     * {@code audit.record(}, or that declares an {@code INDICATOR_}, {@code MILESTONE_} or {@code ACTION_} constant,
     * or a register definition's message prefix ({@code .messages("loan.check")}).
     */
    private static final Pattern NOT_MESSAGE_LINE = Pattern.compile(
            "audit\\.record\\(|static final String (INDICATOR|MILESTONE|ACTION)_|\\.messages\\(\"");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:youth|venture|mentor|id|indicator|unit|project|milestone|refresh|training|hometown|internship|base|loan"
            + "|credit|funding|incubator|ybc|award|outcome|money)\\.[A-Za-z0-9_.]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theYouthStatisticsRenderWithEveryMessagePresent(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        service.create(A_STAFF, person("name", "<script>alert(1)</script>"));
        service.create(CITY_ADMIN, person("Han", LocalDate.of(1992, 4, 5), 12, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B,
                "2013-02-10"));
        String stats = render(project.web().handle(FakeWebRequest.html("GET", "/youth/stats", CITY_ADMIN)), CITY_ADMIN,
                locale);
        assertTrue(stats.contains(msg(locale, "youth.stats.county.title")));
        assertTrue(stats.contains(msg(locale, "youth.needCategories.TRAINING")));
        assertFalse(stats.contains("<script>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theMentorReviewRendersEscapedWithEveryMessagePresent(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        long youth = service.create(A_STAFF, person("name", "<i>Li</i>", "type", "ENTREPRENEUR",
                "registeredOn", "2012-01-05"));
        long paired = mentors.create(A_STAFF, new MentorInput.Mentor("<script>m()</script>", "电商 & 物流", "县商务局",
                null, "2012-02-01", null, null));
        mentors.pair(A_STAFF, paired, new MentorInput.Pairing(String.valueOf(youth), "2012-02-02"));
        mentors.addActivity(A_STAFF, paired, new MentorInput.Activity(String.valueOf(youth), "2012-03-01",
                "<b>plan</b>"));
        mentors.create(A_STAFF, new MentorInput.Mentor("Unpaired", "x", "y", null, "2012-02-01", null, null));

        String review = render(project.web().handle(FakeWebRequest.html("GET", "/mentors/review", CITY_ADMIN)
                .param("year", "2012")), CITY_ADMIN, locale);
        assertTrue(review.contains("Unpaired"));
        assertTrue(review.contains("&lt;script&gt;m()&lt;/script&gt;"), "one activity is too few");
        assertTrue(review.contains(msg(locale, "mentor.review.unpaired")));
        assertTrue(review.contains(msg(locale, "mentor.review.tooFew")));
        assertTrue(review.contains(MessageFormat.format(msg(locale, "mentor.review.summary"), 2, 0, 2)));
        assertCsrfInEveryPostForm(review);
        String none = render(project.web().handle(FakeWebRequest.html("GET", "/mentors/review", B_STAFF)), B_STAFF,
                locale);
        assertTrue(none.contains(msg(locale, "mentor.review.none")));
    }

    /** Every form that posts carries the CSRF token as its first field. */
    static void assertCsrfInEveryPostForm(String html) {
        Matcher m = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
        int forms = 0;
        while (m.find()) {
            forms++;
            assertTrue(m.group(1).contains("name=\"_csrf\""), "a POST form without CSRF token: " + m.group());
        }
        assertTrue(forms > 0 || !html.contains("method=\"post\""));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(keys(Locale.SIMPLIFIED_CHINESE), keys(Locale.ENGLISH));
    }

    @Test
    void everyKeyTheCodeAndTemplatesNameExists() throws IOException {
        Set<String> keys = keys(Locale.SIMPLIFIED_CHINESE);
        Set<String> named = new TreeSet<>(List.of("id.required", "id.format", "id.birthdate", "id.checksum"));
        for (Enum<?>[] values : List.<Enum<?>[]>of(Education.values(), YouthType.values(), NeedCategory.values())) {
            String prefix = values[0] instanceof Education ? "youth.education." : values[0] instanceof YouthType
                    ? "youth.type." : "youth.needCategories.";
            for (Enum<?> e : values) {
                named.add(prefix + e.name());
            }
        }
        YouthStats.AGE_BANDS.forEach(b -> named.add("youth.age." + b));
        for (ProjectSector s : ProjectSector.values()) {
            named.add("venture.sector." + s.name());
        }
        project.indicators().forEach(d -> {
            named.add(d.nameKey());
            named.add(d.unitKey());
        });
        project.milestones().forEach(m -> named.add(m.nameKey()));
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/templates")))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (NOT_MESSAGE_LINE.matcher(line).find()) {
                        continue;
                    }
                    Matcher m = KEY_LITERAL.matcher(line);
                    while (m.find()) {
                        String key = m.group(1);
                        // A prefix joined with an enum name in a template is no key.
                        if (!key.endsWith(".")) {
                            named.add(key);
                        }
                    }
                }
            }
        }
        named.removeAll(keys);
        assertEquals(Set.of(), named);
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> keys(Locale locale) {
        return PageRender.keys(locale);
    }

    private static String msg(Locale locale, String key) {
        return PageRender.msg(locale, key);
    }

    private String render(WebResult result, Actor actor, Locale locale) throws IOException, TemplateException {
        return PageRender.render(project, result, actor, locale);
    }

    /** The baseline builds what the migrations V1..V26 built: the catalogue was written once from them, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() throws Exception {
        Catalogue.assertMigratesTo(EmploymentProject.ID, migrations(), TemplatesAndMessagesTest.class,
                "/catalogue/employment.txt");
    }
}
