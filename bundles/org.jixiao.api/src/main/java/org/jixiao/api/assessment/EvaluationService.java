package org.jixiao.api.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The comprehensive evaluation (综合评价), provided by the core. Assessment modules come and go at run time;
 * the city pins one per year. Every run stores the module id and version and a snapshot of all inputs, so a
 * published result can be reproduced exactly even after the module changed.
 */
@ProviderType
public interface EvaluationService {

    /** The assessment modules installed now. */
    List<ModuleInfo> modules(Locale locale);

    /** City admin only; the module must be installed now. */
    ModulePin pin(Actor actor, int year, String moduleId, String moduleVersion);

    Optional<ModulePin> pinned(int year);

    /** An assessor enters a unit's youth, leader or team score (0–100); replaces an earlier entry. */
    void enterScore(Actor actor, int year, long orgUnitId, ScoreKind kind, BigDecimal score);

    Bonus proposeBonus(Actor actor, int year, long orgUnitId, BigDecimal points, String reason);

    /** The Secretaries' Office approves or rejects a proposed bonus; audited. */
    Bonus decideBonus(Actor actor, long bonusId, boolean approve);

    List<Bonus> bonuses(Actor actor, int year);

    /**
     * Gathers the inputs of every evaluated unit now, snapshots them and scores them with the year's pinned
     * module. Needs the year at {@link org.jixiao.api.performance.Step#COMPREHENSIVE_EVALUATION}.
     */
    EvaluationRun run(Actor actor, int year);

    /** Scores the snapshot of an earlier run again, with the given installed module (or the same one). */
    EvaluationRun rerun(Actor actor, long runId, String moduleId, String moduleVersion);

    List<EvaluationRun> runs(Actor actor, int year);

    /** @throws org.jixiao.api.NotFoundException when absent or the year is out of the actor's reach */
    EvaluationRun get(Actor actor, long runId);

    /** Publishes a run: its ranking is frozen and the year moves to PUBLISHED. */
    EvaluationRun publish(Actor actor, long runId);

    /** The published run of a year, if any. */
    Optional<EvaluationRun> published(Actor actor, int year);
}
