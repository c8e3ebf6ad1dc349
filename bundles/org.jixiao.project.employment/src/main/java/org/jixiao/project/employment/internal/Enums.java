package org.jixiao.project.employment.internal;

import java.util.Locale;
import java.util.Optional;

/** Lenient enum parsing: what a form or a JSON client sent never becomes an exception. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
