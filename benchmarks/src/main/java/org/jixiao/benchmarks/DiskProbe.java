package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a durable write costs on the disk under the temporary directory, where the benchmarks put their databases:
 * 4 KiB written synchronously ({@code "rwd"}) at the same offset, one thread, {@code -Dwrites=500} times; the
 * median, p99 and the writes a second one thread could make. A durable commit forces Derby's log, at least one
 * such write, so this bounds the commits of a fully serialised writer.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.jixiao.benchmarks.DiskProbe</pre>
 */
public final class DiskProbe {

    private DiskProbe() {
    }

    public static void main(String[] args) throws IOException {
        int writes = Integer.getInteger("writes", 500);
        Path file = Files.createTempFile("jixiao-probe-", ".log");
        long[] nanos = new long[writes];
        byte[] page = new byte[4096];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rwd")) {
            for (int i = 0; i < writes; i++) {
                page[i % page.length]++;
                long t0 = System.nanoTime();
                raf.seek(0);
                raf.write(page);
                nanos[i] = System.nanoTime() - t0;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("%d synchronous 4 KiB writes under %s: median %.2f ms, p99 %.2f ms, mean %.2f ms"
                + " (%.0f a second on one thread)%n", writes, file.getParent(), nanos[writes / 2] / 1e6,
                nanos[(int) Math.ceil(0.99 * writes) - 1] / 1e6, mean, 1000 / mean);
    }
}
