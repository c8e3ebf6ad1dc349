/**
 * Replication between county nodes and the city node: what a county's writes hand to the federation so that they
 * reach the city, in the write's own transaction.
 */
@Export
@Version("1.1.0")
package org.jixiao.api.federation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
