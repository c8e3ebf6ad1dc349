package org.jixiao.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;

/** The labels the core and the register engine show for a key project, for its messages test. */
public final class ProjectMessages {

    private ProjectMessages() {
    }

    /** The keys the project's messages lack in {@code locale}: none, when every label is there. */
    public static List<String> missing(KeyProject project, Locale locale) {
        ResourceBundle m = project.messages(locale);
        return needed(project).stream().filter(k -> !m.containsKey(k)).toList();
    }

    /**
     * The project's name, its roles, indicators (name and unit) and time nodes; each register's title, fields (help
     * and choices included), states, steps and pages, and the refusal {@code <prefix>.linked} of a register whose
     * records name others (a child, or one with a reference), which a deletion of the named record shows.
     */
    public static List<String> needed(KeyProject project) {
        List<String> needed = new ArrayList<>(List.of("project.name"));
        project.roles().forEach(r -> needed.add(r.nameKey()));
        project.indicators().forEach(d -> needed.addAll(List.of(d.nameKey(), d.unitKey())));
        project.milestones().forEach(ms -> needed.add(ms.nameKey()));
        for (RegisterDefinition def : project.registers()) {
            String p = def.messagePrefix();
            needed.add(p + ".title");
            if (def.parent() != null || def.fields().stream().anyMatch(f -> f.type() == FieldType.REFERENCE)) {
                needed.add(p + ".linked");
            }
            for (Field f : def.fields()) {
                needed.add(p + ".field." + f.name());
                if (f.has(Field.Flag.HELP)) {
                    needed.add(p + ".field." + f.name() + ".help");
                }
                if (f.type() == FieldType.CHOICE || f.type() == FieldType.MULTI_CHOICE) {
                    f.choices().forEach(c -> needed.add(p + "." + f.name() + "." + c));
                }
            }
            if (def.workflow() != null) {
                def.workflow().states().forEach(s -> needed.add(p + ".state." + s));
                def.workflow().transitions().forEach(t -> needed.add(p + ".transition." + t.id()));
            }
            def.pages().forEach(link -> needed.add(link.labelKey()));
        }
        return needed;
    }
}
