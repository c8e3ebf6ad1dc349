/**
 * Users, logins and API tokens, provided by the core. Every method that acts for somebody takes the
 * {@link org.jixiao.api.Actor} and checks both role and org-unit scope itself, so no caller can forget to.
 */
@Export
@Version("1.2.0")
package org.jixiao.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
