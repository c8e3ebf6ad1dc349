package org.jixiao.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's side of HTTP: one shared JDK client (HTTP/1.1, keep-alive, no redirects followed) for every simulated
 * user, each of whom carries its own cookie and CSRF token in a {@link Visitor}. A client per user would start a
 * selector thread each, and the harness shares the node's two cores.
 */
final class LoadClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("^(JX_SESSION=[^;]*)");

    final String base;
    private final HttpClient client;

    LoadClient(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    record Response(int status, String body, String location) {
        boolean redirectsTo(String path) {
            return (status == 302 || status == 303) && location != null && location.endsWith(path);
        }
    }

    /**
     * One user: the session cookie the node set, the CSRF token of the last page opened, an optional bearer token,
     * and the client address a trusted proxy forwards for (the node counts rate limits per address).
     */
    final class Visitor {
        private String cookie;
        private String csrf;
        final String token;
        final String address;

        Visitor(String token, String address) {
            this.token = token;
            this.address = address;
        }

        Response get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        /** GETs a page and keeps its CSRF token, as a user opening a form. */
        Response open(String path) throws IOException, InterruptedException {
            Response r = get(path);
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        Response post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            StringBuilder form = new StringBuilder();
            if (csrf != null) {
                form.append("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> e : fields.entrySet()) {
                form.append(form.length() > 0 ? "&" : "").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        /** A JSON call with the bearer token, or else the session's CSRF header. */
        Response json(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = request(path).header("Accept", "application/json");
            String[] credential = token != null ? new String[] {"Authorization", "Bearer " + token}
                    : csrf != null ? new String[] {"X-CSRF-Token", csrf} : null;
            if (credential != null) {
                b.header(credential[0], credential[1]);
            }
            return send(body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method,
                            HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Logs in; a first login changes the password to {@code newPassword}. */
        Response login(String username, String password, String newPassword) throws IOException, InterruptedException {
            open("/login");
            Response r = post("/login", Map.of("username", username, "password", password));
            if (r.redirectsTo("/password")) {
                open("/password");
                r = post("/password", Map.of("currentPassword", password, "newPassword", newPassword,
                        "repeatPassword", newPassword));
            }
            if (r.location() == null || !r.location().contains("/home")) {
                throw new IllegalStateException(username + " cannot log in: " + r.status() + " " + r.location());
            }
            open("/home");
            return r;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (address != null) {
                b.header("X-Forwarded-For", address);
            }
            return b;
        }

        private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String c : r.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION.matcher(c);
                if (m.find()) {
                    cookie = c.contains("Max-Age=0") ? null : m.group(1);
                }
            }
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        }
    }
}
