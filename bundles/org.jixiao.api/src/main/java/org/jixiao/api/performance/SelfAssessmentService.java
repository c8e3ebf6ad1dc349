package org.jixiao.api.performance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The year-end self-assessment (自我评估) of each evaluated unit (county, zone, city-level unit). Staff of the
 * unit (or above it) write and submit the report; an admin or assessor of the city returns it with comments or
 * accepts it. Everybody reads the reports of the units in their scope. Every change is audited.
 */
@ProviderType
public interface SelfAssessmentService {

    /** Longest problems, rectification, explanation and comment text, in UTF-16 units. */
    int TEXT_MAX = 2000;

    /** What the unit enters for one indicator; a null {@code claimed} clears the claim. */
    record Claim(BigDecimal claimed, String explanation) {
    }

    /**
     * The unit's report for the year, with the computed value beside each claim. A DRAFT prefilled with the
     * target table's indicators when nothing is saved yet.
     *
     * @throws org.jixiao.api.NotFoundException when the unit is out of scope or not evaluated, or the year is not
     *         open
     */
    SelfAssessment get(Actor actor, int year, long orgUnitId);

    /**
     * Saves claims and texts of a DRAFT or RETURNED report (the state stays). Indicators absent from
     * {@code claims} keep what was saved; {@code problems} and {@code rectification} replace the saved texts.
     *
     * @throws org.jixiao.api.ValidationException claimed value negative or malformed (field
     *         {@code claimed.<indicator key>}), text too long ({@code explanation.<key>}, {@code problems},
     *         {@code rectification}), unknown indicator ({@code indicator}), report not editable ({@code state});
     *         nothing written
     * @throws org.jixiao.api.AccessDeniedException when the actor is neither STAFF nor ADMIN
     * @throws org.jixiao.api.NotFoundException as {@link #get}
     */
    SelfAssessment save(Actor actor, int year, long orgUnitId, Map<IndicatorRef, Claim> claims, String problems,
            String rectification);

    /**
     * Submits the report to the city. Needs a claimed value for every indicator and the cycle to allow
     * {@link Step#SELF_ASSESSMENT} work today.
     *
     * @throws org.jixiao.api.ValidationException the lock's reason key on {@code year}; a missing claim on
     *         {@code claimed.<key>} (and {@code claims}); not editable on {@code state}; nothing written
     */
    SelfAssessment submit(Actor actor, int year, long orgUnitId);

    /**
     * Sends a SUBMITTED report back to the unit. Only an ADMIN or ASSESSOR of the root unit.
     *
     * @throws org.jixiao.api.ValidationException comment missing or too long ({@code comment}), report not
     *         submitted ({@code state})
     */
    SelfAssessment returnToUnit(Actor actor, int year, long orgUnitId, String comment);

    /** Accepts a SUBMITTED report, with an optional comment. Only an ADMIN or ASSESSOR of the root unit. */
    SelfAssessment accept(Actor actor, int year, long orgUnitId, String comment);

    /** Whether the unit's report of the year was accepted: the evaluation's input. */
    boolean accepted(int year, long orgUnitId);

    /**
     * Where the report of every evaluated unit in the actor's scope stands, ordered by unit code.
     *
     * @throws org.jixiao.api.NotFoundException when the year is not open
     */
    List<SelfAssessmentStatus> list(Actor actor, int year);
}
