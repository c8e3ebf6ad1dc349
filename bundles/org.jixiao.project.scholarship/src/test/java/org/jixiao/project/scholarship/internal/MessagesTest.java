package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Transition;
import org.junit.jupiter.api.Test;

/** Every label the engine and the core show for the project is there in both languages. */
class MessagesTest extends ScholarshipTestBase {

    @Test
    void everyRegisterIndicatorRoleAndTimeNodeIsNamedInBothLanguages() {
        List<String> needed = new ArrayList<>(List.of("project.name"));
        project.roles().forEach(r -> needed.add(r.nameKey()));
        project.indicators().forEach(d -> needed.addAll(List.of(d.nameKey(), d.unitKey())));
        project.milestones().forEach(m -> needed.add(m.nameKey()));
        for (RegisterDefinition def : project.registers()) {
            String p = def.messagePrefix();
            needed.add(p + ".title");
            if (def.parent() != null) {
                needed.add(p + ".linked");
            }
            for (Field f : def.fields()) {
                needed.add(p + ".field." + f.name());
                if (f.has(Field.Flag.HELP)) {
                    needed.add(p + ".field." + f.name() + ".help");
                }
                if (f.type() == FieldType.CHOICE) {
                    f.choices().forEach(c -> needed.add(p + "." + f.name() + "." + c));
                }
            }
            if (def.workflow() != null) {
                def.workflow().states().forEach(s -> needed.add(p + ".state." + s));
                def.workflow().transitions().stream().map(Transition::id)
                        .forEach(t -> needed.add(p + ".transition." + t));
            }
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            ResourceBundle m = project.messages(locale);
            assertEquals(List.of(), needed.stream().filter(k -> !m.containsKey(k)).toList(), locale.toString());
        }
    }
}
