/**
 * The {@code jixiao:*} commands of the Karaf shell, for operators who script the node: installed projects and
 * assessment modules, the yearly cycle, evaluation runs and a unit's score. They act as the city's system account
 * (see {@link org.jixiao.core.internal.shell.Console#actor}); every change is audited under the name
 * {@code console}. The Karaf command extender finds the {@code @Service} actions of this package through the
 * {@code Karaf-Commands} header.
 */
@Header(name = "Karaf-Commands", value = "org.jixiao.core.internal.shell")
package org.jixiao.core.internal.shell;

import org.osgi.annotation.bundle.Header;
