package org.jixiao.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Facts about the node under test, shared by every test running against it. */
public final class Node {

    /** The admin's password once the initial one was replaced. */
    public static final String ADMIN_PASSWORD = "Harbor-Lamp-2026!";

    private static volatile boolean adminReady;

    private Node() {
    }

    public static int port() {
        return Integer.getInteger("jixiao.itest.port", 8181);
    }

    public static Path data() {
        return Path.of(System.getProperty("jixiao.data"));
    }

    public static String initialAdminPassword() throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(data().resolve("initial-admin-password"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p.getProperty("password");
    }

    /** A browser logged in as admin; the first call also replaces the initial password. */
    public static synchronized Browser admin() throws IOException, InterruptedException {
        Browser b = new Browser(port());
        if (!adminReady) {
            Browser.Response r = b.login("admin", initialAdminPassword(), ADMIN_PASSWORD);
            if (!r.redirectsTo("/home?changed=1")) {
                throw new IllegalStateException("admin first login failed: " + r.status() + " " + r.location());
            }
            adminReady = true;
        } else {
            b.login("admin", ADMIN_PASSWORD, null);
        }
        b.open("/home");
        return b;
    }

    /** Waits until the node answers and the employment project is active. */
    public static void awaitReady() throws InterruptedException {
        awaitProject("employment", "ACTIVE", 120_000);
    }

    /**
     * Waits until {@code /api/v1/health} reports the key project {@code id} in {@code state} (ACTIVE, FAILED, …).
     *
     * @return the health report that did
     */
    public static JsonObject awaitProject(String id, String state, long millis) throws InterruptedException {
        Browser b = new Browser(port());
        long deadline = System.currentTimeMillis() + millis;
        JsonObject health = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                Browser.Response r = b.get("/api/v1/health");
                if (r.status() == 200) {
                    health = JsonParser.parseString(r.body()).getAsJsonObject();
                    if (projectState(health, id).equals(state)) {
                        return health;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("key project " + id + " not " + state + " within " + millis / 1000 + " s: "
                + health);
    }

    /** The state the health report gives the key project {@code id}; ABSENT when it names no such project. */
    public static String projectState(JsonObject health, String id) {
        for (JsonElement e : health.getAsJsonArray("projects")) {
            JsonObject p = e.getAsJsonObject();
            if (p.get("id").getAsString().equals(id)) {
                return p.get("state").getAsString();
            }
        }
        return "ABSENT";
    }

    /** A browser logged in as {@code username}; on the first login the password is changed to {@code newPassword}. */
    public static Browser login(String username, String password, String newPassword)
            throws IOException, InterruptedException {
        Browser b = new Browser(port());
        Browser.Response r = b.login(username, password, newPassword);
        if (r.location() == null || !r.location().contains("/home")) {
            throw new IllegalStateException(username + " cannot log in: " + r.status() + " " + r.location());
        }
        return b;
    }
}
