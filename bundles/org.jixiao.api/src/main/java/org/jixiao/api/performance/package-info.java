/**
 * The performance-management procedure of POLICY.md §1: the yearly cycle of steps, targets per unit and
 * indicator, the rules that hold an actual value against its target, and the time nodes (milestones) each unit
 * must keep. Provided by the core; nothing here names a particular key project.
 */
@Export
@Version("1.4.0")
package org.jixiao.api.performance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
