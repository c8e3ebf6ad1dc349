package org.jixiao.api.assessment;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns the inputs of a comprehensive evaluation into a score per unit with a per-part breakdown. Must be a
 * pure function of its input: the same input gives the same result, so a run can be reproduced from its
 * snapshot.
 */
@ConsumerType
public interface AssessmentModule {

    /** Service property carrying {@link #id()}. */
    String PROPERTY_ID = "jixiao.assessment.id";

    /** Stable id, e.g. {@code standard}. */
    String id();

    /** The module's version; a change of arithmetic must change it. */
    String version();

    String name(Locale locale);

    /** How the module weighs the parts, shown on the results page. */
    String method(Locale locale);

    EvaluationResult evaluate(EvaluationInput input);
}
