package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.Role;
import org.jixiao.api.project.ProjectState;
import org.junit.jupiter.api.Test;

/** Both languages must carry the same keys, and every key the web layer names must exist. */
class BundleKeysTest {

    /** Every template of the bundle, folders included, so a new page is checked without being listed here. */
    static final List<String> TEMPLATES = templates();

    private static List<String> templates() {
        java.nio.file.Path root = java.nio.file.Path.of("src", "main", "resources", "templates");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            return files.map(f -> root.relativize(f).toString().replace('\\', '/')).filter(n -> n.endsWith(".ftlh"))
                    .map(n -> n.substring(0, n.length() - ".ftlh".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern MSG_LITERAL = Pattern.compile("msg\\(\"([^\"]+)\"");

    static Properties load(String resource) {
        try (InputStream in = BundleKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = BundleKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Properties ZH = load("i18n/web.properties");
    private static final Properties EN = load("i18n/web_en.properties");

    @Test
    void chineseAndEnglishHaveExactlyTheSameKeys() {
        Set<String> onlyZh = new TreeSet<>(ZH.stringPropertyNames());
        onlyZh.removeAll(EN.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(EN.stringPropertyNames());
        onlyEn.removeAll(ZH.stringPropertyNames());
        assertTrue(onlyZh.isEmpty() && onlyEn.isEmpty(),
                "only in web.properties: " + onlyZh + "; only in web_en.properties: " + onlyEn);
        assertEquals(ZH.stringPropertyNames(), EN.stringPropertyNames());
    }

    @Test
    void noMessageIsBlank() {
        List<String> blank = new ArrayList<>();
        for (Properties p : List.of(ZH, EN)) {
            for (String k : p.stringPropertyNames()) {
                if (p.getProperty(k).isBlank()) {
                    blank.add(k);
                }
            }
        }
        assertTrue(blank.isEmpty(), "blank messages: " + blank);
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        List<String> mismatched = new ArrayList<>();
        for (String k : ZH.stringPropertyNames()) {
            if (EN.containsKey(k) && !placeholders(ZH.getProperty(k)).equals(placeholders(EN.getProperty(k)))) {
                mismatched.add(k);
            }
        }
        assertTrue(mismatched.isEmpty(), "placeholders differ: " + mismatched);
    }

    /** The numbers of the placeholders of a pattern: {@code [0, 1]} of "{0} of {1}". */
    static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyLiteralKeyOfTheTemplatesExists() {
        Set<String> missing = new TreeSet<>();
        for (String t : TEMPLATES) {
            Matcher m = MSG_LITERAL.matcher(text("templates/" + t + ".ftlh"));
            while (m.find()) {
                String key = m.group(1);
                if (!key.endsWith(".") && !ZH.containsKey(key)) {
                    missing.add(t + ": " + key);
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from web.properties: " + missing);
    }

    @Test
    void everyEnumTheTemplatesTranslateHasItsKeys() {
        List<String> keys = new ArrayList<>(enumKeys("role.", Role.values()));
        keys.addAll(enumKeys("level.", OrgLevel.values()));
        keys.addAll(enumKeys("project.state.", ProjectState.values()));
        assertTranslated(keys);
    }

    /**
     * Fails naming each key that either language lacks: the keys code and templates build at run time, which
     * {@link #everyLiteralKeyOfTheTemplatesExists} cannot see.
     */
    static void assertTranslated(Collection<String> keys) {
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!ZH.containsKey(key)) {
                missing.add("zh " + key);
            }
            if (!EN.containsKey(key)) {
                missing.add("en " + key);
            }
        }
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }

    /** The key of each value of an enum, as the templates build it: the prefix and the value's name. */
    static List<String> enumKeys(String prefix, Enum<?>[] values) {
        List<String> keys = new ArrayList<>();
        for (Enum<?> value : values) {
            keys.add(prefix + value.name());
        }
        return keys;
    }
}
