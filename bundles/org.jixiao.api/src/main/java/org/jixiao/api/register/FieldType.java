package org.jixiao.api.register;

/**
 * What a field holds, and so how the engine parses, checks, stores, shows, imports and exports it. The Java type of
 * a parsed value is given beside each constant; a blank optional field is {@code null}.
 */
public enum FieldType {
    /** One line of text, {@code String}; a length and a pattern may be declared. */
    TEXT,
    /** Several lines of text, {@code String}, at most 4,000 characters unless declared lower. */
    LONG_TEXT,
    /** A whole number, {@code Long}; a minimum and maximum may be declared. */
    INTEGER,
    /** An exact decimal number, {@code BigDecimal}; a scale, minimum and maximum may be declared. */
    DECIMAL,
    /**
     * An exact amount of money, {@code BigDecimal} in the declared {@link MoneyUnit}. Input may carry the unit
     * ("12.5万", "125000元"); it is converted exactly, and more than two decimals of a yuan is refused.
     */
    MONEY,
    /** A day, {@code LocalDate}, written {@code yyyy-MM-dd} (also {@code yyyy/M/d} and {@code yyyy.M.d} on input). */
    DATE,
    /** One of the declared codes, {@code String}; shown by its translated label and accepted by code or label. */
    CHOICE,
    /** Any number of the declared codes, {@code List<String>}, stored comma-separated in declaration order. */
    MULTI_CHOICE,
    /** Yes or no, {@code Boolean}; accepts true/false, yes/no, 是/否, 1/0. */
    BOOLEAN,
    /**
     * A live record of another register of the same project, {@code Long} (its id). Pages offer a search by name;
     * an import names the record by its title or its declared key, never by an internal number.
     */
    REFERENCE,
    /**
     * A resident ID number (GB 11643, check digit verified), {@code String} in clear when the reader may see it.
     * Stored encrypted, with a keyed hash for duplicates and a mask of the last four characters; every clear read
     * is audited.
     */
    ID_NUMBER,
    /** A mainland mobile or a fixed-line number, {@code String}; masked in lists and exports. */
    PHONE,
    /**
     * A file, an {@link Attachment}; input is an {@link org.jixiao.api.web.Upload} (an edit that sends none keeps
     * the record's file). Its name, extension and first bytes must agree with one of the field's accepted types
     * ({@link Field#file}), as evidence files do, and it is at most {@link org.jixiao.api.web.Upload#MAX_BYTES}.
     * The engine keeps the content in its own table, always encrypted with the node's field key; the field's column
     * ({@code BIGINT}) holds the file's id. Hooks see a new file as an attachment with id 0, checked but not yet
     * stored. Spreadsheet imports and exports leave file fields out.
     */
    FILE,
    /** A user of the node, {@code Long} (the user's id); named by username on input. Assignees are user fields. */
    USER
}
