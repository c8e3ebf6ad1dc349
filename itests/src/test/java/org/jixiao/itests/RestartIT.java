package org.jixiao.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.jixiao.itests.support.Browser;
import org.jixiao.itests.support.Browser.Response;
import org.jixiao.itests.support.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/**
 * The README's own command: {@code ./jixiao start} on the built distribution, then stop and start again with
 * the same data folder. Records, the changed password and the encryption key all survive the restart.
 */
class RestartIT {

    private final Path root = Path.of(System.getProperty("jixiao.root", "..")).toAbsolutePath().normalize();
    private final Path data = Path.of(System.getProperty("jixiao.itest.dir", "target/it"), "restart-data")
            .toAbsolutePath();
    private final int port = freePort();
    private final int sshPort = freePort();

    private String jixiao(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jixiao").toString(), command).directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JIXIAO_PORT", String.valueOf(port));
        env.put("JIXIAO_SSH_PORT", String.valueOf(sshPort));
        env.put("JIXIAO_DATA", data.toString());
        // The build just made the distribution; a rebuild from inside the build would race with it.
        env.put("JIXIAO_NO_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "jixiao " + command + " timed out");
        assertEquals(0, p.exitValue(), "jixiao " + command + ": " + out);
        return out;
    }

    @AfterEach
    void stop() throws Exception {
        jixiao("stop");
    }

    @Test
    void dataPasswordAndKeySurviveARestart() throws Exception {
        deleteTree(data.toFile());
        long started = System.nanoTime();
        String out = jixiao("start");
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("cold start (./jixiao start to login page 200): " + coldMillis + " ms");
        assertTrue(out.contains("http://localhost:" + port + "/"), out);
        assertTrue(out.contains("initial-admin-password"), out);
        Path passwordFile = data.resolve("initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        Properties initial = new Properties();
        try (var in = Files.newBufferedReader(passwordFile)) {
            initial.load(in);
        }

        Browser admin = new Browser(port);
        assertTrue(admin.login("admin", initial.getProperty("password"), "Restart-Pass-2026").redirectsTo(
                "/home?changed=1"));
        admin.open("/home");
        Response unit = admin.json("POST", "/api/v1/org-units",
                "{\"parentId\":1,\"code\":\"restart\",\"name\":\"重启县\",\"level\":\"COUNTY\"}", null);
        assertEquals(201, unit.status(), unit.body());
        long county = JsonParser.parseString(unit.body()).getAsJsonObject().get("id").getAsLong();
        String person = Ids.of("320102", "20000229", "456");
        Response youth = admin.json("POST", "/api/v1/p/employment/youth", "{\"name\":\"赵六\",\"gender\":\"F\","
                + "\"birthDate\":\"2000-02-29\",\"idNumber\":\"" + person + "\",\"unit\":\"" + county
                + "\",\"education\":\"MASTER_OR_ABOVE\",\"type\":\"ENTREPRENEUR\"}", null);
        assertEquals(201, youth.status(), youth.body());
        long id = JsonParser.parseString(youth.body()).getAsJsonObject().get("id").getAsLong();
        // The database files alone do not hold the ID number in clear.
        assertTrue(Files.exists(data.resolve("keys")));

        jixiao("stop");
        started = System.nanoTime();
        jixiao("start");
        System.out.println("restart with data (./jixiao start to login page 200): "
                + (System.nanoTime() - started) / 1_000_000 + " ms");

        Browser again = new Browser(port);
        assertTrue(again.login("admin", "Restart-Pass-2026", null).redirectsTo("/home"));
        assertEquals(401, new Browser(port).login("admin", initial.getProperty("password"), null).status());
        Response record = again.json("GET", "/api/v1/p/employment/youth/" + id + "/reveal/idNumber", null, null);
        assertEquals(200, record.status(), record.body());
        assertTrue(record.body().contains(person), "the ID number decrypts with the kept key");
        assertTrue(again.get("/home").body().contains("重启县") || again.get("/admin/units").body().contains("重启县"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
