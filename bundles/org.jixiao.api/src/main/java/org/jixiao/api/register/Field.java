package org.jixiao.api.register;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a register, declared by the project: immutable, each {@code with…} method returns a copy. Messages
 * follow the register's message prefix {@code p}: the label is {@code p.field.<name>}, the help (when declared)
 * {@code p.field.<name>.help}, a choice's label {@code p.<name>.<CODE>}. Error messages are the engine's own and
 * name the field by its label.
 *
 * @param name     the field's name in JSON, forms and hooks: a Java identifier, stable forever
 * @param type     what it holds
 * @param column   its column in the register's table (upper-case; for {@link FieldType#ID_NUMBER} the prefix of
 *                 its three columns)
 * @param mandatory whether a value is needed ({@link #required()} declares it)
 * @param maxLength the longest text accepted (texts, phone), 0 for the type's default
 * @param pattern  a regular expression the whole text must match, or null
 * @param min      the smallest number accepted (numbers, money), or null
 * @param max      the largest number accepted, or null
 * @param scale    the most decimals accepted for {@link FieldType#DECIMAL}; -1 for any
 * @param choices  the codes of a choice field, in the order shown; for a file field, the extensions it accepts
 * @param target   the register id a {@link FieldType#REFERENCE} names, or the role a {@link FieldType#USER} must
 *                 have ("" for any role)
 * @param moneyUnit the unit of a money field
 * @param dates    the days a date field accepts
 * @param flags    how the field is shown and used
 */
public record Field(String name, FieldType type, String column, boolean mandatory, int maxLength, String pattern,
        BigDecimal min, BigDecimal max, int scale, List<String> choices, String target, MoneyUnit moneyUnit,
        DateRule dates, java.util.Set<Flag> flags) {

    /** The days a date field accepts. */
    public enum DateRule {
        /** Any day from 1900 on. */
        ANY,
        /** Not after today (the node's day): a date something happened. */
        NOT_FUTURE,
        /** Any day, future included: a plan or an expiry. */
        FUTURE_ALLOWED
    }

    /** How a field is shown and used. */
    public enum Flag {
        /** A column of the list page and of exports' first columns. */
        LISTED,
        /** Searched by the list's search box (texts: contains, case-insensitive). */
        SEARCHABLE,
        /** Offered as a filter of the list (choices, booleans, references, dates as a range). */
        FILTER,
        /** The list may be sorted by it. */
        SORTABLE,
        /** Names the record in pickers, references, links and exports (one per register). */
        TITLE,
        /** A help text {@code p.field.<name>.help} is shown beside the input. */
        HELP,
        /** Set by hooks or transitions only: shown but never taken from a form, JSON or an import. */
        READ_ONLY,
        /** A user field naming who may read the record in a {@link Scope#NEED_TO_KNOW} register. */
        ASSIGNEE,
        /** Kept out of public pages, exports of viewers and lists even when listed (e.g. a home address). */
        PRIVATE,
        /** A date left blank is today: the day a record is entered is usually the day it happened. */
        TODAY_IF_BLANK,
        /**
         * Routes need-to-know records to a named office. On a text field, the org unit's code it holds names that
         * office (a category's city department); on a reference field of a {@link Scope#NEED_TO_KNOW} register, the
         * referenced record's office-unit text field does: the holders of the register's office roles at that unit
         * reach the record as one of its offices, wherever the unit sits in the tree (a youth of a county is read by
         * the city department its category names, beside the county's own offices).
         *
         * @since 1.4
         */
        OFFICE_UNIT,
        /**
         * A date field: the day the record's active life ends (a youth who turns 25 or leaves the programme). From
         * that day plus the register's {@link RegisterHooks#archiveAfter} period the record is archived: in no list,
         * figure or export unless the list asks for the archived ({@code archived=true}, and then only those), and
         * still read by id, audited as ever.
         *
         * @since 1.4
         */
        ARCHIVE,
        /**
         * A text, long text or phone field of personal data (a name, a guardian, a situation) kept as ciphertext only,
         * with the node's field key like an ID number: its column {@code X} gives way to {@code X_CIPHER} (encrypted)
         * and {@code X_HASH} (a keyed hash of the {@link #normalized normalised} value). The engine hands the value in
         * clear to who may read the record, as part of that audited read. What the database cannot see it cannot do:
         * such a field is found by its whole value only (a search or a filter typed whole, case and spaces aside; a
         * part finds nothing), and is never sorted, filtered by a part, a routing code or a public page's field; an
         * indicator never counts by it. The declaration is refused when it asks for any of those. Clear values a table
         * held before the field was declared encrypted are encrypted once, in batches, before the register is first
         * used, and its clear column emptied.
         *
         * @since 1.5
         */
        ENCRYPTED
    }

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    public Field {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name must be a lower camel identifier: " + name);
        }
        Objects.requireNonNull(type, "type");
        column = column == null ? columnOf(name) : column.toUpperCase(Locale.ROOT);
        choices = choices == null ? List.of() : List.copyOf(choices);
        flags = flags == null || flags.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(flags);
        dates = dates == null ? DateRule.NOT_FUTURE : dates;
        moneyUnit = moneyUnit == null ? MoneyUnit.YUAN : moneyUnit;
        if ((type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE) && choices.isEmpty()) {
            throw new IllegalArgumentException("choice field " + name + " needs choices");
        }
        if (type == FieldType.REFERENCE && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("reference field " + name + " needs a target register");
        }
        if (pattern != null) {
            Pattern.compile(pattern);
        }
        if (flags.contains(Flag.ENCRYPTED)) {
            if (type != FieldType.TEXT && type != FieldType.LONG_TEXT && type != FieldType.PHONE) {
                throw new IllegalArgumentException("field " + name + ": only a text, long text or phone is encrypted");
            }
            // Each needs the clear value in SQL: an order, a part of a text, a code compared in a join.
            for (Flag needsClear : List.of(Flag.SORTABLE, Flag.FILTER, Flag.OFFICE_UNIT)) {
                if (flags.contains(needsClear)) {
                    throw new IllegalArgumentException("field " + name + ": an encrypted field is not " + needsClear);
                }
            }
        }
    }

    /**
     * The form of a value an {@link Flag#ENCRYPTED encrypted} field's keyed hash is taken of: compatibility forms
     * folded (full-width letters and digits), lower case, no spaces at all, so "Li Lei", "li lei" and "ＬｉＬｅｉ" are one
     * name.
     *
     * @since 1.5
     */
    public static String normalized(String value) {
        return value == null ? null : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** {@code founderId} becomes {@code FOUNDER_ID}. */
    public static String columnOf(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    public static Field of(String name, FieldType type) {
        return new Field(name, type, null, false, 0, null, null, null, -1, List.of(), null, null, null, null);
    }

    public static Field text(String name, int maxLength) {
        return of(name, FieldType.TEXT).withMaxLength(maxLength);
    }

    public static Field longText(String name, int maxLength) {
        return of(name, FieldType.LONG_TEXT).withMaxLength(maxLength);
    }

    public static Field integer(String name) {
        return of(name, FieldType.INTEGER);
    }

    public static Field decimal(String name, int scale) {
        return new Field(name, FieldType.DECIMAL, null, false, 0, null, null, null, scale, List.of(), null, null, null,
                null);
    }

    public static Field money(String name, MoneyUnit unit) {
        return new Field(name, FieldType.MONEY, null, false, 0, null, BigDecimal.ZERO, null, -1, List.of(), null, unit,
                null, null);
    }

    public static Field date(String name, DateRule rule) {
        return new Field(name, FieldType.DATE, null, false, 0, null, null, null, -1, List.of(), null, null, rule, null);
    }

    public static Field choice(String name, List<String> codes) {
        return new Field(name, FieldType.CHOICE, null, false, 0, null, null, null, -1, codes, null, null, null, null);
    }

    /** The codes are the enum's constant names, in declaration order. */
    public static Field choice(String name, Class<? extends Enum<?>> codes) {
        return choice(name, names(codes));
    }

    public static Field multiChoice(String name, Class<? extends Enum<?>> codes) {
        return new Field(name, FieldType.MULTI_CHOICE, null, false, 0, null, null, null, -1, names(codes), null, null,
                null, null);
    }

    public static Field bool(String name) {
        return of(name, FieldType.BOOLEAN);
    }

    public static Field reference(String name, String register) {
        return new Field(name, FieldType.REFERENCE, null, false, 0, null, null, null, -1, List.of(), register, null,
                null, null);
    }

    public static Field idNumber(String name) {
        return of(name, FieldType.ID_NUMBER);
    }

    public static Field phone(String name) {
        return of(name, FieldType.PHONE);
    }

    /** A file of the evidence types ({@link org.jixiao.api.web.FileTypes#DOCUMENTS}). */
    public static Field file(String name) {
        return file(name, org.jixiao.api.web.FileTypes.DOCUMENTS.toArray(String[]::new));
    }

    /** A file of the given extensions only, such as {@code "jpg", "png"} for photos; each must be a known type. */
    public static Field file(String name, String... extensions) {
        List<String> accepted = List.of(extensions);
        for (String ext : accepted) {
            if (!org.jixiao.api.web.FileTypes.DOCUMENTS.contains(ext)) {
                throw new IllegalArgumentException("not a file type the node can check: " + ext);
            }
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("a file field accepts at least one type");
        }
        return new Field(name, FieldType.FILE, null, false, 0, null, null, null, -1, accepted, null, null, null, null);
    }

    /** A user who must hold {@code role} ("" for any role). */
    public static Field user(String name, String role) {
        return new Field(name, FieldType.USER, null, false, 0, null, null, null, -1, List.of(), role, null, null, null);
    }

    public Field required() {
        return new Field(name, type, column, true, maxLength, pattern, min, max, scale, choices, target, moneyUnit,
                dates, flags);
    }

    public Field withColumn(String newColumn) {
        return new Field(name, type, newColumn, mandatory, maxLength, pattern, min, max, scale, choices, target,
                moneyUnit, dates, flags);
    }

    public Field withMaxLength(int newMaxLength) {
        return new Field(name, type, column, mandatory, newMaxLength, pattern, min, max, scale, choices, target,
                moneyUnit, dates, flags);
    }

    public Field withPattern(String regex) {
        return new Field(name, type, column, mandatory, maxLength, regex, min, max, scale, choices, target, moneyUnit,
                dates, flags);
    }

    public Field withRange(Number newMin, Number newMax) {
        return new Field(name, type, column, mandatory, maxLength, pattern, decimal(newMin), decimal(newMax), scale,
                choices, target, moneyUnit, dates, flags);
    }

    public Field with(Flag... more) {
        java.util.Set<Flag> all = java.util.EnumSet.noneOf(Flag.class);
        all.addAll(flags);
        all.addAll(List.of(more));
        return new Field(name, type, column, mandatory, maxLength, pattern, min, max, scale, choices, target, moneyUnit,
                dates, all);
    }

    /**
     * Kept as ciphertext and a keyed hash only, see {@link Flag#ENCRYPTED}.
     *
     * @since 1.5
     */
    public Field encrypted() {
        return with(Flag.ENCRYPTED);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    private static BigDecimal decimal(Number n) {
        return n == null ? null : n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    private static List<String> names(Class<? extends Enum<?>> codes) {
        return java.util.Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList();
    }
}
