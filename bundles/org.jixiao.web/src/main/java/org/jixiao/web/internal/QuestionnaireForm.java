package org.jixiao.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * The questionnaire builder's whole draft as one form, without JavaScript: every field as typed (so a re-render
 * after "add item" or a failed save shows exactly what was there), the structure changed by submit buttons
 * ({@link #apply}) and nothing saved until "save" turns it into a {@link QuestionnaireDraft}.
 *
 * <p>Field names: {@code type, titleZh, titleEn, introZh, introEn, sections} (their count), per section
 * {@code s.<i>.titleZh, s.<i>.titleEn, s.<i>.items} (count), per item {@code s.<i>.i.<j>.kind, .textZh, .textEn,
 * .weight, .required, .choices}, all from 0. Choices are typed as one field, {@code 很满意=100; 满意=80; …}, a
 * label optionally followed by {@code |English}.
 */
public final class QuestionnaireForm {

    static final int SECTIONS_MAX = 30;
    /** The policy's four-level scale, what a new rating item starts with. */
    static final String STANDARD_SCALE = "很满意|Very satisfied=100; 满意|Satisfied=80; 一般|Fair=60; "
            + "不满意|Dissatisfied=0";

    String type = EvaluationType.YOUTH.name();
    String titleZh = "";
    String titleEn = "";
    String introZh = "";
    String introEn = "";
    final List<SectionForm> sections = new ArrayList<>();

    /** One section as typed. */
    public static final class SectionForm {
        String titleZh = "";
        String titleEn = "";
        final List<ItemForm> items = new ArrayList<>();

        public String getTitleZh() {
            return titleZh;
        }

        public String getTitleEn() {
            return titleEn;
        }

        public List<ItemForm> getItems() {
            return items;
        }
    }

    /** One item as typed. */
    public static final class ItemForm {
        String kind = ItemKind.RATING.name();
        String textZh = "";
        String textEn = "";
        String weight = "1";
        boolean required = true;
        String choices = STANDARD_SCALE;

        public String getKind() {
            return kind;
        }

        public String getTextZh() {
            return textZh;
        }

        public String getTextEn() {
            return textEn;
        }

        public String getWeight() {
            return weight;
        }

        public boolean isRequired() {
            return required;
        }

        public String getChoices() {
            return choices;
        }
    }

    // Getters for the template (FreeMarker's bean wrapper reads properties).

    public String getType() {
        return type;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getIntroZh() {
        return introZh;
    }

    public String getIntroEn() {
        return introEn;
    }

    public List<SectionForm> getSections() {
        return sections;
    }

    // ---------------------------------------------------------------- reading

    /** The form as posted; counts are clamped, so a forged count cannot make the server build a huge form. */
    static QuestionnaireForm parse(Function<String, String> param) {
        QuestionnaireForm f = new QuestionnaireForm();
        f.type = text(param.apply("type"));
        f.titleZh = text(param.apply("titleZh"));
        f.titleEn = text(param.apply("titleEn"));
        f.introZh = text(param.apply("introZh"));
        f.introEn = text(param.apply("introEn"));
        int sections = count(param.apply("sections"), SECTIONS_MAX);
        int itemsLeft = QuestionnaireService.ITEMS_MAX;
        for (int i = 0; i < sections; i++) {
            String s = "s." + i + ".";
            SectionForm section = new SectionForm();
            section.titleZh = text(param.apply(s + "titleZh"));
            section.titleEn = text(param.apply(s + "titleEn"));
            int items = count(param.apply(s + "items"), itemsLeft);
            itemsLeft -= items;
            for (int j = 0; j < items; j++) {
                String p = s + "i." + j + ".";
                ItemForm item = new ItemForm();
                item.kind = text(param.apply(p + "kind"));
                item.textZh = text(param.apply(p + "textZh"));
                item.textEn = text(param.apply(p + "textEn"));
                item.weight = text(param.apply(p + "weight"));
                item.required = param.apply(p + "required") != null;
                item.choices = text(param.apply(p + "choices"));
                section.items.add(item);
            }
            f.sections.add(section);
        }
        return f;
    }

    /** A saved version, to edit. */
    static QuestionnaireForm of(Questionnaire q) {
        return of(new QuestionnaireDraft(q.type(), q.titleZh(), q.titleEn(), q.introZh(), q.introEn(), q.sections()));
    }

    static QuestionnaireForm of(QuestionnaireDraft d) {
        QuestionnaireForm f = new QuestionnaireForm();
        f.type = d.type() == null ? "" : d.type().name();
        f.titleZh = text(d.titleZh());
        f.titleEn = text(d.titleEn());
        f.introZh = text(d.introZh());
        f.introEn = text(d.introEn());
        for (Section s : d.sections()) {
            SectionForm section = new SectionForm();
            section.titleZh = text(s.titleZh());
            section.titleEn = text(s.titleEn());
            for (Item i : s.items()) {
                ItemForm item = new ItemForm();
                item.kind = i.kind() == null ? "" : i.kind().name();
                item.textZh = text(i.textZh());
                item.textEn = text(i.textEn());
                item.weight = i.weight() == null ? "" : i.weight().stripTrailingZeros().toPlainString();
                item.required = i.required();
                item.choices = formatChoices(i.choices());
                section.items.add(item);
            }
            f.sections.add(section);
        }
        return f;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static int count(String text, int max) {
        Long n = Http.parseId(text == null ? null : text.strip());
        return n == null ? 0 : (int) Math.min(n, Math.max(0, max));
    }

    // ---------------------------------------------------------------- the buttons

    /**
     * Applies a structural button: {@code addSection}, {@code addItem:<i>}, {@code removeItem:<i>:<j>},
     * {@code removeSection:<i>}, {@code up:<i>:<j>} (moves an item up). False for anything else (save, refresh) or
     * a button that names no section or item (the form is then shown as it was).
     */
    boolean apply(String op) {
        if (op == null) {
            return false;
        }
        String[] p = op.split(":", -1);
        int i = p.length > 1 ? index(p[1]) : -1;
        int j = p.length > 2 ? index(p[2]) : -1;
        switch (p[0]) {
            case "addSection" -> {
                if (p.length != 1 || sections.size() >= SECTIONS_MAX) {
                    return false;
                }
                SectionForm s = new SectionForm();
                s.items.add(new ItemForm());
                sections.add(s);
                return true;
            }
            case "removeSection" -> {
                if (p.length != 2 || i < 0 || i >= sections.size()) {
                    return false;
                }
                sections.remove(i);
                return true;
            }
            case "addItem" -> {
                if (p.length != 2 || i < 0 || i >= sections.size() || itemCount() >= QuestionnaireService.ITEMS_MAX) {
                    return false;
                }
                sections.get(i).items.add(new ItemForm());
                return true;
            }
            case "removeItem", "up" -> {
                if (p.length != 3 || i < 0 || i >= sections.size() || j < 0 || j >= sections.get(i).items.size()) {
                    return false;
                }
                List<ItemForm> items = sections.get(i).items;
                if ("removeItem".equals(p[0])) {
                    items.remove(j);
                } else if (j > 0) {
                    items.add(j - 1, items.remove(j));
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    int itemCount() {
        return sections.stream().mapToInt(s -> s.items.size()).sum();
    }

    private static int index(String text) {
        Long n = Http.parseId(text);
        return n == null || n > 10_000 ? -1 : n.intValue();
    }

    // ---------------------------------------------------------------- saving

    /**
     * The draft to save. What only the form can get wrong (a weight that is no number, choices that do not read)
     * is a field error under the field's own name; everything else is the service's to judge.
     */
    QuestionnaireDraft toDraft() {
        ValidationException.Collector errors = new ValidationException.Collector();
        EvaluationType t = PageServlet.enumOrNull(EvaluationType.class, type);
        if (t == null) {
            errors.add("type", "questionnaire.type.required");
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            SectionForm s = sections.get(i);
            List<Item> items = new ArrayList<>();
            for (int j = 0; j < s.items.size(); j++) {
                ItemForm f = s.items.get(j);
                String p = "s." + i + ".i." + j + ".";
                ItemKind kind = PageServlet.enumOrNull(ItemKind.class, f.kind);
                if (kind == null) {
                    errors.add(p + "kind", "questionnaire.item.kind.required");
                    continue;
                }
                BigDecimal weight = null;
                List<Choice> choices = List.of();
                if (kind != ItemKind.TEXT) {
                    try {
                        weight = decimal(f.weight);
                    } catch (IllegalArgumentException e) {
                        errors.add(p + "weight", "builder.weight.invalid");
                    }
                    try {
                        choices = parseChoices(f.choices);
                    } catch (IllegalArgumentException e) {
                        errors.add(p + "choices", "builder.choices.invalid");
                    }
                }
                items.add(new Item(null, kind, blankToNull(f.textZh), blankToNull(f.textEn), weight, choices,
                        kind != ItemKind.TEXT && f.required));
            }
            out.add(new Section(blankToNull(s.titleZh), blankToNull(s.titleEn), items));
        }
        errors.throwIfAny();
        return new QuestionnaireDraft(t, blankToNull(titleZh), blankToNull(titleEn), blankToNull(introZh),
                blankToNull(introEn), out);
    }

    /**
     * The service's field errors under the form's names, so each shows beside its part or item: {@code section.<s>}
     * as {@code s.<s-1>.section}, {@code item.<s>.<i>} as {@code s.<s-1>.i.<i-1>.item}, {@code choice.<s>.<i>.<c>}
     * as that item's {@code choices} (the first one); other fields as they are.
     */
    static Map<String, String> onForm(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, key) -> {
            String[] p = field.split("\\.");
            int s = p.length > 1 ? index(p[1]) - 1 : -1;
            int i = p.length > 2 ? index(p[2]) - 1 : -1;
            String mapped = field;
            if ("section".equals(p[0]) && p.length == 2 && s >= 0) {
                mapped = "s." + s + ".section";
            } else if ("item".equals(p[0]) && p.length == 3 && s >= 0 && i >= 0) {
                mapped = "s." + s + ".i." + i + ".item";
            } else if ("choice".equals(p[0]) && p.length == 4 && s >= 0 && i >= 0) {
                mapped = "s." + s + ".i." + i + ".choices";
            }
            out.putIfAbsent(mapped, key);
        });
        return out;
    }

    private static String blankToNull(String text) {
        return Http.trimmed(text);
    }

    /**
     * Reads {@code 很满意|Very satisfied=100; 满意=80}: parts split at {@code ;}, {@code ；} or line breaks, each a
     * label (zh, then optionally {@code |} and English) and its points after the last {@code =} or {@code ＝}.
     *
     * @throws IllegalArgumentException when a part has no label or its points are not a number
     */
    static List<Choice> parseChoices(String text) {
        List<Choice> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[;；\\r\\n]+")) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = Math.max(t.lastIndexOf('='), t.lastIndexOf('＝'));
            if (eq <= 0) {
                throw new IllegalArgumentException("no points: " + t);
            }
            String label = t.substring(0, eq).strip();
            BigDecimal points = decimal(t.substring(eq + 1));
            int bar = label.indexOf('|');
            String zh = (bar < 0 ? label : label.substring(0, bar)).strip();
            String en = bar < 0 ? null : Http.trimmed(label.substring(bar + 1));
            if (zh.isEmpty() || points == null) {
                throw new IllegalArgumentException("no label or points: " + t);
            }
            out.add(new Choice(zh, en, points));
        }
        return out;
    }

    /**
     * A number as typed, null when blank.
     *
     * @throws IllegalArgumentException when it is not a number, or one with more digits or a larger exponent than
     *         any weight or points could need
     */
    static BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            value = ManualPages.value(text);
        } catch (ValidationException e) {
            throw new IllegalArgumentException("not a number", e);
        }
        if (value != null && (value.precision() > PerfApi.DIGITS_MAX || Math.abs((long) value.scale()) > PerfApi.DIGITS_MAX)) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    /** The choices as the builder's field shows them, read back by {@link #parseChoices}. */
    static String formatChoices(List<Choice> choices) {
        StringBuilder b = new StringBuilder();
        for (Choice c : choices) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(c.labelZh());
            if (c.labelEn() != null && !c.labelEn().isBlank()) {
                b.append('|').append(c.labelEn());
            }
            b.append('=').append(c.points() == null ? "" : c.points().stripTrailingZeros().toPlainString());
        }
        return b.toString();
    }
}
