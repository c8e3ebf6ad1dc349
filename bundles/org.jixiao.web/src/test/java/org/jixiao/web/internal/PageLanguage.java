package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every rendered page must hold as to language: no {@code {0}} left unfilled, no message key shown in place
 * of its text, no Chinese on an English page and no English message on a Chinese page, except the data the page
 * was given (names of units and people, what users typed), which is whatever language it is.
 */
final class PageLanguage {

    private static final Properties ZH = BundleKeysTest.load("i18n/web.properties");
    private static final Properties EN = BundleKeysTest.load("i18n/web_en.properties");

    /** Han, CJK punctuation and full-width forms: Chinese script on a page. */
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF"
            + "\\uFF00-\\uFFEF]+");
    /** A MessageFormat placeholder that no argument filled. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?}");
    /** A word that looks like a message key of the bundle: one of its families, a dot, more. */
    private static final Pattern KEY = Pattern.compile("(?<=[>\\s\"(])([a-z][A-Za-z]*)\\.[A-Za-z][A-Za-z0-9_.]*(?=[<\\s\")])");
    /** The first segment of every key of the bundle: {@code milestone} of {@code milestone.due}. */
    private static final Set<String> FAMILIES = families();
    /**
     * English messages that quote Chinese on purpose, as examples of what to type: their Chinese may show on an
     * English page. No other English message holds Chinese.
     */
    static final Set<String> QUOTING_CHINESE = Set.of("manual.unitZh", "builder.choices.hint",
            "register.error.money", "register.import.rule.MONEY", "credit.field.loanAmount.help",
            "loan.field.amount.help");
    /** Text an element marks as the other language on purpose, such as the link to switch to it. */
    private static final Pattern MARKED = Pattern.compile("<(\\w+)[^>]*\\slang=\"([^\"]+)\"[^>]*>[^<]*</\\1>");

    /** Literal runs of English messages long enough to be text, not a word both languages share. */
    private static final List<String> ENGLISH = englishFragments();

    private PageLanguage() {
    }

    private static Set<String> families() {
        Set<String> out = new TreeSet<>();
        for (String k : ZH.stringPropertyNames()) {
            out.add(k.substring(0, k.contains(".") ? k.indexOf('.') : k.length()));
        }
        return out;
    }

    private static List<String> englishFragments() {
        List<String> out = new ArrayList<>();
        for (String k : EN.stringPropertyNames()) {
            String en = EN.getProperty(k);
            if (en.equals(ZH.getProperty(k))) {
                continue;
            }
            // The literal runs between placeholders and quotes, as they appear on a page.
            for (String run : en.replace("''", "'").split("\\{[^}]*}|'")) {
                String r = run.strip();
                if (r.length() >= 14 && r.contains(" ") && r.chars().anyMatch(Character::isLetter)) {
                    out.add(escape(r));
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The HTML escaping FreeMarker's HTML output format applies. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Fails naming what is wrong with {@code html}, rendered in {@code locale} from {@code model}: an unfilled
     * placeholder, a raw key, or the other language's script or text outside the model's data.
     */
    static void check(String html, Locale locale, Map<String, Object> model, String what) {
        String page = html;
        page = MARKED.matcher(page).replaceAll(" ");
        // The data the page was given may be in any language, and some English messages quote Chinese on purpose:
        // both taken out before looking, longest first, so that a short one does not cut a longer one apart.
        List<String> allowed = new ArrayList<>();
        for (String d : strings(model)) {
            // Not a key the page was meant to translate, nor so short it would cut words apart.
            // A policy clause is not data either: pages translate it.
            if (!ZH.containsKey(d) && !PolicyClauses.translated(d) && (d.length() >= 4 || CJK.matcher(d).find())) {
                allowed.add(d);
            }
        }
        for (String key : QUOTING_CHINESE) {
            Matcher quoted = CJK.matcher(EN.getProperty(key, ""));
            while (quoted.find()) {
                allowed.add(quoted.group());
            }
        }
        allowed.sort(Comparator.comparingInt(String::length).reversed());
        for (String a : allowed) {
            page = page.replace(escape(a), " ").replace(a, " ");
        }
        List<String> problems = new ArrayList<>();
        Matcher p = PLACEHOLDER.matcher(page);
        while (p.find()) {
            problems.add("unfilled " + p.group());
        }
        Matcher k = KEY.matcher(page);
        while (k.find()) {
            if (FAMILIES.contains(k.group(1))) {
                problems.add("raw key " + k.group());
            }
        }
        if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            Matcher c = CJK.matcher(page);
            while (c.find()) {
                int from = Math.max(0, c.start() - 40);
                problems.add("Chinese on the English page: " + page.substring(from, Math.min(page.length(), c.end() + 40))
                        .replaceAll("\\s+", " "));
            }
        } else {
            for (String en : ENGLISH) {
                if (page.contains(en)) {
                    problems.add("English on the Chinese page: " + en);
                }
            }
        }
        assertTrue(problems.isEmpty(), what + " (" + locale + "): " + problems);
    }

    /** Every text reachable from the model: its strings, and those of its maps, lists and records. */
    static Set<String> strings(Object model) {
        Set<String> out = new TreeSet<>();
        collect(model, out, new IdentityHashMap<>(), 0);
        return out;
    }

    private static void collect(Object o, Set<String> out, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (o == null || depth > 12 || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"msg".equals(e.getKey()) && !"clause".equals(e.getKey())) {
                    collect(e.getValue(), out, seen, depth + 1);
                }
            }
        } else if (o instanceof Collection<?> c) {
            c.forEach(x -> collect(x, out, seen, depth + 1));
        } else if (o instanceof Object[] a) {
            for (Object x : a) {
                collect(x, out, seen, depth + 1);
            }
        } else if (o.getClass().getName().startsWith("org.jixiao.") && !o.getClass().isRecord()
                && !o.getClass().isEnum()) {
            // A form object of the web layer: its fields are what the user typed.
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        try {
                            f.setAccessible(true);
                            collect(f.get(o), out, seen, depth + 1);
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            // not data the test can read: ignored
                        }
                    }
                }
            }
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    collect(rc.getAccessor().invoke(o), out, seen, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not data the test can read: ignored
                }
            }
        }
    }
}
