package org.jixiao.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.RespondentCategory;

/**
 * The campaign form as typed: name, questionnaire, the evaluated units ticked ({@code unit}, repeated), a quota
 * per respondent category ({@code quota.<CATEGORY>}), the minimum of responses and the dates. Only the categories
 * of the chosen questionnaire's type are read; a blank or zero quota leaves the category out.
 */
public final class CampaignForm {

    String name = "";
    String questionnaireId = "";
    final List<String> units = new ArrayList<>();
    final Map<String, String> quotas = new LinkedHashMap<>();
    String minResponses = "";
    String opens = "";
    String closes = "";

    public String getName() {
        return name;
    }

    public String getQuestionnaireId() {
        return questionnaireId;
    }

    public List<String> getUnits() {
        return units;
    }

    public Map<String, String> getQuotas() {
        return quotas;
    }

    public String getMinResponses() {
        return minResponses;
    }

    public String getOpens() {
        return opens;
    }

    public String getCloses() {
        return closes;
    }

    static CampaignForm parse(Function<String, String> param, Function<String, String[]> values) {
        CampaignForm f = new CampaignForm();
        f.name = text(param.apply("name"));
        f.questionnaireId = text(param.apply("questionnaireId"));
        String[] ticked = values.apply("unit");
        if (ticked != null) {
            for (String u : ticked) {
                if (Http.parseId(u) != null && !f.units.contains(u)) {
                    f.units.add(u);
                }
            }
        }
        for (RespondentCategory c : RespondentCategory.values()) {
            f.quotas.put(c.name(), text(param.apply("quota." + c.name())));
        }
        f.minResponses = text(param.apply("minResponses"));
        f.opens = text(param.apply("opens"));
        f.closes = text(param.apply("closes"));
        return f;
    }

    static CampaignForm of(Campaign c) {
        CampaignForm f = new CampaignForm();
        f.name = c.name();
        f.questionnaireId = String.valueOf(c.questionnaireId());
        c.orgUnitIds().forEach(id -> f.units.add(String.valueOf(id)));
        for (RespondentCategory cat : RespondentCategory.values()) {
            f.quotas.put(cat.name(), "");
        }
        c.quotas().forEach(q -> f.quotas.put(q.category().name(), String.valueOf(q.quota())));
        f.minResponses = String.valueOf(c.minResponses());
        f.opens = c.opens() == null ? "" : c.opens().toString();
        f.closes = c.closes() == null ? "" : c.closes().toString();
        return f;
    }

    /**
     * A new campaign's form, every quota blank: how many slips each kind of respondent gets is the campaign's
     * decision, not a number the page suggests.
     */
    static CampaignForm blank() {
        CampaignForm f = new CampaignForm();
        for (RespondentCategory c : RespondentCategory.values()) {
            f.quotas.put(c.name(), "");
        }
        return f;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    Long questionnaire() {
        return Http.parseId(questionnaireId);
    }

    /**
     * The draft; numbers and dates that do not read are field errors under the form's names ({@code quota.STUDENT},
     * {@code minResponses}, {@code opens}), the rest is the service's to judge.
     *
     * @param type the chosen questionnaire's type, whose categories are read; null reads none
     */
    CampaignDraft toDraft(EvaluationType type) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Long q = questionnaire();
        if (q == null) {
            errors.add("questionnaireId", "campaignForm.questionnaire.required");
        }
        List<Long> ids = units.stream().map(Http::parseId).toList();
        List<CategoryQuota> out = new ArrayList<>();
        for (RespondentCategory c : RespondentCategory.values()) {
            String v = quotas.getOrDefault(c.name(), "");
            if (c.type() != type || v.isEmpty()) {
                continue;
            }
            Integer n = whole(v);
            if (n == null) {
                errors.add("quota." + c.name(), "campaignForm.number.invalid");
            } else if (n > 0) {
                out.add(new CategoryQuota(c, n));
            }
        }
        Integer min = minResponses.isEmpty() ? Integer.valueOf(0) : whole(minResponses);
        if (min == null) {
            errors.add("minResponses", "campaignForm.number.invalid");
        }
        LocalDate from = date(opens, "opens", errors);
        LocalDate to = date(closes, "closes", errors);
        errors.throwIfAny();
        return new CampaignDraft(name.isEmpty() ? null : name, q, ids, out, min, from, to);
    }

    private static Integer whole(String text) {
        Long n = Http.parseId(text);
        return n == null || n > 1_000_000 ? null : n.intValue();
    }

    private static LocalDate date(String text, String field, ValidationException.Collector errors) {
        if (text.isEmpty()) {
            errors.add(field, "cycle.window.required");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "common.date.invalid");
            return null;
        }
    }
}
