package org.jixiao.register.internal.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Writes and reads 10,000 rows of 20 columns and prints how long each took, wall clock and this thread's
 * CPU time (steadier on a busy machine). No timed assertion: build machines vary; the number is for people.
 * Run alone with -Dtest=PerformanceTest.
 */
class PerformanceTest {

    private static final int ROWS = 10_000;
    private static final int COLUMNS = 20;

    private static List<Cell> row(int i) {
        List<Cell> cells = new ArrayList<>(COLUMNS);
        cells.add(Cell.text("张三" + i));
        cells.add(Cell.text(String.format("1101011990%08d", i)));
        cells.add(Cell.text(i % 2 == 0 ? "男" : "女"));
        cells.add(Cell.date(LocalDate.of(1990, 1, 1).plusDays(i)));
        cells.add(Cell.number(new BigDecimal(i).movePointLeft(2)));
        for (int c = 5; c < COLUMNS; c++) {
            cells.add(Cell.text("北京市朝阳区第" + c + "街道" + i + "号"));
        }
        return cells;
    }

    @Test
    void tenThousandRows() throws IOException {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            columns.add(Column.text("列" + c));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // warm up the JIT a little, as a running server would be
        for (int round = 0; round < 3; round++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SheetWriter w = new SheetWriter(out)) {
                w.startSheet(SheetSpec.of("名单", columns));
                for (int i = 0; i < ROWS; i++) {
                    w.row(row(i));
                }
            }
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            Sheet s = SheetReader.read(new ByteArrayInputStream(out.toByteArray()), "p.xlsx", Limits.DEFAULT);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            assertEquals(ROWS, s.rows().size());
            assertEquals("110101199000009999", s.rows().get(ROWS - 1).cell(1));

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            try (CsvWriter w = new CsvWriter(csv)) {
                w.textRow(columns.stream().map(Column::header).toList());
                for (int i = 0; i < ROWS; i++) {
                    w.row(row(i));
                }
            }
            long t3 = System.nanoTime();
            long c3 = cpu.getCurrentThreadCpuTime();
            Sheet c = SheetReader.read(new ByteArrayInputStream(csv.toByteArray()), "p.csv", Limits.DEFAULT);
            long t4 = System.nanoTime();
            long c4 = cpu.getCurrentThreadCpuTime();
            assertEquals(ROWS, c.rows().size());
            System.out.printf("[sheet perf] round %d, %d rows x %d columns, wall (cpu) ms: xlsx write %d (%d) %d KB,"
                    + " read %d (%d); csv write %d (%d) %d KB, read %d (%d)%n", round + 1, ROWS, COLUMNS,
                    ms(t1 - t0), ms(c1 - c0), out.size() / 1024, ms(t2 - t1), ms(c2 - c1),
                    ms(t3 - t2), ms(c3 - c2), csv.size() / 1024, ms(t4 - t3), ms(c4 - c3));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
