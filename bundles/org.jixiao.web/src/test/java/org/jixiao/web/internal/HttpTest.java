package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/home", "/admin/users?q=a&page=2", "/p/employment/youth", "/a/b/../c"})
    void localPathsAreKept(String path) {
        assertEquals(path, Http.safeLocalPath(path, "/fallback"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"home", "//evil.example", "//evil.example/home", "/\\evil.example", "\\\\evil.example",
            "http://evil.example", "https://evil.example/", "javascript:alert(1)", " /home",
            "/home\r\nSet-Cookie: x=1", "/home\nLocation: //evil", "/a\rb"})
    void anythingElseFallsBack(String candidate) {
        assertEquals("/fallback", Http.safeLocalPath(candidate, "/fallback"));
    }

    /**
     * Browsers delete ASCII tab and newline from a URL before parsing it, so "/\t/evil.example" is followed as
     * "//evil.example", another host. Jetty sends the tab through unchanged.
     */
    @Test
    void tabsCannotSmuggleASchemeRelativeUrl() {
        assertEquals("/fallback", Http.safeLocalPath("/\t/evil.example", "/fallback"));
        assertEquals("/fallback", Http.safeLocalPath("/\t\\evil.example", "/fallback"));
    }

    @Test
    void parseIdAcceptsPlainDigitsOnly() {
        assertEquals(1L, Http.parseId("1"));
        assertEquals(7L, Http.parseId("007"));
        assertEquals(0L, Http.parseId("0"));
        assertEquals(999_999_999_999_999_999L, Http.parseId("999999999999999999"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "+1", "1a", "a1", " 1", "1 ", "1.0", "1e3", "0x10", "1_000",
            "1234567890123456789", "9223372036854775807", "99999999999999999999999999"})
    void parseIdRejectsEverythingElseWithoutThrowing(String text) {
        assertNull(Http.parseId(text));
    }

    @Test
    void trimmedStripsAndTurnsBlankIntoNull() {
        assertNull(Http.trimmed(null));
        assertNull(Http.trimmed(""));
        assertNull(Http.trimmed(" \t\r\n "));
        assertNull(Http.trimmed("\u3000"), "the full-width space of Chinese input methods is blank too");
        assertEquals("a b", Http.trimmed("  a b \t"));
        assertEquals("张三", Http.trimmed("\u3000张三\u3000"));
    }

    @Test
    void localeIsChineseUnlessEnglishWasChosen() {
        assertEquals(Messages.ZH_CN, Http.locale(Fakes.request()));
        assertEquals(Messages.ZH_CN, Http.locale(Fakes.request(Http.LANG_COOKIE, "zh-CN")));
        assertEquals(Messages.ZH_CN, Http.locale(Fakes.request(Http.LANG_COOKIE, "fr")));
        assertEquals(Locale.ENGLISH, Http.locale(Fakes.request(Http.LANG_COOKIE, "en")));
        assertEquals("en", Http.lang(Locale.ENGLISH));
        assertEquals("zh-CN", Http.lang(Messages.ZH_CN));
    }

    /** Issue 12, item 5: "1e20000000" in a claim took 27 s of arithmetic, "1e999999999" answered 500. */
    @Test
    void numbersAreBoundedAndPlainBeforeBigDecimalSeesThem() {
        assertEquals(new java.math.BigDecimal("1234567.5"), Http.decimal(" 1,234,567.5 "));
        assertEquals(new java.math.BigDecimal("-3"), Http.decimal("-3"));
        for (String bad : new String[] {"1e20000000", "1e999999999", "1E5", "0x10", "NaN", "Infinity", "1.2.3", "",
                " ", "1".repeat(31), "1." + "0".repeat(11), "--1", "1e-99", "١٢"}) {
            long started = System.nanoTime();
            assertThrows(NumberFormatException.class, () -> Http.decimal(bad), bad);
            assertTrue(System.nanoTime() - started < 100_000_000L, bad);
        }
    }

    /** Issue 11, item 12: the respondent's page ignored the browser's language. */
    @Test
    void aRespondentGetsTheBrowsersLanguageUnlessTheSwitchChoseOne() {
        assertEquals(Locale.ENGLISH, Http.respondentLocale(browser(null, Locale.US, Locale.CHINA)));
        assertEquals(Messages.ZH_CN, Http.respondentLocale(browser(null, Locale.TAIWAN, Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Http.respondentLocale(browser(null, Locale.FRANCE, Locale.UK)),
                "the first of the languages the node speaks");
        assertEquals(Messages.ZH_CN, Http.respondentLocale(browser(null, Locale.FRANCE)));
        assertEquals(Messages.ZH_CN, Http.respondentLocale(browser(null)), "no header: Chinese, not the JVM's default");
        assertEquals(Messages.ZH_CN, Http.respondentLocale(browser("zh-CN", Locale.US)), "the switch wins");
        // Staff pages stay Chinese by default whatever the browser says.
        assertEquals(Messages.ZH_CN, Http.locale(browser(null, Locale.US)));
    }

    private static jakarta.servlet.http.HttpServletRequest browser(String chosen, Locale... preferred) {
        jakarta.servlet.http.Cookie[] cookies = chosen == null ? null
                : new jakarta.servlet.http.Cookie[] {new jakarta.servlet.http.Cookie(Http.LANG_COOKIE, chosen)};
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                HttpTest.class.getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies;
                    case "getHeader" -> "Accept-Language".equals(args[0]) && preferred.length > 0
                            ? String.join(",", java.util.Arrays.stream(preferred).map(Locale::toLanguageTag).toList())
                            : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theClientIsThePeerUnlessATrustedProxyForwardedFor() {
        java.util.Set<String> trusted = Http.trusted(" 10.0.0.1 , 10.0.0.2,");
        assertEquals(java.util.Set.of("10.0.0.1", "10.0.0.2"), trusted);
        assertEquals("203.0.113.9", Http.client("203.0.113.9", "1.2.3.4", trusted), "an untrusted peer's header lies");
        assertEquals("10.0.0.1", Http.client("10.0.0.1", null, trusted));
        assertEquals("198.51.100.7", Http.client("10.0.0.1", "198.51.100.7", trusted));
        // The client may prepend anything; only what trusted proxies appended counts.
        assertEquals("198.51.100.7", Http.client("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", trusted));
        assertEquals("10.0.0.1", Http.client("10.0.0.1", "1.1.1.1", java.util.Set.of()));
        assertEquals(java.util.Set.of(), Http.trusted(null));
    }
}
