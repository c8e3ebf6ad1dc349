package org.jixiao.register.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.web.Upload;

/**
 * Turns what a form, a JSON body or a spreadsheet cell holds into a field's value, by the field's declared rules.
 * One problem per field goes to the collector as an engine message key ({@code register.error.*}, or the core's
 * {@code id.*} for ID numbers), so every field's problem shows at once and nothing is written.
 */
final class Values {

    static final String REQUIRED = "register.error.required";
    static final String TOO_LONG = "register.error.tooLong";
    static final String PATTERN = "register.error.pattern";
    static final String NUMBER = "register.error.number";
    static final String INTEGER = "register.error.integer";
    static final String TOO_SMALL = "register.error.tooSmall";
    static final String TOO_LARGE = "register.error.tooLarge";
    static final String DECIMALS = "register.error.decimals";
    static final String MONEY = "register.error.money";
    static final String DATE = "register.error.date";
    static final String FUTURE = "register.error.future";
    static final String CHOICE = "register.error.choice";
    static final String BOOLEAN = "register.error.boolean";
    static final String PHONE = "register.error.phone";
    static final String REFERENCE = "register.error.reference";
    static final String USER = "register.error.user";
    static final String CHARACTERS = "register.error.characters";

    static final int DEFAULT_TEXT = 200;
    static final int DEFAULT_LONG_TEXT = 4000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Digits with optional thousands separators and decimals; no exponent, sign or hex. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern MONEY_TEXT = Pattern.compile("(.*?)\\s*(万元|万|元)?");
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    /** A mainland mobile, or a fixed line with an optional area code and extension. */
    private static final Pattern PHONE_TEXT = Pattern.compile("1[3-9]\\d{9}|(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");

    private Values() {
    }

    /**
     * The field's value from {@code raw} (a String, a List of Strings for a multi-choice, or already a value of the
     * field's Java type), null when blank; on a problem, adds it to {@code errors} and returns null.
     *
     * @param labels the translated labels of a choice field's codes, accepted like the codes (an import's cells)
     */
    static Object parse(Field f, Object raw, LocalDate today, java.util.function.Function<String, String> labels,
            ValidationException.Collector errors) {
        if (f.type() == FieldType.FILE && raw != null && !(raw instanceof String)) {
            return file(f, raw, errors);
        }
        if (raw instanceof Collection<?> many && f.type() == FieldType.MULTI_CHOICE) {
            return multiChoice(f, many.stream().map(String::valueOf).toList(), labels, errors);
        }
        String s = raw == null ? null : raw instanceof BigDecimal b ? b.toPlainString() : String.valueOf(raw).strip();
        if ((s == null || s.isEmpty()) && f.type() == FieldType.DATE && f.has(Field.Flag.TODAY_IF_BLANK)) {
            return today;
        }
        if (s == null || s.isEmpty()) {
            if (f.mandatory()) {
                errors.add(f.name(), REQUIRED);
            }
            return null;
        }
        Object value = switch (f.type()) {
            case TEXT, LONG_TEXT -> text(f, s, errors);
            case INTEGER -> integer(f, s, errors);
            case DECIMAL -> decimal(f, s, errors);
            case MONEY -> money(f, s, errors);
            case DATE -> date(f, s, today, errors);
            case CHOICE -> choice(f, s, labels, errors);
            case MULTI_CHOICE -> multiChoice(f, List.of(s.split("[,，、;；]")), labels, errors);
            case BOOLEAN -> bool(f, s, errors);
            case ID_NUMBER -> idNumber(f, s, today, errors);
            case PHONE -> phone(f, s, errors);
            // Ids of other records and users: checked against the database by the engine.
            case REFERENCE, USER -> id(f, raw, s, errors);
            case FILE -> fail(f, Attachments.NOT_A_FILE, errors);
        };
        return value;
    }

    /** An upload, checked; or the file the record already holds, which an edit keeps. */
    private static Attachment file(Field f, Object raw, ValidationException.Collector errors) {
        if (raw instanceof Upload u) {
            return Attachments.check(f, u, errors);
        }
        return raw instanceof Attachment a ? a : fail(f, Attachments.NOT_A_FILE, errors);
    }

    /**
     * Characters that hide or disguise text: controls (a long text keeps its line breaks and tabs), bidirectional
     * overrides and isolates (U+202A–U+202E, U+2066–U+2069, which can make "gpj.exe" read "exe.jpg"), and zero-width
     * ones.
     */
    static boolean hidesText(String s, boolean multiline) {
        return s.codePoints().anyMatch(cp -> Character.isISOControl(cp) && !(multiline && (cp == '\n' || cp == '\r'
                || cp == '\t')) || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069
                || cp >= 0x200B && cp <= 0x200F || cp == 0xFEFF || cp == 0x2060);
    }

    private static String text(Field f, String s, ValidationException.Collector errors) {
        if (hidesText(s, f.type() == FieldType.LONG_TEXT)) {
            return fail(f, CHARACTERS, errors);
        }
        int max = f.maxLength() > 0 ? f.maxLength() : f.type() == FieldType.LONG_TEXT ? DEFAULT_LONG_TEXT : DEFAULT_TEXT;
        // Counted in characters as people count them: one per Chinese character or emoji.
        if (s.codePointCount(0, s.length()) > max) {
            return fail(f, TOO_LONG, errors);
        }
        if (f.pattern() != null && !s.matches(f.pattern())) {
            return fail(f, PATTERN, errors);
        }
        return s;
    }

    private static Long integer(Field f, String s, ValidationException.Collector errors) {
        BigDecimal d = number(f, s, errors);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            return fail(f, INTEGER, errors);
        }
        try {
            return inRange(f, d, errors) == null ? null : d.longValueExact();
        } catch (ArithmeticException e) {
            return fail(f, TOO_LARGE, errors);
        }
    }

    private static BigDecimal decimal(Field f, String s, ValidationException.Collector errors) {
        BigDecimal d = number(f, s, errors);
        if (d == null) {
            return null;
        }
        if (f.scale() >= 0 && d.stripTrailingZeros().scale() > f.scale()) {
            return fail(f, DECIMALS, errors);
        }
        return inRange(f, d, errors);
    }

    private static BigDecimal number(Field f, String s, ValidationException.Collector errors) {
        String t = s.replace('，', ',').replace('．', '.');
        if (t.length() > 40 || !PLAIN_NUMBER.matcher(t).matches()) {
            return fail(f, NUMBER, errors);
        }
        return new BigDecimal(t.replace(",", ""));
    }

    private static BigDecimal inRange(Field f, BigDecimal d, ValidationException.Collector errors) {
        if (f.min() != null && d.compareTo(f.min()) < 0) {
            return fail(f, TOO_SMALL, errors);
        }
        if (f.max() != null && d.compareTo(f.max()) > 0) {
            return fail(f, TOO_LARGE, errors);
        }
        return d;
    }

    /**
     * Exact money in the field's unit: "12.5万" and "125000元" are the same 12.5 of a 万元 field. More than two decimals
     * of a yuan is a typing mistake, not an amount.
     */
    private static BigDecimal money(Field f, String s, ValidationException.Collector errors) {
        // The pattern's lazy prefix costs time that grows with the square of the text: no amount is this long.
        if (s.length() > 50) {
            return fail(f, MONEY, errors);
        }
        Matcher m = MONEY_TEXT.matcher(s);
        if (!m.matches()) {
            return fail(f, MONEY, errors);
        }
        MoneyUnit typed = m.group(2) == null ? f.moneyUnit() : m.group(2).startsWith("万") ? MoneyUnit.WAN_YUAN
                : MoneyUnit.YUAN;
        BigDecimal amount = number(f, m.group(1), errors);
        if (amount == null) {
            return null;
        }
        BigDecimal yuan = amount.multiply(typed.yuan());
        if (yuan.stripTrailingZeros().scale() > 2) {
            return fail(f, DECIMALS, errors);
        }
        BigDecimal inUnit = yuan.divide(f.moneyUnit().yuan());
        // 10^13 元 is more than a county handles in a lifetime: a unit mix-up, refused like any out-of-range amount.
        if (yuan.abs().compareTo(new BigDecimal("9999999999999.99")) > 0) {
            return fail(f, TOO_LARGE, errors);
        }
        return inRange(f, inUnit.stripTrailingZeros().scale() < 0 ? inUnit.setScale(0) : inUnit.stripTrailingZeros(),
                errors);
    }

    private static LocalDate date(Field f, String s, LocalDate today, ValidationException.Collector errors) {
        LocalDate d = day(s);
        if (d == null || d.isBefore(EARLIEST) || d.getYear() > 9999) {
            return fail(f, DATE, errors);
        }
        if (f.dates() == Field.DateRule.NOT_FUTURE && d.isAfter(today)) {
            return fail(f, FUTURE, errors);
        }
        return d;
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d or 2024年3月1日; null when none of them. */
    static LocalDate day(String s) {
        Matcher m = DAY.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String choice(Field f, String s, java.util.function.Function<String, String> labels,
            ValidationException.Collector errors) {
        return code(f, s, labels).orElseGet(() -> fail(f, CHOICE, errors));
    }

    private static Optional<String> code(Field f, String s, java.util.function.Function<String, String> labels) {
        for (String c : f.choices()) {
            if (c.equals(s) || c.equalsIgnoreCase(s) || (labels != null && s.equals(labels.apply(c)))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static List<String> multiChoice(Field f, List<String> raw,
            java.util.function.Function<String, String> labels, ValidationException.Collector errors) {
        List<String> picked = new ArrayList<>();
        for (String r : raw) {
            String s = r == null ? "" : r.strip();
            if (s.isEmpty()) {
                continue;
            }
            Optional<String> c = code(f, s, labels);
            if (c.isEmpty()) {
                return fail(f, CHOICE, errors);
            }
            picked.add(c.get());
        }
        if (picked.isEmpty()) {
            if (f.mandatory()) {
                errors.add(f.name(), REQUIRED);
            }
            return null;
        }
        // Stored in declaration order, so equal sets compare equal and filters match one way.
        return f.choices().stream().filter(picked::contains).toList();
    }

    private static Boolean bool(Field f, String s, ValidationException.Collector errors) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "on", "有":
                return Boolean.TRUE;
            case "false", "no", "n", "0", "否", "off", "无":
                return Boolean.FALSE;
            default:
                return fail(f, BOOLEAN, errors);
        }
    }

    private static String idNumber(Field f, String s, LocalDate today, ValidationException.Collector errors) {
        Optional<String> problem = ResidentIdNumber.problem(s, today);
        if (problem.isPresent()) {
            errors.add(f.name(), problem.get());
            return null;
        }
        return ResidentIdNumber.normalize(s);
    }

    private static String phone(Field f, String s, ValidationException.Collector errors) {
        String t = s.replace(" ", "").replace("－", "-");
        if (t.startsWith("+86")) {
            t = t.substring(3);
        }
        boolean ok = PHONE_TEXT.matcher(t).matches() && (f.pattern() == null || t.matches(f.pattern()))
                && (f.maxLength() <= 0 || t.length() <= f.maxLength());
        return ok ? t : fail(f, PHONE, errors);
    }

    private static Long id(Field f, Object raw, String s, ValidationException.Collector errors) {
        if (raw instanceof Number n) {
            return n.longValue() > 0 ? n.longValue() : fail(f, f.type() == FieldType.USER ? USER : REFERENCE, errors);
        }
        try {
            long id = Long.parseLong(s);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // A name instead of an id: the engine looks names up before it calls this; here it is unknown.
        }
        return fail(f, f.type() == FieldType.USER ? USER : REFERENCE, errors);
    }

    private static <T> T fail(Field f, String key, ValidationException.Collector errors) {
        errors.add(f.name(), key);
        return null;
    }

    // ---------------------------------------------------------------- showing values

    /** The last four characters with the rest starred: the mask and every other field together reveal nothing. */
    static String maskId(String clear) {
        return "*".repeat(Math.max(0, clear.length() - 4)) + clear.substring(Math.max(0, clear.length() - 4));
    }

    /** A phone as lists show it: 138****5678. */
    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** How a value is written back into a form, a JSON text or a spreadsheet cell (codes, not labels). */
    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() < 0 ? b.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                    : b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Whether {@code s} parses as a whole date, for filters that take a range. */
    static boolean isDay(String s) {
        try {
            return s != null && day(s) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
