package org.jixiao.itests.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as the tests need one: cookies, the CSRF token of the last page, forms and JSON, no
 * automatic redirects (the tests check them).
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    /** The client address a trusted proxy names in X-Forwarded-For; null for a browser reaching the node directly. */
    private final String forwardedFor;
    private String csrf;

    public Browser(int port) {
        this(port, null);
    }

    /** A browser behind a reverse proxy the node trusts ({@code jixiao.trustedProxies}), at {@code forwardedFor}. */
    public Browser(int port, String forwardedFor) {
        this.forwardedFor = forwardedFor;
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** @param retryAfter the Retry-After header of a refusal (429, 503), else null */
    public record Response(int status, String body, String location, String retryAfter) {
        public boolean redirectsTo(String path) {
            return (status == 302 || status == 303) && location != null && location.endsWith(path);
        }

        /** The body as a reader sees it: tags dropped, white space folded, the common entities decoded. */
        public String text() {
            return body.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
        }
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    /** GETs the page and remembers its CSRF token, as a user opening a form would. */
    public Response open(String path) throws IOException, InterruptedException {
        Response r = get(path);
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** POSTs a form with the remembered CSRF token. */
    public Response post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    /** POSTs exactly these fields, without adding a CSRF token. */
    public Response postRaw(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())), null);
    }

    /** A JSON call; {@code token} null means the browser session with its CSRF header. */
    public Response json(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        } else if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b, null);
    }

    /** A file as the whole body of an API call, such as an import; the session's CSRF token goes with it. */
    public Response upload(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b, null);
    }

    private Response send(HttpRequest.Builder builder, String ignored) throws IOException, InterruptedException {
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> r = client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Retry-After").orElse(null));
    }

    /** Logs in; when the account must change its password first, changes it to {@code newPassword}. */
    public Response login(String username, String password, String newPassword)
            throws IOException, InterruptedException {
        open("/login");
        Response r = post("/login", Map.of("username", username, "password", password));
        if (r.redirectsTo("/password") && newPassword != null) {
            open("/password");
            r = post("/password", Map.of("currentPassword", password, "newPassword", newPassword,
                    "repeatPassword", newPassword));
        }
        return r;
    }

    /**
     * POSTs a multipart form with one file, as a browser's upload form does; the remembered CSRF token goes in the
     * body like any field.
     */
    public Response upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws IOException, InterruptedException {
        return multipart(path, fields, Map.of(fileField, Map.entry(fileName, content)));
    }

    /**
     * POSTs a multipart form with any number of files (field → file name and bytes); the remembered CSRF token goes
     * in the body like any field and in the header an API call reads.
     */
    public Response multipart(String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files)
            throws IOException, InterruptedException {
        String boundary = "----jixiao" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        for (Map.Entry<String, String> e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Map.Entry<String, byte[]>> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"; filename=\"" + f.getValue().getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue().getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrf != null && path.startsWith("/api/")) {
            b.header("X-CSRF-Token", csrf).header("Accept", "application/json");
        }
        return send(b, null);
    }

    /** A download: status, bytes and the response headers. */
    public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
    }

    public Download download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.body(), r.headers());
    }

    public String csrf() {
        return csrf;
    }
}
