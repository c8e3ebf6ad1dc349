package org.jixiao.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Request plumbing shared by the servlets. */
final class Http {

    /**
     * Seconds a client is asked to wait after a 503 for a saturated database: long enough for a queue of a few
     * hundred milliseconds to drain, short enough that a respondent who taps again soon gets through.
     */
    static final int BUSY_RETRY_AFTER_SECONDS = 2;

    static final String LANG_COOKIE = "jx_lang";

    private Http() {
    }

    /** At most 30 digits, in groups of three where separated, and 10 decimals; see {@link #decimal}. */
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile(
            "[-+]?((\\d{1,3}([,，]\\d{3}){1,9}|\\d{1,30})(\\.\\d{0,10})?|\\.\\d{1,10})");

    /**
     * A number as a person types it (thousands separators "," and "，" between groups of three): at most 30 digits
     * before the point and 10 after, no exponent. Checked before BigDecimal sees it: "1e20000000" took 27 s of arithmetic later, and
     * "1e999999999" a 500.
     *
     * @throws NumberFormatException when the text is no such number
     */
    static BigDecimal decimal(String text) {
        String t = text.strip();
        if (t.length() > 55 || !PLAIN_DECIMAL.matcher(t).matches()) {
            throw new NumberFormatException("not a plain decimal");
        }
        return new BigDecimal(t.replace(",", "").replace("，", ""));
    }

    static Locale locale(HttpServletRequest request) {
        return "en".equals(WebSessions.cookie(request, LANG_COOKIE)) ? Locale.ENGLISH : Messages.ZH_CN;
    }

    /**
     * For an anonymous respondent, who never chose a language here: the language switch's choice when made, else
     * the browser's first preference of the two the node speaks (Chinese by default).
     */
    static Locale respondentLocale(HttpServletRequest request) {
        String chosen = WebSessions.cookie(request, LANG_COOKIE);
        if (chosen != null) {
            return locale(request);
        }
        // The header itself: the container's getLocales() makes up the JVM's default when a browser sends none.
        String accept = request.getHeader("Accept-Language");
        List<Locale.LanguageRange> ranges;
        try {
            ranges = accept == null ? List.of() : Locale.LanguageRange.parse(accept);
        } catch (IllegalArgumentException e) {
            ranges = List.of();
        }
        for (Locale.LanguageRange r : ranges) {
            String language = r.getRange().split("-")[0];
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Messages.ZH_CN;
            }
        }
        return Messages.ZH_CN;
    }

    static String lang(Locale locale) {
        return Locale.ENGLISH.equals(locale) ? "en" : "zh-CN";
    }

    /** The path below the servlet's mount, "/" at least. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.substring(context == null ? 0 : context.length());
        return path.isEmpty() ? "/" : path;
    }

    /** A year: long enough to matter, and what browsers' preload lists ask for at least. */
    static final String HSTS = "max-age=31536000";

    /**
     * Whether the browser reached the node over HTTPS: directly, or through a reverse proxy whose public address
     * ({@code jixiao.publicUrl}) is https, as the proxy speaks plain HTTP to the node.
     */
    static boolean https(HttpServletRequest request) {
        return https(request.isSecure(), System.getProperty(CampaignPages.PUBLIC_URL_PROPERTY));
    }

    static boolean https(boolean secureRequest, String publicUrl) {
        return secureRequest || publicUrl != null && publicUrl.strip().regionMatches(true, 0, "https://", 0, 8);
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * Sets UTF-8 and the security headers, and decodes the parameters once: false when they are not valid
     * (bad percent-encoding, not UTF-8), which the caller answers 400 instead of letting Jetty throw later.
     */
    static boolean prepare(HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders(response);
        if (https(request)) {
            // Only over HTTPS: a browser ignores it on plain HTTP, and a node without TLS must stay reachable.
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        try {
            String encoding = request.getCharacterEncoding();
            if (encoding == null || !java.nio.charset.Charset.isSupported(encoding)) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            request.getParameterMap();
            return true;
        } catch (RuntimeException | java.io.UnsupportedEncodingException e) {
            return false;
        }
    }

    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** Only a local absolute path may be a redirect target: no scheme, no host, no "//". */
    static String safeLocalPath(String candidate, String fallback) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\")) {
            return fallback;
        }
        // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return fallback;
            }
        }
        return candidate;
    }

    /**
     * A project's download: an attachment, never shown inline or sniffed into something runnable, and not kept by
     * any cache (it may hold personal data).
     */
    static void download(HttpServletResponse response, org.jixiao.api.web.WebResult file, boolean headOnly)
            throws IOException {
        byte[] body = (byte[]) file.body();
        response.setStatus(file.status());
        response.setContentType(String.valueOf(file.model().get("contentType")));
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", attachment(file.target()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        // Whatever the file holds, it runs nothing in this origin.
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        if (!headOnly) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * RFC 6266: an ASCII fallback name for old clients and the exact name in UTF-8 (RFC 5987), every byte that is not
     * an attr-char percent-encoded, so no name can break out of the header.
     */
    static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName;
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
                ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    static Long parseId(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Reverse proxies whose X-Forwarded-For is believed, from the system property {@code jixiao.trustedProxies}
     * (addresses separated by commas). Without it the peer's address is the client's, as behind no proxy.
     */
    static final java.util.Set<String> TRUSTED_PROXIES = trusted(System.getProperty("jixiao.trustedProxies"));

    static java.util.Set<String> trusted(String property) {
        if (property == null || property.isBlank()) {
            return java.util.Set.of();
        }
        return java.util.Arrays.stream(property.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The client's address: the peer, or behind a trusted proxy the last address it was forwarded for. */
    static String client(HttpServletRequest request) {
        return client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TRUSTED_PROXIES);
    }

    /**
     * Walks X-Forwarded-For from the right, past trusted proxies only: the first untrusted address is the client.
     * Anything left of it was written by the client itself and proves nothing.
     */
    static String client(String peer, String forwardedFor, java.util.Set<String> trusted) {
        String peerAddress = String.valueOf(peer);
        if (!trusted.contains(peerAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return peerAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = peerAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                break;
            }
        }
        return client.length() > 64 ? client.substring(0, 64) : client;
    }
}
