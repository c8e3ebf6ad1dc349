package org.jixiao.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's memory as the operating system and the JVM see it: resident set size from {@code /proc}, and with
 * {@code collect} the heap in use after a full GC, through {@code jcmd} (the JDK's, beside the harness's java).
 */
final class Footprint {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Footprint() {
    }

    static String of(String pid, boolean collect) {
        if (pid == null) {
            return "no pid= given";
        }
        try {
            StringBuilder out = new StringBuilder("RSS ").append(rssMb(pid)).append(" MB");
            if (collect) {
                jcmd(pid, "GC.run");
                // Every generation's line counts (the serial collector prints the young one first, empty after a
                // full GC, then the tenured one); Metaspace and class space are not heap.
                long usedKb = 0;
                for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
                    Matcher m = USED.matcher(line);
                    if (line.contains("total") && !line.contains("Metaspace") && !line.contains("class space")
                            && m.find()) {
                        usedKb += Long.parseLong(m.group(1));
                    }
                }
                out.append(", heap after a full GC ").append(usedKb / 1024).append(" MB, RSS after it ")
                        .append(rssMb(pid)).append(" MB");
            }
            return out.toString();
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long rssMb(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }
}
