/** The add-ons page and its console commands; Karaf finds the commands by the {@code Karaf-Commands} header. */
@Header(name = "Karaf-Commands", value = "org.jixiao.addons.internal")
package org.jixiao.addons.internal;

import org.osgi.annotation.bundle.Header;
