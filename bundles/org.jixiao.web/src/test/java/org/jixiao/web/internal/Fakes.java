package org.jixiao.web.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response for the cookie handling of {@link WebSessions}. */
final class Fakes {

    private Fakes() {
    }

    /** A plain-HTTP request carrying these cookies (name, value, name, value, ...); most else is unsupported. */
    static HttpServletRequest request(String... nameValues) {
        return request(false, nameValues);
    }

    /** As {@link #request(String...)}, over HTTPS when {@code secure}. */
    static HttpServletRequest request(boolean secure, String... nameValues) {
        Cookie[] cookies = null;
        if (nameValues.length > 0) {
            cookies = new Cookie[nameValues.length / 2];
            for (int i = 0; i < cookies.length; i++) {
                cookies[i] = new Cookie(nameValues[2 * i], nameValues[2 * i + 1]);
            }
        }
        Cookie[] finalCookies = cookies;
        return (HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCookies")) {
                        return finalCookies;
                    }
                    if (method.getName().equals("isSecure")) {
                        return secure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response that records the headers added to it. */
    static final class Response {
        final List<String> setCookies = new ArrayList<>();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                Fakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        String lastSetCookie() {
            return setCookies.get(setCookies.size() - 1);
        }
    }
}
