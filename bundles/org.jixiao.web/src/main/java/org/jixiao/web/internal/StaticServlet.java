package org.jixiao.web.internal;

import java.io.IOException;
import java.io.InputStream;
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
            byte[] bytes = in.readAllBytes();
            response.setContentType(type);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
