package org.jixiao.web.internal;

import static org.jixiao.api.testing.MessageFiles.load;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message of every resource bundle of the build (the web layer's, the core's, each key project's, each
 * assessment module's: every {@code i18n/*.properties} beside this bundle) in both languages: the same keys, the
 * same placeholders in each language, patterns that format, apostrophes that survive formatting, and no Chinese
 * in an English message but where it quotes what to type.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]");

    /** Each Chinese bundle of the build with its English one: {@code .../i18n/web.properties}. */
    static List<Path> chineseBundles() {
        try (Stream<Path> bundles = Files.list(Path.of(".."))) {
            List<Path> out = new ArrayList<>();
            for (Path bundle : bundles.sorted().toList()) {
                Path i18n = bundle.resolve("src/main/resources/i18n");
                if (Files.isDirectory(i18n)) {
                    try (Stream<Path> files = Files.list(i18n)) {
                        files.filter(f -> f.toString().endsWith(".properties") && !f.toString().contains("_"))
                                .sorted().forEach(out::add);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path english(Path chinese) {
        String name = chinese.getFileName().toString();
        return chinese.resolveSibling(name.replace(".properties", "_en.properties"));
    }

    @Test
    void theBundlesAreFound() {
        List<Path> bundles = chineseBundles();
        assertTrue(bundles.stream().anyMatch(p -> p.endsWith("org.jixiao.web/src/main/resources/i18n/web.properties")),
                bundles.toString());
        assertTrue(bundles.size() >= 4, bundles.toString());
    }

    @Test
    void everyMessageHasBothLanguagesWithTheSamePlaceholdersAndFormats() {
        List<String> problems = new ArrayList<>();
        for (Path zhPath : chineseBundles()) {
            Path enPath = english(zhPath);
            String where = zhPath.getParent().getParent().getParent().getParent().getParent().getFileName() + " "
                    + zhPath.getFileName();
            if (!Files.exists(enPath)) {
                problems.add(where + ": no English bundle");
                continue;
            }
            Properties zh = load(zhPath);
            Properties en = load(enPath);
            Set<String> keys = new TreeSet<>(zh.stringPropertyNames());
            keys.addAll(en.stringPropertyNames());
            for (String key : keys) {
                String z = zh.getProperty(key);
                String e = en.getProperty(key);
                if (z == null || e == null) {
                    problems.add(where + " " + key + ": only in " + (z == null ? "English" : "Chinese"));
                    continue;
                }
                Set<String> inZh = BundleKeysTest.placeholders(z);
                Set<String> inEn = BundleKeysTest.placeholders(e);
                if (!inZh.equals(inEn)) {
                    problems.add(where + " " + key + ": placeholders " + inZh + " in Chinese, " + inEn + " in English");
                }
                for (String text : List.of(z, e)) {
                    check(where + " " + key, text, problems);
                }
                if (CJK.matcher(e).find() && !PageLanguage.QUOTING_CHINESE.contains(key)) {
                    problems.add(where + " " + key + ": Chinese in the English text: " + e);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * A pattern with placeholders is formatted: it must parse, and an apostrophe must be doubled or it swallows the
     * text after it, placeholders included. A pattern without is shown as written, so a doubled one would show.
     */
    private static void check(String where, String text, List<String> problems) {
        if (BundleKeysTest.placeholders(text).isEmpty()) {
            if (text.contains("''")) {
                problems.add(where + ": '' in a message without placeholders shows doubled: " + text);
            }
            return;
        }
        try {
            String formatted = new MessageFormat(text).format(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            if (PLACEHOLDER.matcher(formatted).find()) {
                problems.add(where + ": a placeholder stays unfilled (an apostrophe quotes it?): " + text);
            }
            if (text.replace("''", "").contains("'")) {
                problems.add(where + ": a single apostrophe vanishes when formatted: " + text);
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": does not format (" + e.getMessage() + "): " + text);
        }
    }

    /** A field error as the services write it: {@code ValidationException.of("year", "cycle.year.range")}. */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?:ValidationException\\.of|\\.add)\\(\\s*\"[^\"]*\",\\s*\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");

    /** Every message key a service of the build refuses with, as a field error names it. */
    private static Set<String> refusals() {
        return refusals(Path.of(".."));
    }

    /** The refusal keys of the sources below {@code root}. */
    private static Set<String> refusals(Path root) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/")).toList()) {
                java.util.regex.Matcher m = REFUSAL.matcher(Files.readString(source));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * A field error carries only its key, so its message is shown without arguments: one that takes arguments
     * needs a {@code .brief} form (as a lock's reason, which the services give as a field error), or its "{0}"
     * would show on the page and in the JSON API.
     */
    @Test
    void aFieldErrorNeverShowsAnUnfilledPlaceholder() {
        Set<String> keys = refusals();
        assertTrue(keys.contains("evaluation.step.wrong") && keys.contains("milestone.doneOn.required"), keys.toString());
        List<String> problems = new ArrayList<>();
        for (Path zhPath : chineseBundles()) {
            for (Path path : List.of(zhPath, english(zhPath))) {
                Properties p = load(path);
                for (String key : p.stringPropertyNames()) {
                    boolean refusal = keys.contains(key) || key.startsWith("lock.") && !key.endsWith(Messages.BRIEF);
                    if (refusal && !BundleKeysTest.placeholders(p.getProperty(key)).isEmpty()
                            && !p.containsKey(key + Messages.BRIEF)) {
                        problems.add(path.getFileName() + " " + key + ": " + p.getProperty(key));
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "a field error with placeholders and no .brief form: " + problems);
    }

    /**
     * Every refusal has its text: in the web layer's bundle, which translates the core's and the register engine's,
     * or in the bundle of the key project that refuses with it ({@code target.locked} once showed as its key).
     */
    @Test
    void everyRefusalHasItsText() throws IOException {
        Set<String> web = load(Path.of("src/main/resources/i18n/web.properties")).stringPropertyNames();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(Path.of(".."))) {
            for (Path bundle : bundles.filter(b -> Files.isDirectory(b.resolve("src/main/java"))).sorted().toList()) {
                Set<String> own = new TreeSet<>(web);
                for (Path zh : chineseBundles()) {
                    if (zh.startsWith(bundle)) {
                        own.addAll(load(zh).stringPropertyNames());
                    }
                }
                for (String key : refusals(bundle.resolve("src/main/java"))) {
                    if (!own.contains(key)) {
                        missing.add(bundle.getFileName() + " " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "refusals without a message: " + missing);
    }

    @Test
    void aBrokenPatternIsFound() {
        List<String> problems = new ArrayList<>();
        check("x", "It's {0}", problems);
        check("y", "{0,choice,0#none|1<{0,number,#} more}", problems);
        check("z", "It''s done", problems);
        check("ok", "It''s {0}", problems);
        for (String name : List.of("x:", "y:", "z:")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(name)), name + " " + problems);
        }
        assertFalse(problems.stream().anyMatch(p -> p.startsWith("ok:")), problems.toString());
    }
}
