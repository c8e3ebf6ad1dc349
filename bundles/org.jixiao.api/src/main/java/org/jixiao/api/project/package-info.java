/**
 * The key-project SPI. A key project is a bundle that registers one {@link org.jixiao.api.project.KeyProject}
 * service and carries the manifest header {@value org.jixiao.api.project.KeyProject#BUNDLE_HEADER}.
 */
@Export
@Version("1.6.0")
package org.jixiao.api.project;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
