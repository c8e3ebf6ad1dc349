package org.jixiao.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one kind of request and counts it: closed loop (N users, each sending its next request as soon as the last
 * one answered: what the node can take) or open loop at a fixed rate (requests started on a schedule whatever the
 * node does: what a user waits at a given load). Latency at a fixed rate runs from the scheduled start, so a node
 * that falls behind shows it in p99 instead of hiding it by sending less (coordinated omission).
 */
final class LoadRun {

    /** One request; true when the node answered as it should, false (or an exception) otherwise. */
    @FunctionalInterface
    interface Request {
        boolean send(int user) throws Exception;
    }

    /** What a window measured: successes per second, latency percentiles of the successes, errors. */
    record Result(String what, int users, double seconds, long ok, long errors, long[] nanos, String firstError) {
        double perSecond() {
            return ok / seconds;
        }

        double millis(double quantile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(quantile * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        String line() {
            return String.format("%-34s %4d %9.1f/s  p50 %8.2f ms  p99 %8.2f ms  errors %d%s", what, users,
                    perSecond(), millis(0.50), millis(0.99), errors, firstError == null ? "" : "  (" + firstError + ")");
        }
    }

    /** Latencies of a window, from many threads. */
    private static final class Samples {
        private long[] values = new long[1 << 14];
        private int size;
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        volatile String firstError;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        void fail(String why) {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = why;
            }
        }

        synchronized long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }

    private LoadRun() {
    }

    /** {@code users} threads send requests back to back; only requests that start and end in the window count. */
    static Result closed(String what, int users, int warmupSeconds, int windowSeconds, Request request)
            throws InterruptedException {
        Samples samples = new Samples();
        long start = System.nanoTime();
        long from = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long to = from + TimeUnit.SECONDS.toNanos(windowSeconds);
        Thread[] threads = new Thread[users];
        for (int u = 0; u < users; u++) {
            int user = u;
            threads[u] = new Thread(() -> {
                long now;
                while ((now = System.nanoTime()) < to) {
                    boolean counted = now >= from;
                    boolean ok = attempt(request, user, samples, counted);
                    long took = System.nanoTime() - now;
                    if (ok && counted && now + took <= to) {
                        samples.ok.incrementAndGet();
                        samples.add(took);
                    }
                }
            }, what + "-" + u);
            threads[u].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(what, users, windowSeconds, samples.ok.get(), samples.errors.get(), samples.sorted(),
                samples.firstError);
    }

    /** Requests started {@code perSecond} a second for {@code seconds} on {@code pool}, whatever the node does. */
    static Result fixedRate(String what, double perSecond, int seconds, ExecutorService pool, Request request)
            throws InterruptedException {
        Samples samples = new Samples();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * seconds);
        AtomicLong done = new AtomicLong();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int user = (int) i;
            pool.execute(() -> {
                if (attempt(request, user, samples, true)) {
                    samples.ok.incrementAndGet();
                    samples.add(System.nanoTime() - due);
                }
                done.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Result(what + " @" + (long) perSecond + "/s", 0, seconds, samples.ok.get(), samples.errors.get(),
                samples.sorted(), samples.firstError);
    }

    private static boolean attempt(Request request, int user, Samples samples, boolean counted) {
        try {
            if (request.send(user)) {
                return true;
            }
            if (counted) {
                samples.fail("refused");
            }
        } catch (Exception e) {
            if (counted) {
                samples.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return false;
    }

    /** A pool for open-loop requests: as many threads as may wait on the node at once. */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rate");
            t.setDaemon(true);
            return t;
        });
    }
}
