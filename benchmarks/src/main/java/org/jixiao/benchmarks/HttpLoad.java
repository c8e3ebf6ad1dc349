package org.jixiao.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.Item;

/**
 * The HTTP load harness of issue 18: a running node (started by {@code benchmarks/load.sh} on its embedded defaults)
 * driven over HTTP the way its users drive it, each path measured in the same run against its baseline.
 *
 * <ul>
 * <li><b>writes</b>: county clerks POST youth records to {@code /api/v1/p/employment/youth} with their personal
 * tokens (a valid, unique resident ID number each, so every write is validated, encrypted, deduplicated, scoped,
 * audited and durably committed), N clients back to back; baseline: plain Derby INSERT+COMMIT on the same disk
 * ({@link DerbyInserts}).</li>
 * <li><b>answers</b>: anonymous respondents open {@code /q/<code>} and submit 15 ratings and a comment, each from
 * its own address behind the trusted proxy (the node limits requests per address), N back to back; baseline: the
 * answer service alone, no HTTP, on its own Derby ({@link AnswerFixture}). Then 20 respondents race one code
 * (exactly one must win), and the stored responses are counted against the accepted ones.</li>
 * <li><b>dashboard</b> (not run unless named): the city's dashboard one call at a time, against a static file.
 * <li><b>rates</b>: writes, answers and the city's dashboard ({@code /api/v1/dashboard}) at fixed rates at once for
 * a while, with a static file at the dashboard's rate as its baseline; then the node's footprint (RSS, and the heap
 * after a full GC through {@code jcmd}).</li>
 * </ul>
 *
 * <p>Arguments {@code key=value}: {@code url}, {@code data} (the node's data folder: the initial admin password),
 * {@code pid} (the node's process, for the footprint), {@code phases} (writes,answers,rates), {@code writers}
 * (1,4,16), {@code respondents} (1,8,32), {@code warmup} (5 s), {@code window} (10 s), {@code rates}
 * (writes=50,answers=100,dashboard=5 per second), {@code minutes} (the rates phase, 10).
 */
public final class HttpLoad {

    static final String PASSWORD = "Load-Harness-2026!";
    private static final String PHASES = "writes,answers,rates";
    private static final int COUNTIES = 10;
    private static final String[] CATEGORIES = {"STUDENT", "URBAN_YOUTH", "RURAL_YOUTH", "ENTREPRENEUR",
        "MIGRANT_WORKER"};

    private final Map<String, String> options;
    private final LoadClient web;
    private final int warmup;
    private final int window;
    private final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private final AtomicLong people = new AtomicLong();
    private final AtomicInteger addresses = new AtomicInteger();
    private final List<Long> counties = new ArrayList<>();
    private final List<String> clerkTokens = new ArrayList<>();
    private String cityToken;
    private long campaignId;
    private List<String> itemKeys;
    private final List<String> codes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextCode = new AtomicInteger();
    private final AtomicLong acceptedAnswers = new AtomicLong();
    private final List<String> report = new ArrayList<>();

    private HttpLoad(Map<String, String> options) {
        this.options = options;
        this.web = new LoadClient(options.getOrDefault("url", "http://127.0.0.1:8181"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        this.window = Integer.parseInt(options.getOrDefault("window", "10"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new HttpLoad(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<String> phases = list("phases", PHASES);
        say("# HTTP load harness, " + java.time.OffsetDateTime.now() + ", " + web.base + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load " + load());
        long t0 = System.nanoTime();
        setUp();
        say(String.format("set-up over HTTP: %d counties, %d clerks, %d codes issued, %.1f s", counties.size(),
                clerkTokens.size(), codes.size(), (System.nanoTime() - t0) / 1e9));
        Path scratch = Files.createTempDirectory(Path.of(options.getOrDefault("data", "/tmp")).toAbsolutePath()
                .getParent(), "baseline-");
        if (phases.contains("writes")) {
            writes(scratch);
        }
        if (phases.contains("answers")) {
            answers();
        }
        if (phases.contains("dashboard")) {
            dashboard();
        }
        if (phases.contains("rates")) {
            rates();
        }
        Fixture.delete(scratch);
        say("load " + load());
        System.out.println();
        System.out.println("## Summary");
        report.forEach(System.out::println);
    }

    // ---------------------------------------------------------------- set-up, over HTTP like an administrator

    private void setUp() throws Exception {
        LoadClient.Visitor admin = web.new Visitor(null, null);
        admin.login("admin", initialPassword(), PASSWORD);
        for (int i = 1; i <= COUNTIES; i++) {
            counties.add(id(expect(201, admin.json("POST", "/api/v1/org-units", "{\"parentId\":1,\"code\":\"load"
                    + i + "\",\"name\":\"负载第" + i + "县\",\"level\":\"COUNTY\"}"))));
        }
        expect(201, admin.json("POST", "/api/v1/perf/years", "{\"year\":" + year + "}"));
        for (int i = 0; i < COUNTIES; i++) {
            clerkTokens.add(tokenOf(admin, "load-clerk-" + (i + 1), counties.get(i), "STAFF"));
        }
        cityToken = tokenOf(admin, "load-city", 1, "ASSESSOR");
        if (!list("phases", PHASES).contains("answers") && !list("phases", PHASES).contains("rates")) {
            return;
        }
        LoadClient.Visitor team = web.new Visitor(cityToken, null);
        long questionnaire = id(expect(201, team.json("POST", "/api/v1/questionnaires", questionnaire())));
        StringBuilder quotas = new StringBuilder();
        for (String c : CATEGORIES) {
            quotas.append(quotas.length() > 0 ? "," : "").append("{\"category\":\"").append(c)
                    .append("\",\"quota\":2000}");
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String campaigns = "/api/v1/perf/years/" + year + "/campaigns";
        campaignId = id(expect(201, team.json("POST", campaigns, "{\"name\":\"负载测评\",\"questionnaireId\":"
                + questionnaire + ",\"orgUnitIds\":" + counties + ",\"quotas\":[" + quotas + "],\"minResponses\":30,"
                + "\"opens\":\"" + today.minusDays(1) + "\",\"closes\":\"" + today.plusDays(30) + "\"}")));
        String campaign = campaigns + "/" + campaignId;
        LoadClient.Response issued = team.json("POST", campaign + "/codes", null);
        if (issued.status() != 200 && issued.status() != 201) {
            throw new IllegalStateException("codes: " + issued.status() + " " + issued.body());
        }
        for (JsonElement e : JsonParser.parseString(expect(200, team.json("GET", campaign + "/codes", null)).body())
                .getAsJsonArray()) {
            codes.add(e.getAsJsonObject().get("code").getAsString());
        }
        Collections.shuffle(codes);
        expect(200, team.json("POST", campaign + "/open", null));
        JsonObject q = JsonParser.parseString(expect(200, team.json("GET", "/api/v1/questionnaires/" + questionnaire,
                null)).body()).getAsJsonObject();
        itemKeys = new ArrayList<>();
        for (JsonElement s : q.getAsJsonArray("sections")) {
            for (JsonElement i : s.getAsJsonObject().getAsJsonArray("items")) {
                itemKeys.add(i.getAsJsonObject().get("key").getAsString());
            }
        }
    }

    /** A user created by the admin, logged in once (the first login changes the password), with a personal token. */
    private String tokenOf(LoadClient.Visitor admin, String username, long unit, String role) throws Exception {
        expect(201, admin.json("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\""
                + username + "\",\"roles\":[\"" + role + "\"],\"orgUnitId\":" + unit + ",\"password\":\"First-"
                + PASSWORD + "\"}"));
        LoadClient.Visitor user = web.new Visitor(null, null);
        user.login(username, "First-" + PASSWORD, PASSWORD);
        return JsonParser.parseString(expect(201, user.json("POST", "/api/v1/tokens", "{\"name\":\"load\"}")).body())
                .getAsJsonObject().get("token").getAsString();
    }

    /** The shape of {@link AnswerFixture#draft()}: 3 sections of 5 ratings, 2 optional texts in the last one. */
    private static String questionnaire() {
        String scale = "[{\"labelZh\":\"很满意\",\"points\":100},{\"labelZh\":\"满意\",\"points\":80},"
                + "{\"labelZh\":\"一般\",\"points\":60},{\"labelZh\":\"不满意\",\"points\":0}]";
        StringBuilder sections = new StringBuilder();
        for (int s = 1; s <= 3; s++) {
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= 5; i++) {
                items.append(items.length() > 0 ? "," : "").append("{\"kind\":\"RATING\",\"textZh\":\"第").append(s)
                        .append("部分第").append(i).append("题\",\"weight\":").append(i == 1 ? 2 : 1)
                        .append(",\"required\":true,\"choices\":").append(scale).append('}');
            }
            if (s == 3) {
                items.append(",{\"kind\":\"TEXT\",\"textZh\":\"您对团委工作的意见和建议\",\"weight\":0,\"required\":false}")
                        .append(",{\"kind\":\"TEXT\",\"textZh\":\"其他需要说明的情况\",\"weight\":0,\"required\":false}");
            }
            sections.append(sections.length() > 0 ? "," : "").append("{\"titleZh\":\"第").append(s)
                    .append("部分\",\"items\":[").append(items).append("]}");
        }
        return "{\"type\":\"YOUTH\",\"titleZh\":\"青年评价测评表\",\"sections\":[" + sections + "]}";
    }

    // ---------------------------------------------------------------- writes

    private void writes(Path scratch) throws Exception {
        say("");
        say("## Durable writes: youth POST over the JSON API against plain Derby INSERT+COMMIT on the same disk");
        try (DerbyInserts derby = new DerbyInserts(scratch.resolve("derby"))) {
            for (int n : ints("writers", "1,4,16")) {
                LoadRun.Result base = derby.run(n, warmup, window);
                LoadRun.Result node = LoadRun.closed("youth POST /api/v1/p/employment/youth", n, warmup, window,
                        this::write);
                compare("writes", n, node, base);
            }
        }
    }

    private boolean write(int user) throws Exception {
        int county = user % COUNTIES;
        LoadClient.Response r = web.new Visitor(clerkTokens.get(county), null).json("POST",
                "/api/v1/p/employment/youth", youth(counties.get(county), people.incrementAndGet()));
        return accepted(r, 201);
    }

    /** A youth with a valid resident ID number of its own: birth date and sex agree with the number. */
    static String youth(long county, long person) {
        LocalDate born = LocalDate.of(1990, 1, 1).plusDays(person / 499);
        int sequence = (int) (person % 499) * 2 + 1;
        String id = IdNumbers.of("320102", born, sequence);
        return "{\"name\":\"青年" + person + "\",\"gender\":\"M\",\"birthDate\":\"" + born + "\",\"idNumber\":\"" + id
                + "\",\"unit\":\"" + county + "\",\"education\":\"BACHELOR\",\"type\":\"JOB_SEEKING\"}";
    }

    // ---------------------------------------------------------------- answers

    private void answers() throws Exception {
        say("");
        say("## Questionnaire answers: GET + POST /q/<code> against the answer service alone (no HTTP)");
        say("(the service's own Derby is built first: 100,000 codes issued, about 30 s)");
        try (AnswerFixture service = new AnswerFixture(1)) {
            List<String> serviceCodes = new ArrayList<>(service.codes.stream().map(AccessCode::code).toList());
            Collections.shuffle(serviceCodes);
            AtomicInteger nextServiceCode = new AtomicInteger();
            List<Item> items = service.questionnaire.items();
            for (int n : ints("respondents", "1,8,32")) {
                LoadRun.Result base = LoadRun.closed("AnswerService.submit", n, warmup, window, user -> {
                    service.answers.submit(serviceCodes.get(nextServiceCode.getAndIncrement()), answersTo(items));
                    return true;
                });
                LoadRun.Result node = LoadRun.closed("GET+POST /q/<code>", n, warmup, window, this::answer);
                compare("answers", n, node, base);
            }
        }
        race(20);
        stored();
    }

    private List<Answer> answersTo(List<Item> items) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Answer> out = new ArrayList<>();
        for (Item item : items) {
            out.add(item.scored() ? new Answer(item.key(), 1 + random.nextInt(4), null)
                    : out.size() == 15 ? new Answer(item.key(), null, "希望多组织招聘会") : new Answer(item.key(), null, null));
        }
        return out;
    }

    private boolean answer(int user) throws Exception {
        String code = codes.get(nextCode.getAndIncrement());
        if (answer(respondent(), code)) {
            acceptedAnswers.incrementAndGet();
            return true;
        }
        return false;
    }

    /** A phone on a mobile network: an address of its own behind the proxy, a fresh session. */
    private LoadClient.Visitor respondent() {
        int a = addresses.incrementAndGet();
        return web.new Visitor(null, "10." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255));
    }

    private boolean answer(LoadClient.Visitor phone, String code) throws Exception {
        LoadClient.Response ballot = phone.open("/q/" + code);
        if (ballot.status() != 200) {
            throw new IllegalStateException("GET /q " + ballot.status());
        }
        return phone.post("/q/" + code, form()).redirectsTo("/q/thanks");
    }

    private Map<String, String> form() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, String> form = new LinkedHashMap<>();
        for (String key : itemKeys) {
            form.put("a." + key, form.size() < 15 ? String.valueOf(1 + random.nextInt(4)) : "");
        }
        form.put("a." + itemKeys.get(15), "希望多组织招聘会");
        return form;
    }

    /** {@code racers} respondents who each opened the same ballot submit it at the same moment: one may win. */
    private void race(int racers) throws Exception {
        String code = codes.get(nextCode.getAndIncrement());
        List<LoadClient.Visitor> phones = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            LoadClient.Visitor phone = respondent();
            phone.open("/q/" + code);
            phones.add(phone);
        }
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (LoadClient.Visitor phone : phones) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    LoadClient.Response r = phone.post("/q/" + code, form());
                    statuses.merge(r.status(), 1, Integer::sum);
                    if (r.redirectsTo("/q/thanks")) {
                        won.incrementAndGet();
                    }
                } catch (Exception e) {
                    statuses.merge(-1, 1, Integer::sum);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        acceptedAnswers.addAndGet(won.get());
        String line = String.format("%d respondents race one code: %d accepted (statuses %s) — %s", racers, won.get(),
                statuses, won.get() == 1 ? "ok" : "WRONG");
        say(line);
        report.add("answers race: " + line);
    }

    /** The campaign's stored responses, as the city's results count them, against what the node accepted. */
    private void stored() throws Exception {
        LoadClient.Visitor team = web.new Visitor(cityToken, null);
        long responses = 0;
        for (JsonElement unit : JsonParser.parseString(expect(200, team.json("GET", "/api/v1/perf/years/" + year
                + "/campaigns/" + campaignId + "/scores", null)).body()).getAsJsonArray()) {
            responses += unit.getAsJsonObject().get("responses").getAsLong();
        }
        String line = String.format("stored responses %d, accepted %d (of %d codes sent) — %s", responses,
                acceptedAnswers.get(), nextCode.get(), responses == acceptedAnswers.get() ? "equal" : "DIFFER");
        say(line);
        report.add("answers stored: " + line);
    }

    // ---------------------------------------------------------------- the dashboard alone

    /** The city's dashboard one call at a time, after whatever the phases before it wrote, and a static file's. */
    private void dashboard() throws Exception {
        say("");
        say("## The city's dashboard (/api/v1/dashboard), one client, against a static file of the same node");
        LoadClient.Visitor city = web.new Visitor(cityToken, null);
        LoadRun.Result base = LoadRun.closed("GET /static/jixiao.css", 1, warmup, window,
                user -> accepted(city.get("/static/jixiao.css"), 200));
        LoadRun.Result node = LoadRun.closed("GET /api/v1/dashboard", 1, warmup, window,
                user -> accepted(city.json("GET", "/api/v1/dashboard", null), 200));
        compare("dashboard", 1, node, base);
    }

    // ---------------------------------------------------------------- fixed rates, then the footprint

    private void rates() throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String r : list("rates", "writes=50,answers=100,dashboard=5")) {
            rates.put(r.substring(0, r.indexOf('=')), Double.valueOf(r.substring(r.indexOf('=') + 1)));
        }
        int seconds = (int) (Double.parseDouble(options.getOrDefault("minutes", "10")) * 60);
        say("");
        say("## Fixed rates for " + seconds + " s at once: " + rates + " (latency from each request's scheduled start)");
        say("footprint before: " + Footprint.of(options.get("pid"), false));
        ExecutorService pool = LoadRun.pool(256);
        LoadClient.Visitor city = web.new Visitor(cityToken, null);
        Map<String, LoadRun.Request> kinds = Map.of(
                "writes", this::write,
                "answers", this::answer,
                "dashboard", user -> accepted(city.json("GET", "/api/v1/dashboard", null), 200),
                "static", user -> accepted(city.get("/static/jixiao.css"), 200));
        rates.putIfAbsent("dashboard", 0.0);
        Map<String, LoadRun.Result> results = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, Double> r : rates.entrySet()) {
            if (r.getValue() > 0) {
                threads.add(started(() -> results.put(r.getKey(), rate(r.getKey(), r.getValue(), seconds, pool,
                        kinds.get(r.getKey())))));
            }
        }
        if (rates.get("dashboard") > 0) {
            // The dashboard's baseline: a static file of the same node at the same rate, through the same stack.
            threads.add(started(() -> results.put("static", rate("static", rates.get("dashboard"), seconds, pool,
                    kinds.get("static")))));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (String k : List.of("writes", "answers", "dashboard", "static")) {
            if (results.containsKey(k)) {
                say(results.get(k).line());
                report.add("rates: " + results.get(k).line());
            }
        }
        if (results.containsKey("dashboard") && results.containsKey("static")) {
            String ratio = String.format("rates: dashboard p50 %.2f ms = %.1f × the static file's %.2f ms",
                    results.get("dashboard").millis(0.5),
                    results.get("dashboard").millis(0.5) / results.get("static").millis(0.5),
                    results.get("static").millis(0.5));
            say(ratio);
            report.add(ratio);
        }
        String footprint = "footprint after " + seconds + " s: " + Footprint.of(options.get("pid"), true);
        say(footprint);
        report.add(footprint);
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private LoadRun.Result rate(String kind, double perSecond, int seconds, ExecutorService pool,
            LoadRun.Request request) {
        try {
            return LoadRun.fixedRate(kind, perSecond, seconds, pool, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void compare(String what, int n, LoadRun.Result node, LoadRun.Result base) {
        say(base.line());
        say(node.line());
        String line = String.format("%-8s %3d clients: node %8.1f/s (p50 %6.2f, p99 %7.2f ms, %d errors), baseline"
                + " %8.1f/s: ratio %.2f", what, n, node.perSecond(), node.millis(0.5), node.millis(0.99),
                node.errors(), base.perSecond(), node.perSecond() / base.perSecond());
        say(line);
        report.add(line);
    }

    private static boolean accepted(LoadClient.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("HTTP " + r.status() + " "
                    + r.body().substring(0, Math.min(160, r.body().length())).replaceAll("\\s+", " "));
        }
        return true;
    }

    private static LoadClient.Response expect(int status, LoadClient.Response r) {
        accepted(r, status);
        return r;
    }

    private static long id(LoadClient.Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
    }

    private String initialPassword() throws Exception {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(options.getOrDefault("data", "jixiao-data"))
                .resolve("initial-admin-password"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p.getProperty("password");
    }

    private List<String> list(String key, String fallback) {
        return Arrays.asList(options.getOrDefault(key, fallback).split(","));
    }

    private int[] ints(String key, String fallback) {
        return list(key, fallback).stream().mapToInt(Integer::parseInt).toArray();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static {
        Locale.setDefault(Locale.US); // figures printed with a dot; Derby refuses the root locale
    }
}
