package org.jixiao.assessment.standard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.osgi.service.component.annotations.Component;

/**
 * The standard scoring of the comprehensive evaluation (POLICY.md section 1, 綜合評價): fixed weights over
 * indicators, time nodes, self-assessment and the three evaluations, a missing input's weight shared among the
 * present parts, and the Secretaries' Office's bonus capped. The rules and a worked example are in README.md.
 */
@Component(service = AssessmentModule.class, immediate = true,
        property = AssessmentModule.PROPERTY_ID + "=" + StandardAssessment.ID)
public final class StandardAssessment implements AssessmentModule {

    static final String ID = "standard";

    /**
     * Pinned by the city per year and recorded with every run, so a published result can be recomputed from its
     * snapshot. Any change that can move a score — a weight, the missing-input rule, clamping, rounding, the bonus
     * cap — must come with a new version; otherwise an old run would silently recompute to a different figure.
     * Changing only the wording of texts does not.
     */
    static final String VERSION = "1.0";

    // Explanations are a plain String in the API, so they are written in the module's default language.
    private final Scorer scorer = new Scorer(Messages.of(Locale.ROOT));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String name(Locale locale) {
        return Messages.of(locale).get("module.name");
    }

    /** Written from the weights and the cap the scorer uses, so the text cannot tell another version's rules. */
    @Override
    public String method(Locale locale) {
        List<String> args = new ArrayList<>();
        for (Part p : Part.values()) {
            args.add(p.weight().toPlainString());
        }
        args.add(Scorer.BONUS_CAP.toPlainString());
        return Messages.of(locale).format("module.method", args.toArray(String[]::new));
    }

    @Override
    public EvaluationResult evaluate(EvaluationInput input) {
        Objects.requireNonNull(input, "input");
        List<UnitScore> scores = new ArrayList<>(input.units().size());
        for (UnitInput unit : input.units()) {
            scores.add(scorer.score(unit));
        }
        return new EvaluationResult(scores);
    }
}
