package org.jixiao.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The mainland Chinese 18-character resident identity number (GB 11643-1999): six digits of the
 * issuing area, eight of the birth date, three of sequence (odd for men) and an ISO 7064 MOD 11-2 check
 * character.
 *
 * <p>Every method accepts what a person typed: surrounding or inner spaces and a lower-case {@code x} are
 * normalised away first, so callers should store {@link #normalize(String)} of the input.
 */
public final class ResidentIdNumber {

    public static final int LENGTH = 18;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    // People born before 1900 no longer hold an 18-character number in practice; earlier dates are typos.
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIdNumber() {
    }

    /**
     * Trims, removes every space (including the full-width space a Chinese input method produces) and
     * upper-cases a trailing {@code x}. Returns null for null. Does not validate.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        int last = sb.length() - 1;
        if (last >= 0 && sb.charAt(last) == 'x') {
            sb.setCharAt(last, 'X');
        }
        return sb.toString();
    }

    /**
     * The first thing wrong with {@code raw} as a message key, or empty when it is a valid number:
     * {@code id.required}, {@code id.format}, {@code id.birthdate} or {@code id.checksum}.
     *
     * @param today the latest acceptable birth date; passed in so validation is testable and follows
     *              the caller's time zone
     */
    public static Optional<String> problem(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String id = normalize(raw);
        if (id == null || id.isEmpty()) {
            return Optional.of("id.required");
        }
        if (!hasValidFormat(id)) {
            return Optional.of("id.format");
        }
        LocalDate birth = parseBirthDate(id);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("id.birthdate");
        }
        if (id.charAt(17) != checkCharacter(id)) {
            return Optional.of("id.checksum");
        }
        return Optional.empty();
    }

    /** The birth date encoded in a number that passed {@link #problem}. */
    public static LocalDate birthDate(String valid) {
        String id = requireFormat(valid);
        LocalDate birth = parseBirthDate(id);
        if (birth == null) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
        return birth;
    }

    /** {@code "M"} or {@code "F"} from the sequence digit (odd for men). */
    public static String gender(String valid) {
        String id = requireFormat(valid);
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /**
     * The last four characters with the rest starred, e.g. {@code **************123X}: enough for a person to
     * recognise a record. Not the area code as well: with the county and a birth date beside it, the first six and
     * last four left only the eight birth-date digits to find.
     */
    public static String mask(String valid) {
        String id = requireFormat(valid);
        return "*".repeat(LENGTH - 4) + id.substring(LENGTH - 4);
    }

    private static String requireFormat(String valid) {
        String id = normalize(valid);
        if (id == null || !hasValidFormat(id)) {
            // The message must not echo the value: it is personal data and ends up in logs.
            throw new IllegalArgumentException("not a valid resident ID number");
        }
        return id;
    }

    private static boolean hasValidFormat(String id) {
        if (id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return false;
            }
        }
        char last = id.charAt(17);
        return isAsciiDigit(last) || last == 'X';
    }

    // Character.isDigit would accept full-width and other scripts' digits, which the checksum cannot use.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDate parseBirthDate(String id) {
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
