/** The console command of the project; Karaf finds it by the {@code Karaf-Commands} header. */
@Header(name = "Karaf-Commands", value = "org.jixiao.project.scholarship.internal.shell")
package org.jixiao.project.scholarship.internal.shell;

import org.osgi.annotation.bundle.Header;
