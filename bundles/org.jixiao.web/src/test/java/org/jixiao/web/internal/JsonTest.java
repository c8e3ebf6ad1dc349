package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

class JsonTest {

    record Dated(LocalDate day, Instant at, String note) {
    }

    private static JsonElement parse(String text) throws IOException {
        return Json.parse(new StringReader(text));
    }

    @Test
    void datesAndInstantsAreIsoText() {
        String json = Json.GSON.toJson(new Dated(LocalDate.of(2024, 2, 29), Instant.parse("2024-03-01T08:30:00Z"),
                null));
        assertEquals("{\"day\":\"2024-02-29\",\"at\":\"2024-03-01T08:30:00Z\"}", json, "nulls are left out");
    }

    @Test
    void isoDatesReadBack() {
        Dated d = Json.GSON.fromJson("{\"day\":\"2024-02-29\",\"at\":\"2024-03-01T08:30:00.123Z\",\"note\":\"x\"}",
                Dated.class);
        assertEquals(LocalDate.of(2024, 2, 29), d.day());
        assertEquals(Instant.parse("2024-03-01T08:30:00.123Z"), d.at());
        Dated empty = Json.GSON.fromJson("{\"day\":null}", Dated.class);
        assertNull(empty.day());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"day\":\"2023-02-29\"}", "{\"day\":\"29.02.2024\"}", "{\"day\":\"\"}",
            "{\"at\":\"2024-03-01 08:30\"}", "{\"day\":{}}"})
    void malformedDatesAreParseErrorsNotRuntimeFailures(String json) {
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(json, Dated.class));
    }

    @Test
    void chineseAndMarkupAreNotHtmlEscapedInJson() {
        String json = Json.GSON.toJson(Map.of("name", "张三 <b>&"));
        assertEquals("{\"name\":\"张三 <b>&\"}", json);
    }

    @Test
    void errorBodyOmitsEmptyFields() {
        assertEquals("{\"error\":\"bad_request\",\"message\":\"m\"}",
                Json.GSON.toJson(Json.error("bad_request", "m", null)));
        assertEquals("{\"error\":\"bad_request\",\"message\":\"m\"}",
                Json.GSON.toJson(Json.error("bad_request", "m", Map.of())));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "required");
        assertEquals("{\"error\":\"validation\",\"message\":\"m\",\"fields\":{\"name\":\"required\"}}",
                Json.GSON.toJson(Json.error("validation", "m", fields)));
    }

    @Test
    void parseGivesTheElementAndNullForNothing() throws IOException {
        assertTrue(parse("{\"a\":1}").isJsonObject());
        assertTrue(parse("[1,2]").isJsonArray());
        assertTrue(parse("\"text\"").isJsonPrimitive());
        assertNull(parse(""));
        assertNull(parse("   "));
        assertNull(parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "{\"a\":}", "[1,", "{\"a\":1} {\"b\":2}", "{\"a\":1}x", "\"unterminated",
            "{\"a\" 1}", "[1]]"})
    void malformedJsonIsABadJsonException(String text) {
        assertThrows(Json.BadJsonException.class, () -> parse(text));
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(Json.BadJsonException.class, () -> parse(deep));
    }

    /** The shape ApiServlet binds: the body is parsed to a tree first, then bound from the tree. */
    record Body(Long parentId, String code, java.util.List<String> roles) {
    }

    @Test
    void wrongTypesAreParseErrors() throws IOException {
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(parse("{\"parentId\":\"abc\"}"), Body.class));
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(parse("{\"parentId\":true}"), Body.class));
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(parse("{\"code\":{}}"), Body.class));
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(parse("{\"roles\":\"ADMIN\"}"), Body.class));
        assertThrows(JsonParseException.class, () -> Json.GSON.fromJson(parse("{\"roles\":[[1]]}"), Body.class));
        Body ok = Json.GSON.fromJson(parse("{\"parentId\":3,\"code\":\"c\",\"roles\":[\"STAFF\"]}"), Body.class);
        assertEquals(3L, ok.parentId());
        assertFalse(ok.roles().isEmpty());
    }

    /**
     * Bound from a JsonElement, Gson turns a fraction or an out-of-range number into some long (1.5 -> 1,
     * 2^64+1 -> 1, 1e30 -> 5076944270305263616) instead of failing, so a malformed id is silently written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.5", "1e30", "18446744073709551617"})
    void nonIntegralOrOverflowingIdsAreRefused(String number) {
        assertThrows(JsonParseException.class,
                () -> Json.GSON.fromJson(parse("{\"parentId\":" + number + "}"), Body.class));
    }

    /** Issue 11, item 4: a county reads its own pass or fail, and where its target comes from, in JSON. */
    @Test
    void theDashboardsJsonSaysTheTargetsBasisTheStateAndTheCompletion() {
        org.jixiao.api.project.IndicatorDefinition d = new org.jixiao.api.project.IndicatorDefinition("jobs",
                "indicator.jobs", "unit.person", org.jixiao.api.project.Comparison.AT_LEAST,
                java.math.BigDecimal.valueOf(100), "附件2 第1项");
        org.jixiao.api.project.IndicatorStatus met = new org.jixiao.api.project.IndicatorStatus(d, "求职青年", "人",
                java.math.BigDecimal.valueOf(150), java.math.BigDecimal.valueOf(120),
                org.jixiao.api.project.IndicatorStatus.Basis.APPROVED);
        org.jixiao.api.project.IndicatorStatus open = new org.jixiao.api.project.IndicatorStatus(d, "求职青年", "人",
                java.math.BigDecimal.valueOf(5), null, null);
        String json = Json.GSON.toJson(ApiServlet.standing(new org.jixiao.api.project.ProjectRegistry
                .ProjectIndicators("employment", "就业创业", java.util.List.of(met, open))));
        assertTrue(json.contains("\"target\":120,\"basis\":\"APPROVED\",\"state\":\"MET\",\"completion\":100"),
                json);
        assertTrue(json.contains("\"basis\":\"NOT_JUDGED\",\"state\":\"NOT_JUDGED\""), json);
        assertTrue(json.contains("\"definition\":{\"id\":\"jobs\""), json);
    }

    /**
     * Issue 12, items 5 and 13: a project's body numbers were doubles, so 1e-999999999 was stored as 0 and
     * 12345678901234567890 lost its last digits. Now exact, and a number past the bounds fails the body.
     */
    @Test
    void bodyNumbersAreExactAndBounded() {
        Map<?, ?> m = Json.GSON.fromJson("{\"a\":12345678901234567890,\"b\":0.10}", Map.class);
        assertEquals(new java.math.BigDecimal("12345678901234567890"), m.get("a"));
        assertEquals(new java.math.BigDecimal("0.10"), m.get("b"));
        for (String bad : new String[] {"1e-999999999", "1e999999999", "1" + "0".repeat(60)}) {
            assertThrows(JsonParseException.class, () -> Json.GSON.fromJson("{\"a\":" + bad + "}", Map.class), bad);
        }
    }
}
