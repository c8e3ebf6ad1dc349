package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;

/** The CSV of codes, the QR codes of the slips, the rate limit of /q and how codes and answers are read. */
class QuestionnaireUtilTest {

    // ---------------------------------------------------------------- CSV

    @Test
    void csvStartsWithABomQuotesWhatNeedsItAndDefusesFormulas() {
        String csv = new Csv().row(List.of("评价码", "单位")).row(List.of("ABC", "a,b")).row(List.of("=1+2", "+86 139"))
                .row(List.of("-2", "@SUM(A1)")).row(List.of("say \"hi\"", "two\nlines")).row(List.of("\tx", ""))
                .toString();
        assertTrue(csv.startsWith("\uFEFF评价码,单位\r\n"), csv);
        assertEquals("\uFEFF评价码,单位\r\nABC,\"a,b\"\r\n'=1+2,'+86 139\r\n'-2,'@SUM(A1)\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                + "'\tx,\r\n", csv);
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"x\",\"y\")"));
        assertEquals("", Csv.cell(null));
    }

    // ---------------------------------------------------------------- QR

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Test
    void theQrCodeIsASquareSvgWithItsThreeFinderPatterns() {
        String url = "https://jixiao.example/q/ACDE4679FGHJ";
        BitMatrix m = QrSvg.matrix(url);
        int n = m.getWidth();
        assertEquals(n, m.getHeight(), "square");
        int modules = n - 2 * QrSvg.MARGIN;
        assertEquals(1, (modules - 21) % 4 == 0 ? 1 : 0, "a QR version's size: 21 + 4k modules, was " + modules);
        int far = n - QrSvg.MARGIN - 7;
        for (int[] corner : new int[][] {{QrSvg.MARGIN, QrSvg.MARGIN}, {far, QrSvg.MARGIN}, {QrSvg.MARGIN, far}}) {
            assertTrue(finder(m, corner[0], corner[1]), "finder pattern at " + corner[0] + "," + corner[1]);
        }
        assertFalse(finder(m, far, far), "none in the fourth corner");
        for (int i = 0; i < n; i++) {
            assertFalse(m.get(i, 0) || m.get(0, i) || m.get(i, n - 1) || m.get(n - 1, i), "quiet zone");
        }

        String svg = QrSvg.svg(url, 24, "<b>\"QR\"</b>");
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find());
        assertEquals(String.valueOf(n), box.group(1));
        assertEquals(box.group(1), box.group(2), "square view box");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\""));
        assertTrue(svg.contains("width=\"24mm\" height=\"24mm\""));
        assertTrue(svg.contains("aria-label=\"&lt;b&gt;&quot;QR&quot;&lt;/b&gt;\""), "the label is escaped");
        assertFalse(svg.contains("style"), "attributes only: the CSP allows no inline style");
        // The top-left finder's first row: 7 dark modules from the margin.
        assertTrue(svg.contains("M" + QrSvg.MARGIN + " " + QrSvg.MARGIN + "h7v1h-7z"), svg);
        assertEquals(svg, QrSvg.svg(url, 24, "<b>\"QR\"</b>"), "deterministic");
        assertFalse(svg.equals(QrSvg.svg(url + "X", 24, "x")));
    }

    /** The 7×7 finder: dark ring, light ring, dark 3×3 core. */
    private static boolean finder(BitMatrix m, int left, int top) {
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                boolean ring = x == 0 || y == 0 || x == 6 || y == 6;
                boolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                if (m.get(left + x, top + y) != (ring || core)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- rate limit

    @Test
    void eachClientHasItsBudgetAMinuteRefilledSteadily() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        RateLimiter limiter = new RateLimiter(20, 100, nanos::get);
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.allow("a"), "request " + i);
        }
        assertFalse(limiter.allow("a"), "the 21st within the minute");
        assertEquals(3, limiter.retryAfterSeconds("a"), "one token comes back every 3 s");
        assertTrue(limiter.allow("b"), "another client has its own budget");
        nanos.addAndGet(2_000_000_000L);
        assertFalse(limiter.allow("a"), "not yet");
        nanos.addAndGet(1_000_000_000L);
        assertTrue(limiter.allow("a"), "after 3 s, one more");
        assertFalse(limiter.allow("a"));
        nanos.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.allow("a"), "full again after an idle hour, never more: " + i);
        }
        assertFalse(limiter.allow("a"));
    }

    @Test
    void theLimiterForgetsIdleClientsAndKeepsAtMostItsCap() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, nanos::get);
        limiter.allow("a");
        limiter.allow("a");
        assertFalse(limiter.allow("a"));
        limiter.allow("b");
        limiter.allow("c");
        assertEquals(3, limiter.size());
        limiter.allow("d");
        assertEquals(3, limiter.size(), "capped: the least recently seen went");
        assertTrue(limiter.allow("a"), "a was forgotten, so it starts afresh (the price of a bounded map)");
        nanos.addAndGet(60_000_000_000L);
        limiter.allow("e");
        assertEquals(1, limiter.size(), "buckets idle a minute are full again and dropped");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("10.0.0." + i);
        }
        many.forEach(limiter::allow);
        assertEquals(3, limiter.size());
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, nanos::get));
    }

    // ---------------------------------------------------------------- codes and answers

    @Test
    void typedCodesAreNormalisedAsTheApiSays() {
        assertEquals("ACDE4679FGHJ", AnswerService.normalise("acde-4679-fghj"));
        assertEquals("ACDE4679FGHJ", AnswerService.normalise(" ACDE 4679\u3000FGHJ "));
        assertNull(AnswerService.normalise("ACDE-4679-FGH"), "too short");
        assertNull(AnswerService.normalise("ACDE-4679-FGH0"), "0 is not in the alphabet");
        assertNull(AnswerService.normalise("ACDE-4679-FGHJ/../x"));
        assertNull(AnswerService.normalise(null));
        assertNull(AnswerService.normalise("A".repeat(33)));
        assertEquals(QuestionnaireService.CODE_LENGTH, AnswerService.normalise("acde-4679-fghj").length());
    }

    @Test
    void codesPrintInGroupsOfFour() {
        assertEquals("ACDE-4679-FGHJ", BallotPages.grouped("ACDE4679FGHJ"));
        assertEquals("ACDE-4679-FGHJ-KM", BallotPages.grouped("ACDE4679FGHJKM"));
    }

    @Test
    void answersAreReadPerItemAndUnansweredOnesLeftOut() {
        var items = QuestionnaireFakes.questionnaire(3, true).items();
        Map<String, String> posted = Map.of("a.1.1", "2", "a.1.2", "", "a.2.1", "  有意见  ", "a.9.9", "1");
        Map<String, String> submitted = BallotPages.submitted(items, posted::get);
        assertEquals(Map.of("1.1", "2", "1.2", "", "2.1", "  有意见  "), submitted);
        assertEquals(List.of(new Answer("1.1", 2, null), new Answer("2.1", null, "有意见")),
                BallotPages.answers(items, submitted));
        for (String bad : new String[] {"0", "x", "11", "-1", "1.5"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> BallotPages.answers(items, Map.of("1.1", bad)), bad);
            assertEquals(Map.of("item.1.1", "answer.choice.invalid"), e.fieldErrors());
        }
        assertEquals(410, BallotPages.status("answer.code.used"));
        assertEquals(404, BallotPages.status("answer.code.unknown"));
    }

    @Test
    void theCampaignFormReadsOnlyTheChosenTypesCategories() {
        Map<String, String> p = new java.util.HashMap<>(Map.of("name", " 2031 青年评价 ", "questionnaireId", "3",
                "quota.STUDENT", "20", "quota.RURAL_YOUTH", "0", "quota.LEADER", "5", "minResponses", "10",
                "opens", "2031-11-01", "closes", "2031-11-20"));
        CampaignForm form = CampaignForm.parse(p::get, name -> "unit".equals(name) ? new String[] {"4", "5", "4", "x"}
                : null);
        assertEquals(List.of("4", "5"), form.units);
        var draft = form.toDraft(org.jixiao.api.questionnaire.EvaluationType.YOUTH);
        assertEquals("2031 青年评价", draft.name());
        assertEquals(List.of(4L, 5L), draft.orgUnitIds());
        assertEquals(List.of(new org.jixiao.api.questionnaire.CategoryQuota(
                org.jixiao.api.questionnaire.RespondentCategory.STUDENT, 20)), draft.quotas());
        assertEquals(10, draft.minResponses());
        p.put("quota.STUDENT", "many");
        p.put("minResponses", "-1");
        p.put("opens", "1.11.2031");
        p.remove("closes");
        p.remove("questionnaireId");
        ValidationException e = assertThrows(ValidationException.class,
                () -> CampaignForm.parse(p::get, n -> null).toDraft(org.jixiao.api.questionnaire.EvaluationType.YOUTH));
        assertEquals(Map.of("questionnaireId", "campaignForm.questionnaire.required", "quota.STUDENT",
                "campaignForm.number.invalid", "minResponses", "campaignForm.number.invalid", "opens",
                "common.date.invalid", "closes", "cycle.window.required"), e.fieldErrors());
    }
}
