package org.jixiao.api.questionnaire;

import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Questionnaires, campaigns, codes and scores. City users with {@link org.jixiao.api.Role#ADMIN} or
 * {@link org.jixiao.api.Role#ASSESSOR} build questionnaires and run campaigns; only an {@code ASSESSOR} closes a
 * campaign (its scores then feed the comprehensive evaluation as that user) and decides about units below the
 * minimum. Every campaign action is audited; answers never are. Others read what lies in their scope: a county
 * sees its own unit's scores, never free text.
 *
 * <p>Bad input throws {@link org.jixiao.api.ValidationException} with message keys under {@code questionnaire.*}
 * and {@code campaign.*}, writing nothing. Fields of a questionnaire draft: {@code type}, {@code titleZh},
 * {@code titleEn}, {@code introZh}, {@code introEn}, {@code sections}, {@code section.<s>}, {@code item.<s>.<i>},
 * {@code choice.<s>.<i>.<c>} (all from 1); of a campaign draft: {@code name}, {@code questionnaireId},
 * {@code orgUnitIds}, {@code quotas}, {@code quota.<CATEGORY>}, {@code minResponses}, {@code opens}, {@code closes},
 * {@code year}; of a state change: {@code state}, {@code codes}.
 */
@ProviderType
public interface QuestionnaireService {

    int TITLE_MAX = 200;
    int TEXT_MAX = 2000;
    int ITEMS_MAX = 200;
    int CHOICES_MAX = 10;
    /** Codes: at least this many characters from {@link #CODE_ALPHABET}. */
    int CODE_LENGTH = 12;
    /** No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
    String CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
    /** Most codes per unit and category. */
    int QUOTA_MAX = 2000;

    // ---------------------------------------------------------------- questionnaires

    /** Every questionnaire's versions, newest first. */
    List<Questionnaire> questionnaires(Actor actor);

    Questionnaire questionnaire(Actor actor, long id);

    /**
     * Creates version 1 ({@code id} null), changes a version not yet frozen, or saves a frozen version's changes as
     * the next version of its family.
     */
    Questionnaire save(Actor actor, Long id, QuestionnaireDraft draft);

    // ---------------------------------------------------------------- campaigns

    List<Campaign> campaigns(Actor actor, int year);

    Campaign campaign(Actor actor, long id);

    /** Creates a DRAFT campaign for an open year; freezes its questionnaire. */
    Campaign create(Actor actor, int year, CampaignDraft draft);

    /** Changes a DRAFT campaign; codes already issued beyond a lowered quota are withdrawn if unused. */
    Campaign change(Actor actor, long campaignId, CampaignDraft draft);

    /** DRAFT → OPEN. Needs its codes issued. */
    Campaign open(Actor actor, long campaignId);

    /**
     * OPEN → CLOSED: no more answers; each unit's score that is not below the minimum is entered as the year's
     * youth or leader score of the comprehensive evaluation. Needs an ASSESSOR. On a CLOSED campaign, enters the
     * scores that are not entered yet (the evaluation refused one, or the node stopped in between), and only those.
     */
    Campaign close(Actor actor, long campaignId);

    /**
     * For a unit below the minimum of a CLOSED campaign: USE enters its score anyway, EXCLUDE leaves the
     * evaluation's score to manual entry. Needs an ASSESSOR; audited with the reason.
     */
    UnitScores decide(Actor actor, long campaignId, long orgUnitId, UnitScores.Decision decision, String reason);

    // ---------------------------------------------------------------- codes

    /** Issues the codes still missing so every unit and category has its quota; returns all issued codes. */
    List<AccessCode> issueCodes(Actor actor, long campaignId);

    /**
     * The campaign's codes, by unit and category; optionally of one unit. For printing and CSV. City ADMIN or
     * ASSESSOR only; every call is audited with the count (whoever holds a code can answer with it).
     */
    List<AccessCode> codes(Actor actor, long campaignId, Long orgUnitId);

    // ---------------------------------------------------------------- results

    /**
     * Each unit's scores in the actor's scope. Until the campaign is CLOSED only the response counts are given and
     * every score is null: scores changing answer by answer would tell what each respondent answered.
     */
    List<UnitScores> scores(Actor actor, long campaignId);

    /**
     * How many responses each of the campaign's units in the actor's scope has so far, by org unit id (0 for none):
     * what a dashboard follows while the campaign runs. Unlike {@link #scores} it reads no answers, so its cost does
     * not grow with the questionnaire's length.
     *
     * @since 2.1
     */
    Map<Long, Integer> responseCounts(Actor actor, long campaignId);

    /**
     * Free-text answers by unit, each unit's in a fresh random order; the city's ASSESSOR only (respondents write
     * names and grievances there). Empty until the campaign is CLOSED, for the same reason as {@link #scores}.
     */
    Map<Long, List<FreeText>> freeTexts(Actor actor, long campaignId);
}
