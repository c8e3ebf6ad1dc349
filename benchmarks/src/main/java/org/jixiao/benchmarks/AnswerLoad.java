package org.jixiao.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.Item;

/**
 * Answer submissions under load: N threads take fresh codes from one shared queue and call
 * {@code AnswerService.submit(code, answers)} with every item answered (a random level on each of the 15 rating
 * items, a short text on the first text item), each submission one durable transaction. For each N, a warm-up and
 * then a timed window: submissions per second (those that finished inside the window) and their latency. Then the
 * contended case: 20 threads submit the SAME code at once, 200 times. At the end the store is counted: responses,
 * answers and used codes against the successful submissions.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.jixiao.benchmarks.AnswerLoad 1 2 4 8 16 32</pre>
 *
 * Properties: {@code -Dwarmup=5} and {@code -Dmeasure=10} seconds per thread count, {@code -Dcontended=200} rounds
 * of {@code -Dcontenders=20} threads, {@code -Dcampaigns=1} (the codes split over that many campaigns, to see the
 * campaign row's lock at work), {@code -Dpool=8} connections.
 */
public final class AnswerLoad {

    private static final String[] TEXTS = {"希望多组织青年活动", "团委工作很扎实", "建议加强就业服务", "希望增加志愿服务机会",
        "活动通知可以更早一些", "无"};

    private AnswerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 5);
        int measure = Integer.getInteger("measure", 10);
        int contended = Integer.getInteger("contended", 200);
        int contenders = Integer.getInteger("contenders", 20);
        int campaignCount = Integer.getInteger("campaigns", 1);
        int[] threads = args.length == 0 ? new int[] {1, 2, 4, 8, 16, 32}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();

        System.out.printf("machine: %d cores, %s, Java %s; load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"), load());
        try (AnswerFixture f = new AnswerFixture(campaignCount)) {
            System.out.printf("fixture: %s, pool %d; %d counties, %d campaign(s), questionnaire of %d items"
                    + " (%d scored); set-up %,d ms; issued %,d codes in %,d ms (issueCodes); opened in %,d ms%n",
                    f.store.engine(), f.poolSize, AnswerFixture.COUNTIES, f.campaigns.size(),
                    f.questionnaire.items().size(), f.questionnaire.items().stream().filter(Item::scored).count(),
                    f.setUpMillis, f.codes.size(), f.issueMillis, f.openMillis);

            List<String> all = new ArrayList<>(f.codes.stream().map(AccessCode::code).toList());
            Collections.shuffle(all, new Random(42));
            // The contended case's codes are kept apart, so that they are still fresh when it runs.
            List<String> contendedCodes = new ArrayList<>(all.subList(0, contended));
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(all.subList(contended, all.size()));
            Set<String> succeeded = ConcurrentHashMap.newKeySet();

            System.out.printf("%n%7s %9s %8s %8s %8s %8s %8s %7s | %s%n", "threads", "ok/s", "p50 ms", "p95 ms",
                    "p99 ms", "max ms", "mean ms", "failed", "mean per submission, ms: campaign read, other reads,"
                    + " pool wait, campaign lock (wait), other SQL, commit; lock held; lock busy; the JVM's"
                    + " CPU; transactions retried after a deadlock");
            for (int n : threads) {
                String before = load();
                Phase p = phase(f, n, warmup, measure, queue, succeeded);
                System.out.printf("%7d %s (load %s -> %s)%n", n, p.report(f.campaigns.size()), before, load());
            }

            String before = load();
            contend(f, contendedCodes, contenders, succeeded);
            System.out.printf("  (load %s -> %s)%n", before, load());
            verify(f, succeeded);
        }
        System.out.printf("load at the end: %s%n", load());
    }

    /** What one thread count gave in its timed window. */
    private static final class Phase {
        long ok;
        double seconds;
        long[] latencies = new long[0];
        /** The store's share of the counted submissions, summed. */
        final TimedStore.Sample time = new TimedStore.Sample();
        final Map<String, Long> failed = new TreeMap<>();
        boolean ranOut;
        /** CPU time of the whole JVM (the harness and the embedded Derby) during the window. */
        long cpuNanos;

        /** Throughput, latency, failures and the store's share, on one line. */
        String report(int campaigns) {
            TimedStore.Sample t = time;
            long failures = failed.values().stream().mapToLong(Long::longValue).sum();
            return String.format("%9.1f %8.2f %8.2f %8.2f %8.2f %8.2f %7d | %.2f, %.2f, %.2f, %.2f, %.2f, %.2f; %.2f;"
                    + " %.0f %%; CPU %.2f ms a submission, %.2f cores (%,d in %.1f s); %d retried%s%s", ok / seconds,
                    pct(50),
                    pct(95), pct(99), pct(100), mean(), failures, avg(t.campaignRead), avg(t.reads), avg(t.borrow),
                    avg(t.lockWait), avg(t.work - t.lockWait), avg(t.commit), avg(t.lockHeld),
                    100.0 * t.lockHeld / 1e9 / seconds / campaigns, cpuNanos / 1e6 / Math.max(1, ok),
                    cpuNanos / 1e9 / seconds, ok, seconds, t.retries, failed.isEmpty() ? "" : " failures: " + failed,
                    ranOut ? " CODES RAN OUT: window cut short" : "");
        }

        double pct(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }

        double mean() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }

        double avg(long nanos) {
            return ok == 0 ? Double.NaN : nanos / 1e6 / ok;
        }
    }

    /** What one worker saw; merged after the phase. */
    private static final class Worker {
        long[] latencies = new long[1024];
        int count;
        final TimedStore.Sample time = new TimedStore.Sample();
        final Map<String, Long> failed = new TreeMap<>();
        /** When the queue was found empty; 0 while it was not. */
        long ranOutAt;
    }

    private static Phase phase(AnswerFixture f, int n, int warmup, int measure, ConcurrentLinkedQueue<String> queue,
            Set<String> succeeded) throws Exception {
        long start = System.nanoTime();
        long from = start + warmup * 1_000_000_000L;
        long to = from + measure * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Worker>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> work(f, queue, succeeded, from, to)));
        }
        Phase p = new Phase();
        long cpuFrom = sleepUntil(from);
        long cpuTo = sleepUntil(to);
        long lastEnd = to;
        List<long[]> all = new ArrayList<>();
        for (Future<Worker> future : futures) {
            Worker w = future.get();
            all.add(Arrays.copyOf(w.latencies, w.count));
            p.ok += w.count;
            p.time.add(w.time);
            w.failed.forEach((k, v) -> p.failed.merge(k, v, Long::sum));
            if (w.ranOutAt != 0) {
                lastEnd = Math.min(lastEnd, w.ranOutAt);
                p.ranOut = true;
            }
        }
        pool.shutdown();
        p.seconds = (Math.min(lastEnd, to) - from) / 1e9;
        p.cpuNanos = lastEnd < to ? 0 : cpuTo - cpuFrom;
        p.latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return p;
    }

    /** Submits fresh codes until the window closes; counts what finished inside it. */
    private static Worker work(AnswerFixture f, ConcurrentLinkedQueue<String> queue, Set<String> succeeded,
            long from, long to) {
        Worker w = new Worker();
        List<Item> items = f.questionnaire.items();
        while (System.nanoTime() < to) {
            String code = queue.poll();
            if (code == null) {
                w.ranOutAt = System.nanoTime();
                break;
            }
            List<Answer> answers = answers(items);
            TimedStore.Sample s = TimedStore.start();
            long t0 = System.nanoTime();
            try {
                f.answers.submit(code, answers);
                succeeded.add(code);
            } catch (RuntimeException e) {
                if (System.nanoTime() >= from) {
                    w.failed.merge(reason(e), 1L, Long::sum);
                }
                continue;
            }
            long t1 = System.nanoTime();
            if (t0 >= from && t1 <= to) {
                if (w.count == w.latencies.length) {
                    w.latencies = Arrays.copyOf(w.latencies, w.count * 2);
                }
                w.latencies[w.count++] = t1 - t0;
                w.time.add(s);
            }
        }
        return w;
    }

    /** Every item answered: a random level on each scored item, a short text on the first text item only. */
    static List<Answer> answers(List<Item> items) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<Answer> out = new ArrayList<>(items.size());
        boolean text = false;
        for (Item item : items) {
            if (item.scored()) {
                out.add(new Answer(item.key(), 1 + r.nextInt(item.choices().size()), null));
            } else if (!text) {
                out.add(new Answer(item.key(), null, TEXTS[r.nextInt(TEXTS.length)]));
                text = true;
            }
        }
        return out;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return String.join(",", v.fieldErrors().values());
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** {@code contenders} threads submit one fresh code at the same moment, once per code; exactly one may win. */
    private static void contend(AnswerFixture f, List<String> codes, int contenders, Set<String> succeeded)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CyclicBarrier barrier = new CyclicBarrier(contenders);
        List<Item> items = f.questionnaire.items();
        int exactlyOne = 0;
        long wins = 0;
        Map<String, Long> refused = new TreeMap<>();
        Map<Integer, Integer> winsPerRound = new TreeMap<>();
        long[] roundNanos = new long[codes.size()];
        for (int r = 0; r < codes.size(); r++) {
            String code = codes.get(r);
            long t0 = System.nanoTime();
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                futures.add(pool.submit(() -> {
                    List<Answer> answers = answers(items);
                    barrier.await();
                    try {
                        f.answers.submit(code, answers);
                        return null;
                    } catch (RuntimeException e) {
                        return reason(e);
                    }
                }));
            }
            int won = 0;
            for (Future<String> future : futures) {
                String why = future.get();
                if (why == null) {
                    won++;
                } else {
                    refused.merge(why, 1L, Long::sum);
                }
            }
            roundNanos[r] = System.nanoTime() - t0;
            if (won > 0) {
                succeeded.add(code);
            }
            wins += won;
            winsPerRound.merge(won, 1, Integer::sum);
            if (won == 1) {
                exactlyOne++;
            }
        }
        pool.shutdown();
        Arrays.sort(roundNanos);
        System.out.printf("%ncontended: %d rounds of %d threads submitting the same fresh code at once: exactly one"
                + " accepted in %d of %d rounds (%s rounds by number accepted); %d accepted in all; refusals: %s;"
                + " a round took median %.1f ms, max %.1f ms%n", codes.size(), contenders, exactlyOne, codes.size(),
                winsPerRound, wins, refused, roundNanos[roundNanos.length / 2] / 1e6,
                roundNanos[roundNanos.length - 1] / 1e6);
        if (exactlyOne != codes.size()) {
            System.out.println("CONTENDED CHECK FAILED");
        }
    }

    /**
     * The store against the harness: one response, 16 answers and one used code per accepted submission; responses
     * still held for the next shuffled batch count.
     */
    private static void verify(AnswerFixture f, Set<String> succeeded) {
        long responses = f.count("SELECT COUNT(*) FROM JX_QNR_RESPONSE") + f.count("SELECT COUNT(*) FROM"
                + " JX_QNR_HELD_RESPONSE");
        long answers = f.count("SELECT COUNT(*) FROM JX_QNR_ANSWER") + f.count("SELECT COUNT(*) FROM"
                + " JX_QNR_HELD_ANSWER");
        long used = f.count("SELECT COUNT(*) FROM JX_QNR_CODE WHERE USED = 1");
        long codes = f.count("SELECT COUNT(*) FROM JX_QNR_CODE");
        Set<String> usedCodes = f.usedCodes();
        long perResponse = f.questionnaire.items().stream().filter(Item::scored).count() + 1;
        boolean ok = responses == succeeded.size() && used == succeeded.size() && usedCodes.equals(succeeded)
                && answers == perResponse * responses;
        System.out.printf("%nverify: %,d submissions accepted (distinct codes); stored: %,d responses, %,d answers"
                + " (%d each), %,d of %,d codes used, the used codes %s the accepted ones: %s%n", succeeded.size(),
                responses, answers, perResponse, used, codes, usedCodes.equals(succeeded) ? "are exactly" : "are NOT",
                ok ? "OK" : "FAILED");
    }

    /** Sleeps until {@code nanoTime} reaches {@code when}; the JVM's CPU time then. */
    private static long sleepUntil(long when) throws InterruptedException {
        long left;
        while ((left = when - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
