/**
 * The web contract for plugins. The web bundle owns the servlets, the session, login, CSRF checks, the
 * shared layout and translation; a plugin answers {@link org.jixiao.api.web.WebRequest}s with
 * {@link org.jixiao.api.web.WebResult}s and never touches the servlet API.
 */
@Export
@Version("1.3.0")
package org.jixiao.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
