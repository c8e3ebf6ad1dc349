package org.jixiao.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Stylesheets and images of the shared layout, from this bundle; nothing is read from the file system. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/static/*")
public final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "svg",
            "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "js", "text/javascript;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Http.path(request);
        String name = path.substring("/static/".length() > path.length() ? path.length() : "/static/".length());
        if (name.equals("print-zh-CN.css") || name.equals("print-en.css")) {
            send(response, TYPES.get("css"), printStylesheet(name.equals("print-en.css") ? Locale.ENGLISH
                    : Messages.ZH_CN).getBytes(StandardCharsets.UTF_8));
            return;
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !name.matches("[a-z0-9\\-]+(\\.min)?\\.[a-z]+")) {
            response.sendError(404);
            return;
        }
        try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream("static/" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            send(response, type, in.readAllBytes());
        }
    }

    private static void send(HttpServletResponse response, String type, byte[] bytes) throws IOException {
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * The print stylesheet of a language: A4 pages numbered in its words ("第 1 页，共 3 页"). A stylesheet is the
     * only place a printed page's number can be written, so the message is turned into CSS here.
     */
    static String printStylesheet(Locale locale) {
        String pattern = new Messages(locale).get("print.pageNumber");
        StringBuilder content = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([01])\\}").matcher(pattern);
        int from = 0;
        while (m.find()) {
            content.append(cssString(pattern.substring(from, m.start()))).append(" counter(")
                    .append(m.group(1).equals("0") ? "page" : "pages").append(") ");
            from = m.end();
        }
        content.append(cssString(pattern.substring(from)));
        return "@page {\n  size: A4;\n  margin: 18mm 16mm 20mm;\n  @bottom-center { content: " + content.toString().strip()
                + "; font-size: 9pt; }\n}\n";
    }

    /** A CSS string of plain text: quotes, backslashes and line ends escaped. */
    private static String cssString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
