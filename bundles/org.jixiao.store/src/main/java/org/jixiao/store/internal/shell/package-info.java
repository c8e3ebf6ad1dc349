/**
 * The store's console command, {@code jixiao:backup}, beside the core's {@code jixiao:*} commands. The Karaf command
 * extender finds the {@code @Service} actions of this package through the {@code Karaf-Commands} header.
 */
@Header(name = "Karaf-Commands", value = "org.jixiao.store.internal.shell")
package org.jixiao.store.internal.shell;

import org.osgi.annotation.bundle.Header;
