/**
 * Domain types shared by the core and every plugin: org units, the acting user, audit and field encryption.
 */
@Export
@Version("2.4.0")
package org.jixiao.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
