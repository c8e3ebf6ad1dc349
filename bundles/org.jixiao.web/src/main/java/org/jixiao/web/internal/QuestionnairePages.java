package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.Section;

/**
 * The questionnaire builder: {@code /questionnaires} lists every questionnaire with its versions,
 * {@code /questionnaires/new[?type=YOUTH|LEADER]} starts one (from the policy's standard questionnaire of that
 * type), {@code /questionnaires/<id>} edits a version. The whole draft is one form; its buttons add and remove
 * sections and items by showing the form again as posted, and only "save" saves. Saving a version a campaign has
 * used makes the next version. No JavaScript.
 */
record QuestionnairePages(PageServlet pages, QuestionnaireService questionnaires) {

    /** City administrators and assessors build questionnaires; the service says so too. */
    static boolean canBuild(Actor actor) {
        return actor.orgUnit().parentId() == null && (actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR));
    }

    void handle(PageServlet.Call call) throws IOException {
        String second = call.seg(1);
        if (call.segments.length > 2) {
            throw new NotFoundException(call.path);
        }
        if (second == null) {
            if (call.post()) {
                throw new NotFoundException(call.path);
            }
            list(call);
            return;
        }
        if ("new".equals(second)) {
            edit(call, null);
            return;
        }
        Long id = Http.parseId(second);
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        edit(call, questionnaires.questionnaire(call.actor, id));
    }

    private void list(PageServlet.Call call) throws IOException {
        Map<String, Object> model = call.model();
        // Newest first from the service; grouped by family, in the order each family first appears.
        Map<Long, List<Questionnaire>> families = new LinkedHashMap<>();
        for (Questionnaire q : questionnaires.questionnaires(call.actor)) {
            families.computeIfAbsent(q.familyId(), k -> new ArrayList<>()).add(q);
        }
        model.put("families", new ArrayList<>(families.values()));
        model.put("canBuild", canBuild(call.actor));
        model.put("types", EvaluationType.values());
        pages.render(call, 200, null, "questionnaires", model);
    }

    private void edit(PageServlet.Call call, Questionnaire saved) throws IOException {
        Map<String, Object> model = call.model();
        model.put("questionnaire", saved);
        model.put("canBuild", canBuild(call.actor));
        model.put("types", EvaluationType.values());
        model.put("kinds", ItemKind.values());
        model.put("action", saved == null ? "/questionnaires/new" : "/questionnaires/" + saved.id());
        if (saved != null) {
            model.put("versions", questionnaires.questionnaires(call.actor).stream()
                    .filter(q -> q.familyId() == saved.familyId()).toList());
        }
        if (!call.post()) {
            QuestionnaireForm form;
            if (saved != null) {
                form = QuestionnaireForm.of(saved);
            } else {
                EvaluationType type = PageServlet.enumOrNull(EvaluationType.class, call.param("type"));
                form = type == null ? blank() : QuestionnaireForm.of(standard(type));
            }
            model.put("form", form);
            model.put("justSaved", call.param("saved") != null);
            pages.render(call, 200, null, "questionnaire-edit", model);
            return;
        }
        QuestionnaireForm form = QuestionnaireForm.parse(call.request::getParameter);
        model.put("form", form);
        String op = call.param("op");
        if (!"save".equals(op)) {
            // Add, remove, move, or Enter in a field: the form again, as posted, changed; nothing saved.
            form.apply(op);
            pages.render(call, 200, null, "questionnaire-edit", model);
            return;
        }
        try {
            Questionnaire result = questionnaires.save(call.actor, saved == null ? null : saved.id(), form.toDraft());
            Http.redirect(call.response, "/questionnaires/" + result.id() + "?saved=1");
        } catch (ValidationException e) {
            model.put("errors", QuestionnaireForm.onForm(e.fieldErrors()));
            pages.render(call, 400, null, "questionnaire-edit", model);
        }
    }

    private static QuestionnaireForm blank() {
        QuestionnaireForm form = new QuestionnaireForm();
        form.apply("addSection");
        return form;
    }

    // ---------------------------------------------------------------- the standard questionnaires

    /** How many rated items each standard questionnaire has ({@code builder.default.<TYPE>.item.<n>}). */
    private static final Map<EvaluationType, Integer> STANDARD_ITEMS = Map.of(EvaluationType.YOUTH, 5,
            EvaluationType.LEADER, 4);

    /**
     * The policy's standard questionnaire of a type, in both languages: its rated items on the four-level scale
     * (很满意 100, 满意 80, 一般 60, 不满意 0), equally weighted, then one optional free-text question.
     */
    static QuestionnaireDraft standard(EvaluationType type) {
        Messages zh = new Messages(Messages.ZH_CN);
        Messages en = new Messages(Locale.ENGLISH);
        String p = "builder.default." + type.name() + ".";
        List<Choice> scale = QuestionnaireForm.parseChoices(QuestionnaireForm.STANDARD_SCALE);
        List<Item> rated = new ArrayList<>();
        for (int i = 1; i <= STANDARD_ITEMS.get(type); i++) {
            rated.add(new Item(null, ItemKind.RATING, zh.get(p + "item." + i), en.get(p + "item." + i), BigDecimal.ONE,
                    scale, true));
        }
        Item comments = new Item(null, ItemKind.TEXT, zh.get("builder.default.comments"),
                en.get("builder.default.comments"), null, List.of(), false);
        return new QuestionnaireDraft(type, zh.get(p + "title"), en.get(p + "title"), zh.get(p + "intro"),
                en.get(p + "intro"), List.of(
                        new Section(zh.get("builder.default.section.rating"), en.get("builder.default.section.rating"),
                                rated),
                        new Section(zh.get("builder.default.section.comments"),
                                en.get("builder.default.section.comments"), List.of(comments))));
    }
}
