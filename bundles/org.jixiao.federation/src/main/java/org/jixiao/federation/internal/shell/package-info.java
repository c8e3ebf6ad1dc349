/**
 * The federation's console command, {@code jixiao:sync-status}. The Karaf command extender finds the {@code @Service}
 * actions of this package through the {@code Karaf-Commands} header.
 */
@Header(name = "Karaf-Commands", value = "org.jixiao.federation.internal.shell")
package org.jixiao.federation.internal.shell;

import org.osgi.annotation.bundle.Header;
