package org.jixiao.core.internal.shell;

import static org.jixiao.api.testing.MessageFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console prints refusals in words: every message key the services behind the {@code jixiao:*} commands
 * refuse with has its text in both languages, the same text the pages show.
 */
class ConsoleMessagesTest {

    /** The sources of what the commands call: the cycle, the evaluation, and the commands themselves. */
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/org/jixiao/core/internal/performance/PerformanceCycleImpl.java"),
            Path.of("src/main/java/org/jixiao/core/internal/evaluation/EvaluationServiceImpl.java"),
            Path.of("src/main/java/org/jixiao/core/internal/shell/Console.java"));
    /** A field error as the services write it: {@code ValidationException.of("year", "cycle.year.range")}. */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?:ValidationException\\.of|\\.add)\\(\\s*\"[^\"]*\",\\s*\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");

    private static Set<String> refusals() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path source : SOURCES) {
            Matcher m = REFUSAL.matcher(Files.readString(source));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    @Test
    void everyRefusalTheCommandsMeetIsInWordsAsThePagesSayIt() throws IOException {
        Set<String> keys = refusals();
        assertTrue(keys.contains("evaluation.step.wrong") && keys.contains("cycle.year.range"), keys.toString());
        Properties zh = load(Path.of("src/main/resources/i18n/console.properties"));
        Properties en = load(Path.of("src/main/resources/i18n/console_en.properties"));
        Path web = Path.of("../org.jixiao.web/src/main/resources/i18n");
        Properties webZh = load(web.resolve("web.properties"));
        Properties webEn = load(web.resolve("web_en.properties"));
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!zh.containsKey(key) || !en.containsKey(key)) {
                missing.add(key);
            } else {
                assertEquals(webZh.getProperty(key), zh.getProperty(key), key + " as the pages say it");
                assertEquals(webEn.getProperty(key), en.getProperty(key), key + " as the pages say it");
            }
        }
        assertTrue(missing.isEmpty(), "add to i18n/console*.properties, as in web*.properties: " + missing);
        assertEquals(zh.stringPropertyNames(), en.stringPropertyNames());
        assertEquals(zh.getProperty("evaluation.step.wrong"), Console.message("evaluation.step.wrong"));
    }
}
