package org.jixiao.api.questionnaire;

import java.time.LocalDate;
import java.util.List;

/**
 * What the campaign form submits.
 *
 * @param orgUnitIds the evaluated units rated
 * @param quotas per category, the codes issued per unit; categories must fit the questionnaire's type
 * @param minResponses a unit with fewer responses is flagged and its score is not used until the team decides
 */
public record CampaignDraft(String name, long questionnaireId, List<Long> orgUnitIds, List<CategoryQuota> quotas,
        int minResponses, LocalDate opens, LocalDate closes) {

    public CampaignDraft {
        orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }
}
