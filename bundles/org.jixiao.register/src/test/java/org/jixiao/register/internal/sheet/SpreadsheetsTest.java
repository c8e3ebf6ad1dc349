package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A page's table as a workbook: the header, numbers exact, blanks blank, a formula kept as the text it was. */
class SpreadsheetsTest {

    @Test
    void aRankingReadsBackAsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Spreadsheets().xlsx("2031年考评排名 [1/2]", List.of("名次", "单位", "总分"), List.of(
                List.of(1, "东区", new BigDecimal("88.50")),
                Arrays.asList(2L, "=HYPERLINK(\"x\")", null)), out);
        Sheet s = SheetReader.read(new ByteArrayInputStream(out.toByteArray()), "r.xlsx", Limits.DEFAULT);
        assertEquals(List.of("名次", "单位", "总分"), s.header().cells());
        assertEquals(List.of("1", "东区", "88.5"), s.rows().get(0).cells());
        assertEquals("=HYPERLINK(\"x\")", s.rows().get(1).cell(1));
        assertEquals("", s.rows().get(1).cell(2));
    }
}
