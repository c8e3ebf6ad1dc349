package org.jixiao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    // A fixed "today" keeps the future-date cases stable as time passes.
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    // Check characters below were computed independently with the GB 11643 weights.
    @ParameterizedTest
    @ValueSource(strings = {
        "11010519491231002X", // the standard's own example
        "440304198001011239",
        "310104200002294568", // leap day
        "110105200001010032",
        "110105190001010028", // earliest accepted birth date
        "110105202401010022",
    })
    void acceptsValidNumbers(String id) {
        assertEquals(Optional.empty(), ResidentIdNumber.problem(id, TODAY));
    }

    @Test
    void acceptsBirthOnTheSameDay() {
        assertEquals(Optional.empty(), ResidentIdNumber.problem("110105202401010022", LocalDate.of(2024, 1, 1)));
    }

    @Test
    void rejectsWrongChecksum() {
        assertEquals(Optional.of("id.checksum"), ResidentIdNumber.problem("440304198001011238", TODAY));
        assertEquals(Optional.of("id.checksum"), ResidentIdNumber.problem("110105194912310021", TODAY));
        // A transposition of two digits, the typo the check character exists to catch.
        assertEquals(Optional.of("id.checksum"), ResidentIdNumber.problem("440304198001011329", TODAY));
    }

    @Test
    void rejectsImpossibleBirthDates() {
        // Each has a correct check character, so only the date can be at fault.
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("110105194902300020", TODAY)); // Feb 30
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("110105190002290025", TODAY)); // 1900 not leap
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("11010520250101002X", TODAY)); // future
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("110105189912310023", TODAY)); // 1899
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("110105194913310021", TODAY)); // month 13
        assertEquals(Optional.of("id.birthdate"), ResidentIdNumber.problem("110105194912000021", TODAY)); // day 0
    }

    @Test
    void acceptsLowerCaseXAndSpaces() {
        assertEquals(Optional.empty(), ResidentIdNumber.problem("11010519491231002x", TODAY));
        assertEquals(Optional.empty(), ResidentIdNumber.problem("  110105 19491231 002x ", TODAY));
        assertEquals(Optional.empty(), ResidentIdNumber.problem("110105\u300019491231002X", TODAY));
    }

    @Test
    void normalizes() {
        assertEquals("11010519491231002X", ResidentIdNumber.normalize(" 110105 1949 1231 002x "));
        assertEquals("11010519491231002X", ResidentIdNumber.normalize("11010519491231002X"));
        assertEquals("", ResidentIdNumber.normalize("   "));
        assertNull(ResidentIdNumber.normalize(null));
        // Only the check position may carry an X; an x elsewhere stays wrong and is reported as format.
        assertEquals("x10105194912310021", ResidentIdNumber.normalize("x10105194912310021"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "11010519491231002",    // 17
        "11010519491231002X1",  // 19
        "110105194912310",
        "1101051949123100XX",   // X only allowed last
        "X10105194912310021",
        "11010519491231002Y",
        "1101051949123100A2",
        "ABCDEFGHIJKLMNOPQR",
        "110105-19491231-002X",
        "１１０１０５１９４９１２３１００２Ｘ", // full-width digits
        "110105491231002",      // the old 15-digit form is not accepted
    })
    void rejectsBadFormat(String id) {
        assertEquals(Optional.of("id.format"), ResidentIdNumber.problem(id, TODAY));
    }

    @Test
    void requiresAValue() {
        assertEquals(Optional.of("id.required"), ResidentIdNumber.problem(null, TODAY));
        assertEquals(Optional.of("id.required"), ResidentIdNumber.problem("", TODAY));
        assertEquals(Optional.of("id.required"), ResidentIdNumber.problem("   ", TODAY));
    }

    @Test
    void extractsBirthDate() {
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate("11010519491231002X"));
        assertEquals(LocalDate.of(2000, 2, 29), ResidentIdNumber.birthDate("310104200002294568"));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate("11010519491231002x"));
    }

    @Test
    void extractsGender() {
        assertEquals("F", ResidentIdNumber.gender("11010519491231002X")); // 2
        assertEquals("M", ResidentIdNumber.gender("440304198001011239")); // 3
        assertEquals("F", ResidentIdNumber.gender("310104200002294568")); // 6
        assertEquals("M", ResidentIdNumber.gender("510107199912310011")); // 1
    }

    @Test
    void masks() {
        assertEquals("**************002X", ResidentIdNumber.mask("11010519491231002X"));
        assertEquals("**************1239", ResidentIdNumber.mask("440304198001011239"));
        assertEquals("**************002X", ResidentIdNumber.mask("11010519491231002x"));
        assertEquals(18, ResidentIdNumber.mask("440304198001011239").length());
    }

    @Test
    void accessorsRefuseMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.mask("12345"));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.gender(null));
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.birthDate("110105194902300020"));
    }

    @Test
    void messageDoesNotLeakTheNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResidentIdNumber.birthDate("110105194902300020"));
        assertEquals(-1, e.getMessage().indexOf("1101051949"));
    }
}
