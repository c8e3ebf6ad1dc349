package org.jixiao.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The JSON API of questionnaires and evaluation campaigns. Respondents' answers have no JSON API: they come
 * through {@code /q} only.
 *
 * <pre>
 * GET  questionnaires                               POST questionnaires {type, titleZh, titleEn, introZh, introEn,
 *                                                        sections: [{titleZh, titleEn, items: [{kind, textZh, textEn,
 *                                                        weight, required, choices: [{labelZh, labelEn, points}]}]}]}
 * GET  questionnaires/{id}                          PUT  questionnaires/{id} {same}: a frozen one saves a new version
 * GET  perf/years/{y}/campaigns                     POST perf/years/{y}/campaigns {name, questionnaireId, orgUnitIds,
 *                                                        quotas: [{category, quota}], minResponses, opens, closes}
 * GET  perf/years/{y}/campaigns/{id}                PUT  perf/years/{y}/campaigns/{id} {same}
 * POST perf/years/{y}/campaigns/{id}/open           POST perf/years/{y}/campaigns/{id}/close
 * GET  perf/years/{y}/campaigns/{id}/codes[?unit=]  POST perf/years/{y}/campaigns/{id}/codes (issue the missing ones)
 * GET  perf/years/{y}/campaigns/{id}/scores         GET  perf/years/{y}/campaigns/{id}/free-texts
 * POST perf/years/{y}/campaigns/{id}/units/{unitId}/decision {decision: USE|EXCLUDE, reason}
 * </pre>
 */
final class QuestionnaireApi {

    private final QuestionnaireService questionnaires;

    QuestionnaireApi(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    private static boolean is(ApiServlet.Call call, int length, String method) {
        return call.segments.length == length && method.equals(call.method);
    }

    /** {@code /api/v1/questionnaires[/{id}]}. */
    void questionnaires(ApiServlet.Call call) throws IOException {
        if (is(call, 3, "GET")) {
            ApiServlet.send(call, 200, questionnaires.questionnaires(call.actor));
        } else if (is(call, 3, "POST")) {
            ApiServlet.send(call, 201, questionnaires.save(call.actor, null, questionnaireDraft(call.body)));
        } else if (is(call, 4, "GET")) {
            ApiServlet.send(call, 200, questionnaires.questionnaire(call.actor, id(call.seg(3), call)));
        } else if (is(call, 4, "PUT")) {
            long id = id(call.seg(3), call);
            ApiServlet.send(call, 200, questionnaires.save(call.actor, id, questionnaireDraft(call.body)));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    /** {@code /api/v1/perf/years/{y}/campaigns/...}: segment 6 onwards. */
    void campaigns(ApiServlet.Call call, int year) throws IOException {
        int n = call.segments.length;
        if (is(call, 6, "GET")) {
            ApiServlet.send(call, 200, questionnaires.campaigns(call.actor, year));
            return;
        }
        if (is(call, 6, "POST")) {
            ApiServlet.send(call, 201, questionnaires.create(call.actor, year, campaignDraft(call.body)));
            return;
        }
        if (n < 7) {
            throw new NotFoundException(call.path);
        }
        Campaign campaign = questionnaires.campaign(call.actor, id(call.seg(6), call));
        if (campaign.year() != year) {
            throw new NotFoundException(call.path);
        }
        long id = campaign.id();
        String what = call.seg(7);
        if (is(call, 7, "GET")) {
            ApiServlet.send(call, 200, campaign);
        } else if (is(call, 7, "PUT")) {
            ApiServlet.send(call, 200, questionnaires.change(call.actor, id, campaignDraft(call.body)));
        } else if (is(call, 8, "POST") && "open".equals(what)) {
            ApiServlet.send(call, 200, questionnaires.open(call.actor, id));
        } else if (is(call, 8, "POST") && "close".equals(what)) {
            ApiServlet.send(call, 200, questionnaires.close(call.actor, id));
        } else if (is(call, 8, "POST") && "codes".equals(what)) {
            ApiServlet.send(call, 200, questionnaires.issueCodes(call.actor, id));
        } else if (is(call, 8, "GET") && "codes".equals(what)) {
            String unit = call.request.getParameter("unit");
            Long unitId = unit == null || unit.isBlank() ? null : Http.parseId(unit.strip());
            if (unit != null && !unit.isBlank() && unitId == null) {
                throw ValidationException.of("unit", "evaluation.unit.invalid");
            }
            ApiServlet.send(call, 200, questionnaires.codes(call.actor, id, unitId));
        } else if (is(call, 8, "GET") && "scores".equals(what)) {
            ApiServlet.send(call, 200, questionnaires.scores(call.actor, id));
        } else if (is(call, 8, "GET") && "free-texts".equals(what)) {
            ApiServlet.send(call, 200, questionnaires.freeTexts(call.actor, id));
        } else if (is(call, 10, "POST") && "units".equals(what) && "decision".equals(call.seg(9))) {
            long unitId = id(call.seg(8), call);
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            UnitScores.Decision decision = body.enumValue(UnitScores.Decision.class, "decision",
                    "campaignForm.decision.required", errors);
            if ((decision == null || decision == UnitScores.Decision.NONE) && !errors.has("decision")) {
                errors.add("decision", "campaignForm.decision.required");
            }
            String reason = body.text("reason", errors);
            errors.throwIfAny();
            ApiServlet.send(call, 200, questionnaires.decide(call.actor, id, unitId, decision, reason));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private static long id(String text, ApiServlet.Call call) {
        Long id = Http.parseId(text);
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        return id;
    }

    // ---------------------------------------------------------------- bodies

    /**
     * A questionnaire as JSON: the record shapes of the API ({@code key} is ignored); an unknown type or kind is a
     * field error, under the service's field names, rather than a silent null.
     */
    static QuestionnaireDraft questionnaireDraft(JsonElement element) {
        PerfApi.Body body = PerfApi.Body.of(element);
        ValidationException.Collector errors = new ValidationException.Collector();
        EvaluationType type = body.enumValue(EvaluationType.class, "type", "questionnaire.type.required", errors);
        if (type == null && !errors.has("type")) {
            errors.add("type", "questionnaire.type.required");
        }
        JsonObject object = element == null || element.isJsonNull() ? new JsonObject() : element.getAsJsonObject();
        List<Section> sections = new ArrayList<>();
        JsonElement list = object.get("sections");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw new Json.BadJsonException("sections must be an array");
            }
            int i = 0;
            for (JsonElement s : list.getAsJsonArray()) {
                Section section = Json.GSON.fromJson(s, Section.class);
                if (section == null) {
                    throw new Json.BadJsonException("a section must be an object");
                }
                int j = 0;
                for (Item item : section.items()) {
                    if (item == null || item.kind() == null) {
                        errors.add("item." + (i + 1) + "." + (j + 1), "questionnaire.item.kind.required");
                    }
                    j++;
                }
                sections.add(section);
                i++;
            }
        }
        String titleZh = body.text("titleZh", errors);
        String titleEn = body.text("titleEn", errors);
        String introZh = body.text("introZh", errors);
        String introEn = body.text("introEn", errors);
        errors.throwIfAny();
        return new QuestionnaireDraft(type, titleZh, titleEn, introZh, introEn, sections);
    }

    /** A campaign as JSON, as the API returns it; malformed scalars are field errors. */
    static CampaignDraft campaignDraft(JsonElement element) {
        PerfApi.Body body = PerfApi.Body.of(element);
        ValidationException.Collector errors = new ValidationException.Collector();
        String name = body.text("name", errors);
        Long questionnaireId = body.id("questionnaireId", "campaignForm.questionnaire.required", errors);
        if (questionnaireId == null && !errors.has("questionnaireId")) {
            errors.add("questionnaireId", "campaignForm.questionnaire.required");
        }
        Integer min = count(body, "minResponses", errors);
        java.time.LocalDate opens = body.date("opens", errors);
        java.time.LocalDate closes = body.date("closes", errors);
        JsonObject object = element == null || element.isJsonNull() ? new JsonObject() : element.getAsJsonObject();
        List<Long> units = new ArrayList<>();
        JsonElement ids = object.get("orgUnitIds");
        if (ids != null && !ids.isJsonNull()) {
            for (JsonElement e : array(ids, "orgUnitIds")) {
                Long id = e.isJsonPrimitive() ? Http.parseId(e.getAsString()) : null;
                if (id == null || id < 1) {
                    errors.add("orgUnitIds", "evaluation.unit.invalid");
                } else {
                    units.add(id);
                }
            }
        }
        List<CategoryQuota> quotas = new ArrayList<>();
        JsonElement qs = object.get("quotas");
        if (qs != null && !qs.isJsonNull()) {
            for (JsonElement e : array(qs, "quotas")) {
                // Each entry's own errors, reported under the campaign's field names.
                ValidationException.Collector entry = new ValidationException.Collector();
                PerfApi.Body q = PerfApi.Body.of(e);
                RespondentCategory category = q.enumValue(RespondentCategory.class, "category",
                        "campaignForm.category.invalid", entry);
                Integer quota = count(q, "quota", entry);
                if (category == null) {
                    errors.add("quotas", "campaignForm.category.invalid");
                } else if (quota == null) {
                    errors.add("quota." + category.name(), "campaignForm.number.invalid");
                } else {
                    quotas.add(new CategoryQuota(category, quota));
                }
            }
        }
        errors.throwIfAny();
        return new CampaignDraft(name, questionnaireId, units, quotas, min == null ? 0 : min, opens, closes);
    }

    private static JsonArray array(JsonElement e, String name) {
        if (!e.isJsonArray()) {
            throw new Json.BadJsonException(name + " must be an array");
        }
        return e.getAsJsonArray();
    }

    /** A whole number from 0, or null when absent; anything else is the field's error. */
    private static Integer count(PerfApi.Body body, String name, ValidationException.Collector errors) {
        java.math.BigDecimal d = body.decimal(name, "campaignForm.number.invalid", errors);
        if (d == null) {
            return null;
        }
        try {
            int v = d.intValueExact();
            if (v >= 0) {
                return v;
            }
        } catch (ArithmeticException e) {
            // falls through
        }
        errors.add(name, "campaignForm.number.invalid");
        return null;
    }
}
