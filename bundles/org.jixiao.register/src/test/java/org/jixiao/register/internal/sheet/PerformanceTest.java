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

    /** A writer on a stream with the header row written. */
    @FunctionalInterface
    private interface Opener {
        RowWriter open(ByteArrayOutputStream out) throws IOException;
    }

    /** One format's round trip: wall clock and CPU milliseconds of the write and of the read, and the file. */
    private record Trip(long writeMs, long writeCpuMs, long readMs, long readCpuMs, int kb, Sheet sheet) {

        @Override
        public String toString() {
            return String.format("write %d (%d) %d KB, read %d (%d)", writeMs, writeCpuMs, kb, readMs, readCpuMs);
        }
    }

    /** Writes the rows through the opened writer and reads the file back, timing both. */
    private static Trip roundTrip(ThreadMXBean cpu, String fileName, Opener opener) throws IOException {
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter w = opener.open(out)) {
            for (int i = 0; i < ROWS; i++) {
                w.row(row(i));
            }
        }
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        Sheet s = SheetReader.read(new ByteArrayInputStream(out.toByteArray()), fileName, Limits.DEFAULT);
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        return new Trip(ms(t1 - t0), ms(c1 - c0), ms(t2 - t1), ms(c2 - c1), out.size() / 1024, s);
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
            Trip xlsx = roundTrip(cpu, "p.xlsx", out -> {
                SheetWriter w = new SheetWriter(out);
                w.startSheet(SheetSpec.of("名单", columns));
                return w;
            });
            assertEquals(ROWS, xlsx.sheet().rows().size());
            assertEquals("110101199000009999", xlsx.sheet().rows().get(ROWS - 1).cell(1));
            Trip csv = roundTrip(cpu, "p.csv", out -> {
                CsvWriter w = new CsvWriter(out);
                w.textRow(columns.stream().map(Column::header).toList());
                return w;
            });
            assertEquals(ROWS, csv.sheet().rows().size());
            System.out.printf("[sheet perf] round %d, %d rows x %d columns, wall (cpu) ms: xlsx %s; csv %s%n",
                    round + 1, ROWS, COLUMNS, xlsx, csv);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
