/**
 * The youth and leader evaluation questionnaires of POLICY.md §1 (青年评价, 领导评价): questionnaires built by the
 * city, campaigns that evaluate units through one-time codes, anonymous answers, paper entry by code, and the
 * scores that feed the comprehensive evaluation. Provided by the core.
 */
@Export
@Version("2.1.0")
package org.jixiao.api.questionnaire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
