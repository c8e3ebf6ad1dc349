package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.junit.jupiter.api.Test;

/** The builder's form: the choices field, the structural buttons, and what a save turns it into. */
class QuestionnaireFormTest {

    @Test
    void choicesAreLabelEqualsPointsSeparatedBySemicolons() {
        assertEquals(List.of(new Choice("很满意", null, new BigDecimal("100")), new Choice("满意", null, new BigDecimal("80")),
                new Choice("一般", null, new BigDecimal("60")), new Choice("不满意", null, BigDecimal.ZERO)),
                QuestionnaireForm.parseChoices("很满意=100; 满意=80; 一般=60; 不满意=0"));
        // Full-width separators, line breaks, English labels, blanks and a label holding "=".
        assertEquals(List.of(new Choice("好", "Good", new BigDecimal("90.5")), new Choice("a=b", null, BigDecimal.TEN)),
                QuestionnaireForm.parseChoices(" 好 | Good ＝ 90.5 ；\n\n a=b=10 ;"));
        assertEquals(List.of(), QuestionnaireForm.parseChoices("  ; ；"));
        for (String bad : new String[] {"很满意", "=100", "很满意=", "很满意=很多", "|Good=1", "好=1e999999"}) {
            assertThrows(IllegalArgumentException.class, () -> QuestionnaireForm.parseChoices(bad), bad);
        }
    }

    @Test
    void choicesReadBackAsTheyAreShown() {
        List<Choice> scale = QuestionnaireForm.parseChoices(QuestionnaireForm.STANDARD_SCALE);
        assertEquals(4, scale.size());
        assertEquals(new Choice("很满意", "Very satisfied", new BigDecimal("100")), scale.get(0));
        assertEquals(QuestionnaireForm.STANDARD_SCALE, QuestionnaireForm.formatChoices(scale));
        assertEquals("好=90.5; 差|Poor=0", QuestionnaireForm.formatChoices(List.of(
                new Choice("好", " ", new BigDecimal("90.50")), new Choice("差", "Poor", new BigDecimal("0.00")))));
    }

    /** The form of a draft, posted back as the browser sends it (unchecked boxes absent). */
    private static Map<String, String> posted(QuestionnaireForm form) {
        Map<String, String> p = new HashMap<>();
        p.put("type", form.type);
        p.put("titleZh", form.titleZh);
        p.put("titleEn", form.titleEn);
        p.put("introZh", form.introZh);
        p.put("introEn", form.introEn);
        p.put("sections", String.valueOf(form.sections.size()));
        for (int i = 0; i < form.sections.size(); i++) {
            QuestionnaireForm.SectionForm s = form.sections.get(i);
            p.put("s." + i + ".titleZh", s.titleZh);
            p.put("s." + i + ".titleEn", s.titleEn);
            p.put("s." + i + ".items", String.valueOf(s.items.size()));
            for (int j = 0; j < s.items.size(); j++) {
                QuestionnaireForm.ItemForm it = s.items.get(j);
                String k = "s." + i + ".i." + j + ".";
                p.put(k + "kind", it.kind);
                p.put(k + "textZh", it.textZh);
                p.put(k + "textEn", it.textEn);
                p.put(k + "weight", it.weight);
                p.put(k + "choices", it.choices);
                if (it.required) {
                    p.put(k + "required", "1");
                }
            }
        }
        return p;
    }

    @Test
    void theStandardYouthDraftSurvivesTheFormUnchanged() {
        QuestionnaireDraft standard = QuestionnairePages.standard(EvaluationType.YOUTH);
        assertEquals(EvaluationType.YOUTH, standard.type());
        assertEquals("青年评价测评表", standard.titleZh());
        assertEquals("Youth evaluation questionnaire", standard.titleEn());
        assertEquals(List.of(5, 1), standard.sections().stream().map(s -> s.items().size()).toList());
        Item first = standard.sections().get(0).items().get(0);
        assertEquals(ItemKind.RATING, first.kind());
        assertEquals(List.of("很满意", "满意", "一般", "不满意"), first.choices().stream().map(Choice::labelZh).toList());
        assertTrue(first.required());
        Item text = standard.sections().get(1).items().get(0);
        assertEquals(ItemKind.TEXT, text.kind());
        assertFalse(text.required());
        assertFalse(text.textZh().startsWith("builder."), "the texts come from the bundles");

        QuestionnaireDraft back = QuestionnaireForm.parse(posted(QuestionnaireForm.of(standard))::get).toDraft();
        assertEquals(standard, back);
        assertEquals(4, QuestionnairePages.standard(EvaluationType.LEADER).sections().get(0).items().size());
    }

    @Test
    void addAndRemoveChangeTheFormAsPostedAndNothingElse() {
        QuestionnaireForm form = QuestionnaireForm.parse(posted(QuestionnaireForm.of(
                QuestionnairePages.standard(EvaluationType.YOUTH)))::get);
        form.sections.get(0).items.get(1).textZh = "已改，未保存";
        assertTrue(form.apply("addItem:1"));
        assertEquals(2, form.sections.get(1).items.size());
        QuestionnaireForm.ItemForm added = form.sections.get(1).items.get(1);
        assertEquals("RATING", added.kind);
        assertEquals(QuestionnaireForm.STANDARD_SCALE, added.choices);
        assertTrue(form.apply("removeItem:0:0"));
        assertEquals("已改，未保存", form.sections.get(0).items.get(0).textZh, "what was typed stays");
        assertEquals(4, form.sections.get(0).items.size());
        assertTrue(form.apply("up:0:1"));
        assertTrue(form.sections.get(0).items.get(0).textZh.contains("维护"), "moved up");
        assertEquals("已改，未保存", form.sections.get(0).items.get(1).textZh, "and the one before it down");
        assertTrue(form.apply("addSection"));
        assertEquals(3, form.sections.size());
        assertTrue(form.apply("removeSection:0"));
        assertEquals(2, form.sections.size());
        // Buttons naming nothing, and the others, change nothing.
        for (String op : new String[] {null, "save", "refresh", "addItem:9", "removeItem:0:99", "removeSection:-1",
            "addItem:x", "removeItem:0", "addSection:1", "up:0:9", "drop"}) {
            assertFalse(form.apply(op), op);
        }
        assertEquals(2, form.sections.size());
    }

    @Test
    void forgedCountsAreClamped() {
        Map<String, String> p = new HashMap<>();
        p.put("sections", "999999999");
        p.put("s.0.items", "999999999");
        QuestionnaireForm form = QuestionnaireForm.parse(p::get);
        assertEquals(QuestionnaireForm.SECTIONS_MAX, form.sections.size());
        assertEquals(QuestionnaireService.ITEMS_MAX, form.itemCount());
        assertFalse(form.apply("addItem:1"), "no more items than the service takes");
        assertEquals(0, QuestionnaireForm.parse(Map.of("sections", "-1")::get).sections.size());
    }

    @Test
    void whatOnlyTheFormCanGetWrongIsAFieldErrorUnderItsName() {
        QuestionnaireForm form = QuestionnaireForm.of(QuestionnairePages.standard(EvaluationType.YOUTH));
        form.type = "OTHER";
        form.sections.get(0).items.get(0).weight = "heavy";
        form.sections.get(0).items.get(1).choices = "很满意";
        form.sections.get(0).items.get(2).kind = "ESSAY";
        form.sections.get(1).items.get(0).weight = "ignored for text";
        ValidationException e = assertThrows(ValidationException.class, form::toDraft);
        assertEquals(Map.of("type", "questionnaire.type.required", "s.0.i.0.weight", "builder.weight.invalid",
                "s.0.i.1.choices", "builder.choices.invalid", "s.0.i.2.kind", "questionnaire.item.kind.required"), e.fieldErrors());
    }

    @Test
    void theServicesFieldErrorsShowBesideTheirPartOrItem() {
        Map<String, String> service = new java.util.LinkedHashMap<>();
        service.put("titleZh", "questionnaire.title.required");
        service.put("section.2", "questionnaire.section.empty");
        service.put("item.1.3", "questionnaire.item.weight.invalid");
        service.put("choice.1.3.2", "questionnaire.choice.points.invalid");
        service.put("choice.1.3.4", "questionnaire.choice.label.required");
        service.put("item.x.1", "questionnaire.item.text.required");
        assertEquals(Map.of("titleZh", "questionnaire.title.required", "s.1.section", "questionnaire.section.empty",
                "s.0.i.2.item", "questionnaire.item.weight.invalid", "s.0.i.2.choices",
                "questionnaire.choice.points.invalid", "item.x.1", "questionnaire.item.text.required"),
                QuestionnaireForm.onForm(service));
    }

    @Test
    void blanksAreNullAndTextItemsAreNeverRequiredNorScored() {
        QuestionnaireForm form = new QuestionnaireForm();
        form.apply("addSection");
        QuestionnaireForm.ItemForm item = form.sections.get(0).items.get(0);
        item.kind = "TEXT";
        item.textZh = "  意见  ";
        QuestionnaireDraft d = form.toDraft();
        assertNull(d.titleZh());
        assertNull(d.sections().get(0).titleZh());
        Item text = d.sections().get(0).items().get(0);
        assertEquals("意见", text.textZh());
        assertFalse(text.required());
        assertNull(text.weight());
        assertEquals(List.of(), text.choices());
    }
}
