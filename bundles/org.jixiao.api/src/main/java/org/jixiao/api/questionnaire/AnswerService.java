package org.jixiao.api.questionnaire;

import java.util.List;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Answering by one-time code. A respondent needs no account; a submission is one transaction that marks the code
 * used and stores the answers with no link back to it (no code, no code id, the day only, no client address), so
 * nobody can tell who answered what while no code answers twice. Answers are never audited.
 *
 * <p>{@link org.jixiao.api.ValidationException} keys: {@code answer.code.unknown}, {@code answer.code.used},
 * {@code answer.campaign.notOpen}, {@code answer.campaign.closed} (field {@code code}); {@code answer.required},
 * {@code answer.choice.invalid}, {@code answer.text.tooLong}, {@code answer.item.unknown},
 * {@code answer.item.duplicate} (field {@code item.<key>}; an answer without an item key: field {@code answers}).
 * A refused submission stores nothing and leaves its code unused.
 */
@ProviderType
public interface AnswerService {

    /** Normalises what a respondent typed: upper case, spaces and dashes removed; null when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : typed.toCharArray()) {
            if (ch == ' ' || ch == '-' || ch == '\u3000') {
                continue;
            }
            char up = Character.toUpperCase(ch);
            if (QuestionnaireService.CODE_ALPHABET.indexOf(up) < 0) {
                return null;
            }
            b.append(up);
        }
        return b.length() >= QuestionnaireService.CODE_LENGTH && b.length() <= 32 ? b.toString() : null;
    }

    /** What the code opens: the questionnaire and the unit to rate, while the code may still answer. */
    Ballot ballot(String code);

    /**
     * What the code opens, for staff about to enter its paper form: who may not enter it may not look it up either,
     * so a unit's staff cannot find which unit and category another's codes are for. Needs what
     * {@link #submitPaper} needs.
     */
    Ballot paperBallot(Actor actor, String code);

    /** An anonymous respondent's submission. */
    void submit(String code, List<Answer> answers);

    /**
     * Staff entering a paper questionnaire by its printed code, with the same one-answer rule. Needs STAFF, ADMIN or
     * ASSESSOR of the city: a unit's own staff never fill in the forms that rate their unit.
     */
    void submitPaper(Actor actor, String code, List<Answer> answers);
}
