/**
 * Assessment modules: pluggable scoring of the comprehensive evaluation. A module is a bundle
 * {@code org.jixiao.assessment.<name>} registering one {@link org.jixiao.api.assessment.AssessmentModule}; the
 * city pins a module id and version per year, and every evaluation run records them with a snapshot of its
 * inputs so a published result can be reproduced exactly.
 */
@Export
@Version("1.2.0")
package org.jixiao.api.assessment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
