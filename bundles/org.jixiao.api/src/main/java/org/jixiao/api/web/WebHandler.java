package org.jixiao.api.web;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the requests under a plugin's paths. Throw {@link org.jixiao.api.NotFoundException},
 * {@link org.jixiao.api.AccessDeniedException} or {@link org.jixiao.api.ValidationException} and the web
 * layer answers 404, 403 or 400 in the caller's language, as a page or as JSON.
 */
@ConsumerType
@FunctionalInterface
public interface WebHandler {
    WebResult handle(WebRequest request);
}
