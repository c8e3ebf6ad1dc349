package org.jixiao.register.internal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.Upload;
import org.jixiao.register.internal.Lookups;

/**
 * The inputs of a register's record form and of its workflow steps' forms, and what they send, as the service takes
 * it. The form does not check field rules: the service does, and the page shows its errors beside each input.
 *
 * <p>A reference is never typed as an internal number: it is a select of the first {@link #PICKER} matching
 * records, narrowed without JavaScript by a search box whose button ({@code _find=<field>}) sends the form back to
 * be shown again, nothing saved.
 */
final class Form {

    /** How many records a picker offers at once. */
    static final int PICKER = 200;
    /** The button that narrows a picker; its value names the field. */
    static final String FIND = "_find";

    private final Site site;
    private final WebRequest r;
    private final Values values;
    private final RegisterDefinition d;

    Form(Site site, WebRequest r, Values values, RegisterDefinition d) {
        this.site = site;
        this.r = r;
        this.values = values;
        this.d = d;
    }

    /** The fields a record form sends: all but those only hooks and steps set. */
    static List<Field> editable(RegisterDefinition d) {
        return d.fields().stream().filter(f -> !f.has(Field.Flag.READ_ONLY)).toList();
    }

    // ---------------------------------------------------------------- what the form sends

    /**
     * The fields' values as sent: trimmed text, the codes of a multi-choice, the file of a file field. With
     * {@code existing}, a file field sent empty keeps the record's file unless its removal is ticked, and an ID
     * number sent back as the record's mask keeps the number.
     */
    Map<String, Object> input(List<Field> fields, RegisterRecord existing) {
        Map<String, Object> in = new LinkedHashMap<>();
        for (Field f : fields) {
            Object before = existing == null ? null : existing.value(f.name());
            Object value = switch (f.type()) {
                case MULTI_CHOICE -> r.params(f.name()).isEmpty() ? null : List.copyOf(r.params(f.name()));
                case FILE -> r.upload(f.name()).map(Object.class::cast)
                        .orElse(r.param(f.name() + ".remove") == null ? before : null);
                case ID_NUMBER -> unmasked(existing, f, r.param(f.name()));
                default -> r.param(f.name());
            };
            if (value != null) {
                in.put(f.name(), value);
            }
        }
        return in;
    }

    /** A record's place in its input: its unit, or for a child its parent, whose unit it takes. */
    static void place(Map<String, Object> input, RegisterDefinition d, String unit, String parent) {
        String value = d.parent() == null ? unit : parent;
        if (value != null) {
            input.put(d.parent() == null ? "unit" : "parent", value);
        }
    }

    /** The clear number when {@code sent} is the record's mask, so an edit keeps a number the form showed masked. */
    String unmasked(RegisterRecord existing, Field f, String sent) {
        if (existing == null || sent == null || !sent.equals(Values.plain(existing.value(f.name())))) {
            return sent;
        }
        try {
            return site.service.reveal(r.actor(), site.project, d.id(), existing.id(), f.name());
        } catch (AccessDeniedException e) {
            return sent;
        }
    }

    /** What the form shows again after an error or a picker search: the texts as sent. */
    Map<String, Object> sent(List<Field> fields) {
        Map<String, Object> shown = new HashMap<>();
        for (Field f : fields) {
            shown.put(f.name(), f.type() == FieldType.MULTI_CHOICE ? r.params(f.name()) : r.param(f.name()));
        }
        return shown;
    }

    /** A record's values as its edit form shows them; an ID number in clear when the editor may see it. */
    Map<String, Object> shown(RegisterRecord rec) {
        Map<String, Object> shown = new HashMap<>();
        for (Field f : d.fields()) {
            Object v = rec.value(f.name());
            if (v != null) {
                shown.put(f.name(), f.type() == FieldType.MULTI_CHOICE ? Values.codes(v)
                        : f.type() == FieldType.ID_NUMBER ? unmasked(rec, f, Values.plain(v)) : Values.plain(v));
            }
        }
        return shown;
    }

    // ---------------------------------------------------------------- inputs

    /**
     * One input for the template: its kind ({@code input}, {@code textarea}, {@code select}, {@code checks},
     * {@code file}), HTML attributes, options and the value shown.
     *
     * @param prefix makes the element ids unique when several forms on a page share a field
     */
    Map<String, Object> input(Field f, Object shown, boolean required, String prefix, boolean hasFile) {
        Map<String, Object> i = descriptor(f.name(), prefix + f.name(), Values.label(r, d, f), required);
        i.put("help", Values.help(r, d, f));
        i.put("value", shown instanceof String s ? s : "");
        i.put("checked", shown instanceof List<?> l ? l : List.of());
        i.put("maxlength", f.maxLength() > 0 ? String.valueOf(f.maxLength()) : "");
        i.put("min", f.min() == null ? "" : f.min().toPlainString());
        i.put("max", f.max() == null ? "" : f.max().toPlainString());
        i.put("existing", hasFile);
        switch (f.type()) {
            case LONG_TEXT -> {
                i.put("kind", "textarea");
                i.put("maxlength", String.valueOf(f.maxLength() > 0 ? f.maxLength() : 4000));
            }
            case INTEGER -> {
                i.put("type", "number");
                i.put("step", "1");
            }
            case DECIMAL -> i.put("inputmode", "decimal");
            case MONEY -> {
                // Text, not a number input: the amount may carry its unit ("12.5万").
                i.put("inputmode", "decimal");
                i.put("suffix", r.message(switch (f.moneyUnit()) {
                    case YUAN -> "register.moneyUnit.YUAN";
                    case WAN_YUAN -> "register.moneyUnit.WAN_YUAN";
                }));
            }
            case DATE -> {
                i.put("type", "date");
                i.put("min", "1900-01-01");
                i.put("max", f.dates() == Field.DateRule.NOT_FUTURE ? LocalDate.now().toString() : "");
            }
            case CHOICE, BOOLEAN, USER -> select(i, options(f, null, current(shown)), null);
            case REFERENCE -> {
                String find = r.param(f.name() + ".find");
                select(i, options(f, find, current(shown)), find == null ? "" : find);
                // An encrypted name is found by the whole of it only: the box says so instead of "part of a name".
                boolean whole = site.register(f.target()).title().filter(t -> t.has(Field.Flag.ENCRYPTED)).isPresent();
                i.put("placeholder", r.message(whole ? "register.picker.placeholderWhole"
                        : "register.picker.placeholder"));
            }
            case MULTI_CHOICE -> {
                i.put("kind", "checks");
                i.put("options", options(f, null, null));
            }
            case ID_NUMBER -> {
                i.put("maxlength", "18");
                i.put("autocomplete", "off");
            }
            case PHONE -> {
                i.put("type", "tel");
                i.put("maxlength", String.valueOf(f.maxLength() > 0 ? f.maxLength() : 20));
            }
            case FILE -> {
                i.put("kind", "file");
                // A file already there need not be sent again.
                i.put("required", required && !hasFile);
                i.put("note", r.message("register.file.limit", Upload.MAX_BYTES / (1024 * 1024)) + " "
                        + r.message("register.file.types", String.join(", ", f.choices())));
                i.put("accept", String.join(",", f.choices().stream().map(x -> "." + x).toList()));
            }
            default -> {
                // TEXT: a text input with its declared length.
            }
        }
        return i;
    }

    private static String current(Object shown) {
        return shown instanceof String s ? s : null;
    }

    /** Makes {@code i} a select of {@code options}; with a non-null {@code find}, one narrowed by a search box. */
    static Map<String, Object> select(Map<String, Object> i, List<Map<String, Object>> options, String find) {
        i.put("kind", "select");
        i.put("options", options);
        i.put("find", find != null);
        i.put("findValue", find == null ? "" : find);
        return i;
    }

    /** An input with every attribute the template reads, blank: a one-line text box. */
    static Map<String, Object> descriptor(String name, String id, String label, boolean required) {
        Map<String, Object> i = new HashMap<>();
        i.put("name", name);
        i.put("id", id);
        i.put("label", label);
        i.put("required", required);
        i.put("kind", "input");
        i.put("type", "text");
        for (String blank : List.of("help", "note", "value", "maxlength", "min", "max", "step", "inputmode",
                "autocomplete", "suffix", "findValue", "placeholder")) {
            i.put(blank, "");
        }
        i.put("checked", List.of());
        i.put("options", List.of());
        i.put("find", false);
        i.put("existing", false);
        return i;
    }

    /** The options of a field that picks from a list: codes, yes/no, records or users. */
    List<Map<String, Object>> options(Field f, String find, String current) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (f.type()) {
            case CHOICE, MULTI_CHOICE -> f.choices().forEach(c -> out.add(option(c, Values.choice(r, d, f, c))));
            case BOOLEAN -> {
                out.add(option("true", r.message("register.yes")));
                out.add(option("false", r.message("register.no")));
            }
            case REFERENCE -> out.addAll(records(f.target(), find, current));
            case USER -> {
                List<Lookups.Option> users = site.lookups.users(r.actor(), f.target());
                users.forEach(o -> out.add(option(String.valueOf(o.id()), o.label())));
                Long id = Values.id(current);
                if (id != null && users.stream().noneMatch(o -> o.id() == id)) {
                    out.add(0, option(current, values.user(id)));
                }
            }
            default -> {
                // Other fields are typed, not picked.
            }
        }
        return out;
    }

    /** Records of {@code register} matching {@code find}, with the current one first when the search left it out. */
    List<Map<String, Object>> records(String register, String find, String current) {
        List<Lookups.Option> found = site.lookups.search(r.actor(), site.project, register, find == null ? "" : find,
                PICKER);
        List<Map<String, Object>> out = new ArrayList<>();
        Long id = Values.id(current);
        if (id != null && found.stream().noneMatch(o -> o.id() == id)) {
            out.add(option(current, values.title(register, id)));
        }
        found.forEach(o -> out.add(option(String.valueOf(o.id()), o.label())));
        return out;
    }

    /** The message keys of errors no input of the form shows beside itself, for the top of the form. */
    static List<String> others(Map<String, String> errors, java.util.Collection<String> shown) {
        return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    static Map<String, Object> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    /** The units a record may belong to, for its form's select or the list's filter. */
    static List<Map<String, Object>> units(List<OrgUnit> units) {
        return units.stream().map(u -> option(String.valueOf(u.id()), u.name())).toList();
    }

    /** The unit a new record starts in: the actor's own when records may be filed there, or the only one. */
    static String defaultUnit(WebRequest r, List<OrgUnit> units) {
        Optional<OrgUnit> own = units.stream().filter(u -> u.id() == r.actor().orgUnit().id()).findFirst();
        return own.or(() -> units.size() == 1 ? Optional.of(units.get(0)) : Optional.empty())
                .map(u -> String.valueOf(u.id())).orElse("");
    }
}
