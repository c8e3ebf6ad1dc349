package org.jixiao.itests.support;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Debian's Chromium, driven by playwright-core scripts in {@code itests/browser}, against the node under test.
 * Where Chromium is not installed the calling test is skipped, unless {@code JIXIAO_BROWSER_TESTS=required} (as in
 * CI), when it fails: a browser test must never pass by not running.
 */
public final class Chromium {

    private Chromium() {
    }

    private static Path root() {
        return Path.of(System.getProperty("jixiao.root", "..")).resolve("itests/browser");
    }

    /** Where a browser test leaves what it saw (screenshots, PDF files): kept with the build's test output. */
    public static Path out() throws IOException {
        Path out = Path.of(System.getProperty("jixiao.itest.dir", "target/it"), "browser").toAbsolutePath();
        return Files.createDirectories(out);
    }

    /** Skips the test where no browser is installed, or fails it where one is required. */
    public static void require() {
        boolean present = new File("/usr/bin/chromium").canExecute()
                && Files.isDirectory(root().resolve("node_modules/playwright-core"));
        if (!present && "required".equals(System.getenv("JIXIAO_BROWSER_TESTS"))) {
            throw new AssertionError("Chromium or playwright-core is missing, and JIXIAO_BROWSER_TESTS=required");
        }
        assumeTrue("Debian's chromium is not installed: the browser test is skipped (CI installs it)", present);
    }

    /** Runs {@code script} with the node's address and these arguments; its one line of JSON, without an error. */
    public static JsonObject run(String script, String... args) throws IOException, InterruptedException {
        require();
        List<String> line = new ArrayList<>(List.of("node", root().resolve(script).toString(),
                "http://127.0.0.1:" + Node.port()));
        line.addAll(List.of(args));
        Process p = new ProcessBuilder(line).redirectError(out().resolve(script + ".err").toFile()).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(script + " finished", p.waitFor(180, TimeUnit.SECONDS));
        JsonObject seen = JsonParser.parseString(json).getAsJsonObject();
        assertFalse(json, seen.has("error"));
        return seen;
    }

    /** The text of a PDF file and its page count, read with poppler's pdftotext and pdfinfo. */
    public record Pdf(String text, int pages) {
    }

    public static Pdf pdf(Path file) throws IOException, InterruptedException {
        String text = command("pdftotext", "-layout", file.toString(), "-");
        String info = command("pdfinfo", file.toString());
        int pages = Integer.parseInt(info.lines().filter(l -> l.startsWith("Pages:")).findFirst()
                .orElseThrow(() -> new AssertionError("no page count: " + info)).substring(6).strip());
        return new Pdf(text, pages);
    }

    private static String command(String... line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", line), p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        return out;
    }
}
