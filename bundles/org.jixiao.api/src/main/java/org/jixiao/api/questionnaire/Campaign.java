package org.jixiao.api.questionnaire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A questionnaire put to respondents for a year. */
public record Campaign(long id, int year, String name, long questionnaireId, EvaluationType type,
        List<Long> orgUnitIds, List<CategoryQuota> quotas, int minResponses, LocalDate opens, LocalDate closes,
        CampaignState state, Instant createdAt, String createdBy, Instant closedAt, String closedBy) {

    public Campaign {
        orgUnitIds = List.copyOf(orgUnitIds);
        quotas = List.copyOf(quotas);
    }
}
