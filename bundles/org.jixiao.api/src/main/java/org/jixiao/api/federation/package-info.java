/**
 * Replication between county nodes and the city node: what a node's writes hand to the federation so that they reach
 * the other nodes, in the write's own transaction, and what a node learns when copies of another node's rows change.
 */
@Export
@Version("1.2.0")
package org.jixiao.api.federation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
