package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jixiao.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact parsing of 元 and 万元 and the two display formats. */
class MoneyTest {

    private static BigDecimal ok(String raw, Money.Unit unit) {
        ValidationException.Collector errors = new ValidationException.Collector();
        BigDecimal v = Money.parse(raw, unit, true, "amount", errors);
        errors.throwIfAny();
        return v;
    }

    private static String refused(String raw, Money.Unit unit, boolean positive) {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertNull(Money.parse(raw, unit, positive, "amount", errors), raw);
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny, raw);
        return e.fieldErrors().get("amount");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12345.67|YUAN|12345.67",
        "12,345.67|YUAN|12345.67",
        "1,234,567|YUAN|1234567.00",
        "0.01|YUAN|0.01",
        " 7 |YUAN|7.00",
        "9999999999999.99|YUAN|9999999999999.99",
        "007.10|YUAN|7.10"})
    void parsesExactlyToYuan(String raw, Money.Unit unit, String yuan) {
        BigDecimal v = ok(raw, unit);
        assertEquals(new BigDecimal(yuan), v);
        assertEquals(2, v.scale(), "always the column's scale");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1|YUAN|money.negative",
        "1.001|YUAN|money.decimals.yuan",
        "NaN|YUAN|money.invalid",
        "Infinity|YUAN|money.invalid",
        "1e5|YUAN|money.invalid",
        "0x10|YUAN|money.invalid",
        "+5|YUAN|money.invalid",
        ".5|YUAN|money.invalid",
        "5.|YUAN|money.invalid",
        "12元|YUAN|money.invalid",
        "1,23|YUAN|money.invalid",
        "12 345|YUAN|money.invalid",
        "１２|YUAN|money.invalid",
        "10000000000000|YUAN|money.tooLarge",
        "9999999999999.999|YUAN|money.decimals.yuan",
        "0|YUAN|money.zero"})
    void refusesWithAClearReason(String raw, Money.Unit unit, String key) {
        assertEquals(key, refused(raw, unit, true));
    }

    @Test
    void absurdLengthIsRefusedBeforeParsing() {
        assertEquals(Money.TOO_LARGE, refused("9".repeat(10_000), Money.Unit.YUAN, true));
        assertEquals(Money.INVALID, refused("x".repeat(10_000), Money.Unit.YUAN, true));
    }

    @Test
    void zeroOnlyWhenAllowedAndBlankIsNoAmount() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertEquals(new BigDecimal("0.00"), Money.parse("0", Money.Unit.YUAN, false, "amount", errors));
        assertNull(Money.parse("  ", Money.Unit.YUAN, true, "amount", errors));
        assertNull(Money.parse(null, Money.Unit.YUAN, true, "amount", errors));
        errors.throwIfAny();
    }

    @Test
    void formatsExactlyForFormsAndGroupedForLists() {
        assertEquals("12345.67", Money.plain(new BigDecimal("12345.67"), Money.Unit.YUAN));
        assertNull(Money.plain(null, Money.Unit.YUAN));
        assertEquals("12,345.67", Money.number(new BigDecimal("12345.67"), Money.Unit.YUAN));
    }

    @Test
    void whatAFormShowsParsesBackToTheSameAmount() {
        for (String yuan : List.of("0.01", "12345.67", "20000000.00", "9999999999999.99", "100.10")) {
            BigDecimal v = new BigDecimal(yuan);
            assertEquals(v, ok(Money.plain(v, Money.Unit.YUAN), Money.Unit.YUAN), yuan);
        }
    }

    @Test
    void everyMessageExistsInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : List.of(Money.INVALID, Money.NEGATIVE, Money.ZERO, Money.DECIMALS_YUAN,
                    Money.TOO_LARGE)) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }
}
