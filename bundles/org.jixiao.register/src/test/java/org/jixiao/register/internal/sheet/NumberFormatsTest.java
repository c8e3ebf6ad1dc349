package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jixiao.register.internal.sheet.NumberFormats.Kind;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {

    private static Kind kind(String code) {
        return NumberFormats.custom(code).kind();
    }

    @Test
    void customCodes() {
        assertEquals(Kind.DATE, kind("yyyy/m/d"));
        assertEquals(Kind.DATE, kind("yyyy\"年\"m\"月\"d\"日\""));
        assertEquals(Kind.DATE, kind("[$-F800]dddd, mmmm dd, yyyy"));
        assertEquals(Kind.DATE, kind("mmm-yy"));
        assertEquals(Kind.DATE, kind("mmmm"));
        assertEquals(Kind.DATE, kind("[Red]yyyy-mm-dd;@"));
        assertEquals(Kind.DATE_TIME, kind("yyyy-mm-dd hh:mm"));
        assertEquals(Kind.DATE_TIME, kind("m/d/yy h:mm AM/PM"));
        assertEquals(Kind.TIME, kind("h:mm"));
        assertEquals(Kind.TIME, kind("mm:ss"));
        assertEquals(Kind.TIME, kind("上午/下午h\"时\"mm\"分\""));
        assertEquals(Kind.ELAPSED, kind("[h]:mm:ss"));
        assertEquals(Kind.NUMBER, kind("General"));
        assertEquals(Kind.NUMBER, kind("0.00%"));
        assertEquals(Kind.NUMBER, kind("#,##0.00_);[Red](#,##0.00)"));
        assertEquals(Kind.NUMBER, kind("0.00E+00"));
        assertEquals(Kind.NUMBER, kind("0.0\"天\""));
        assertEquals(Kind.NUMBER, kind("0\\d"));
        assertEquals(Kind.NUMBER, kind("@"));
        assertEquals(Kind.NUMBER, kind("[DBNum1][$-804]General"));
        assertEquals(Kind.NUMBER, kind("_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-"));
        assertEquals(Kind.NUMBER, kind("¥#,##0.00;¥-#,##0.00"));
    }

    @Test
    void builtIns() {
        assertEquals(Kind.DATE, NumberFormats.builtIn(14).kind());
        assertEquals(Kind.DATE_TIME, NumberFormats.builtIn(22).kind());
        assertEquals(Kind.TIME, NumberFormats.builtIn(21).kind());
        assertEquals(Kind.DATE, NumberFormats.builtIn(57).kind());
        assertEquals(Kind.NUMBER, NumberFormats.builtIn(0).kind());
        assertEquals(Kind.NUMBER, NumberFormats.builtIn(49).kind());
        assertEquals(Kind.NUMBER, NumberFormats.builtIn(44).kind());
    }

    @Test
    void plainNumbers() {
        assertEquals("0.3", NumberFormats.plain("0.30000000000000004"));
        assertEquals("0.1", NumberFormats.plain("0.1"));
        assertEquals("12", NumberFormats.plain("12.000"));
        assertEquals("-1200", NumberFormats.plain("-1.2E3"));
        assertEquals("0.0001", NumberFormats.plain("1E-4"));
        assertEquals("12345678901234567890", NumberFormats.plain("12345678901234567890"));
        assertEquals("not a number", NumberFormats.plain("not a number"));
    }

    @Test
    void serialsBothWays() {
        NumberFormats.Shape date = new NumberFormats.Shape(Kind.DATE, false);
        NumberFormats.Shape dateTime = new NumberFormats.Shape(Kind.DATE_TIME, true);
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2101; d = d.plusDays(13)) {
            assertEquals(d.toString(), NumberFormats.fromSerial(Long.toString(NumberFormats.serial(d)), date, false));
        }
        LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59);
        assertEquals("2024-02-29 23:59:59", NumberFormats.fromSerial(NumberFormats.serial(t), dateTime, false));
        assertEquals(1, NumberFormats.serial(LocalDate.of(1900, 1, 1)));
        assertEquals(59, NumberFormats.serial(LocalDate.of(1900, 2, 28)));
        assertEquals(61, NumberFormats.serial(LocalDate.of(1900, 3, 1)));
        assertEquals(-1, NumberFormats.serial(LocalDate.of(1899, 12, 31)));
        assertNull(NumberFormats.serial(LocalDateTime.of(1899, 1, 1, 0, 0)));
        assertNull(NumberFormats.fromSerial("3000000", date, false));
        assertEquals("1904-01-01", NumberFormats.fromSerial("0", date, true));
    }
}
