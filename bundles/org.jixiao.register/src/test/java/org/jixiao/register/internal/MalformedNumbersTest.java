package org.jixiao.register.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.testing.MalformedNumbers;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 5: a thousand malformed values to each kind of numeric field, as text and, where Gson would read
 * them as numbers, as exact decimals: every one refused with the field's error, none thrown. The slowest is printed for
 * the note, not asserted.
 */
class MalformedNumbersTest {

    private static final List<Field> FIELDS = List.of(Field.integer("count").withRange(0, 100_000),
            Field.decimal("area", 2).withRange(new BigDecimal("0.01"), new BigDecimal("9999999999.99")),
            Field.money("amount", MoneyUnit.YUAN), Field.money("grant", MoneyUnit.WAN_YUAN));

    @Test
    void everyNumericFieldRefusesThemAll() {
        long slowest = 0;
        for (String v : MalformedNumbers.values(1000, 7)) {
            List<Object> raws = new ArrayList<>();
            raws.add(v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
            // A JSON number reaches the engine as an exact BigDecimal when the web layer's bounds let it through.
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.precision() <= 40 && Math.abs((long) d.scale()) <= 40) {
                    raws.add(d);
                }
            } catch (NumberFormatException e) {
                // Not a JSON number: text only.
            }
            for (Field f : FIELDS) {
                for (Object raw : raws) {
                    ValidationException.Collector errors = new ValidationException.Collector();
                    long t0 = System.nanoTime();
                    Object parsed = Values.parse(f, raw, LocalDate.of(2026, 12, 7), null, errors);
                    slowest = Math.max(slowest, System.nanoTime() - t0);
                    String shown = String.valueOf(raw);
                    shown = shown.length() > 60 ? shown.substring(0, 60) : shown;
                    assertNull(parsed, f.name() + " took " + shown);
                    // Blank is no value, which an optional field may be.
                    assertTrue(errors.has(f.name()) || shown.isBlank(), f.name() + " said nothing of " + shown);
                }
            }
        }
        System.out.println("malformed numbers in the engine: slowest answer " + slowest / 1_000_000.0 + " ms");
    }
}
