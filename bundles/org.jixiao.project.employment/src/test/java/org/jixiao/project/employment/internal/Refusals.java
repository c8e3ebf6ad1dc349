package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.LongSupplier;

import org.jixiao.api.ValidationException;

/** A write the engine refuses with nothing written, as the register tests check it. */
final class Refusals {

    private Refusals() {
    }

    /** @return the refusal's errors, by field; fails unless {@code rows} is the same before and after */
    static Map<String, String> refused(LongSupplier rows, Runnable write) {
        long before = rows.getAsLong();
        ValidationException e = assertThrows(ValidationException.class, write::run);
        assertEquals(before, rows.getAsLong(), "nothing written");
        return e.fieldErrors();
    }
}
