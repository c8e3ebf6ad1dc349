package org.jixiao.api.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One authenticated request, already checked for a valid session or token and, when it writes, for the
 * CSRF token.
 */
@ProviderType
public interface WebRequest {

    /** GET, POST, PUT or DELETE. */
    String method();

    /** The path below the plugin's root, starting with "/" ("/" for the root itself). */
    String path();

    /** True for {@code /api/v1/…}: the caller wants JSON and sends JSON bodies. */
    boolean api();

    /** A query or form parameter, trimmed; null when absent or blank. */
    String param(String name);

    List<String> params(String name);

    /** The JSON body of an API call bound to {@code type}; empty when there is none. */
    <T> Optional<T> body(Class<T> type);

    /** The caller; null on a project's public pages, which need no login. */
    Actor actor();

    /**
     * The file sent in the form field {@code name} of a multipart form, or as the whole body of an API call when
     * {@code name} is {@code "file"} and the body is not JSON; empty when none was sent.
     *
     * @since 1.1
     */
    default Optional<Upload> upload(String name) {
        return Optional.empty();
    }

    Locale locale();

    /** A message from the plugin's resource bundle, falling back to the core's, formatted with args. */
    String message(String key, Object... args);
}
