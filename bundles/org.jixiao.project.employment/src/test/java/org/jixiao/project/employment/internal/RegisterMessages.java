package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;

/** The messages the engine shows for a register, which both languages must hold. */
final class RegisterMessages {

    private RegisterMessages() {
    }

    /** Title, labels, help texts, choices and page links of {@code register}, plus the hooks' {@code extra} keys. */
    static void assertPresent(EmploymentProject project, String register, String... extra) {
        RegisterDefinition def = project.registers().stream().filter(r -> r.id().equals(register)).findFirst()
                .orElseThrow();
        String p = def.messagePrefix();
        List<String> needed = new ArrayList<>(List.of(p + ".title"));
        needed.addAll(List.of(extra));
        def.pages().forEach(page -> needed.add(page.labelKey()));
        for (Field f : def.fields()) {
            needed.add(p + ".field." + f.name());
            if (f.has(Field.Flag.HELP)) {
                needed.add(p + ".field." + f.name() + ".help");
            }
            if (f.type() == FieldType.CHOICE) {
                f.choices().forEach(c -> needed.add(p + "." + f.name() + "." + c));
            }
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Set<String> keys = PageRender.keys(locale);
            List<String> missing = needed.stream().filter(k -> !keys.contains(k)).toList();
            assertTrue(missing.isEmpty(), locale + " lacks " + missing);
        }
    }
}
