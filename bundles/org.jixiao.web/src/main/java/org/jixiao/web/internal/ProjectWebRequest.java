package org.jixiao.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebRequest;

import com.google.gson.JsonElement;

/** A servlet request seen through the plugin contract. */
final class ProjectWebRequest implements WebRequest {

    private final HttpServletRequest request;
    private final String path;
    private final boolean api;
    private final Actor actor;
    private final Messages messages;
    private final JsonElement body;
    /** An API call's whole body when it was a file rather than JSON; null otherwise. */
    private final Upload rawBody;
    /** Parts already read: reading one deletes its temporary file. */
    private final Map<String, Optional<Upload>> uploads = new HashMap<>();

    ProjectWebRequest(HttpServletRequest request, String path, boolean api, Actor actor, Messages messages,
            JsonElement body, Upload rawBody) {
        this.request = request;
        this.path = path.isEmpty() ? "/" : path;
        this.api = api;
        this.actor = actor;
        this.messages = messages;
        this.body = body;
        this.rawBody = rawBody;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean api() {
        return api;
    }

    @Override
    public String param(String name) {
        return Http.trimmed(request.getParameter(name));
    }

    @Override
    public List<String> params(String name) {
        String[] values = request.getParameterValues(name);
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String t = Http.trimmed(v);
                if (t != null) {
                    result.add(t);
                }
            }
        }
        return result;
    }

    @Override
    public <T> Optional<T> body(Class<T> type) {
        if (body == null || body.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Json.GSON.fromJson(body, type));
    }

    /**
     * The file of a multipart form's field, or an API call's file body under {@code file}. The servlet's multipart
     * limit already refused a larger request; a part still over {@link Upload#MAX_BYTES} is refused here.
     */
    @Override
    public Optional<Upload> upload(String name) {
        if (rawBody != null) {
            return "file".equals(name) ? Optional.of(rawBody) : Optional.empty();
        }
        if (!multipart(request)) {
            return Optional.empty();
        }
        return uploads.computeIfAbsent(name, this::part);
    }

    static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private Optional<Upload> part(String name) {
        Part part;
        try {
            part = request.getPart(name);
        } catch (ServletException | IllegalStateException e) {
            throw ValidationException.of(name, "upload.tooLarge");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A file input left empty still sends a part, with no file name and no bytes.
        if (part == null || part.getSubmittedFileName() == null || part.getSize() == 0) {
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream()) {
            if (part.getSize() > Upload.MAX_BYTES) {
                throw ValidationException.of(name, "upload.tooLarge");
            }
            return Optional.of(new Upload(baseName(part.getSubmittedFileName()), part.getContentType(),
                    in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                part.delete();
            } catch (IOException e) {
                // The container removes its temporary files at the end of the request anyway.
            }
        }
    }

    /** Some browsers send the client's whole path ("C:\fakepath\a.pdf"); only the name is the client's to give. */
    static String baseName(String fileName) {
        return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Locale locale() {
        return messages.locale();
    }

    @Override
    public String message(String key, Object... args) {
        return messages.get(key, args);
    }
}
