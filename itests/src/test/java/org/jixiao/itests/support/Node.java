package org.jixiao.itests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Facts about the node under test, shared by every test running against it. */
public final class Node {

    /** The admin's password once the initial one was replaced. */
    public static final String ADMIN_PASSWORD = "Admin-Pass-2026!";

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
        Browser b = new Browser(port());
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                Browser.Response r = b.get("/api/v1/health");
                if (r.status() == 200 && r.body().contains("\"id\":\"employment\"")
                        && r.body().contains("\"state\":\"ACTIVE\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node not ready within 120 s");
    }
}
