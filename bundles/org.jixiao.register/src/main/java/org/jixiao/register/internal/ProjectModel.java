package org.jixiao.register.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;

/**
 * A project's registers with what the engine derives from them once: who names whom (the links that block a
 * deletion or a move), which registers are children of which.
 */
final class ProjectModel {

    /** A live record of {@code from} names a record through {@code column} (a reference field or PARENT_ID). */
    record Link(RegisterDefinition from, String column) {
    }

    final String projectId;
    private final Map<String, RegisterDefinition> registers = new LinkedHashMap<>();
    private final Map<String, List<Link>> incoming = new LinkedHashMap<>();
    private final Map<String, List<RegisterDefinition>> children = new LinkedHashMap<>();

    ProjectModel(KeyProject project) {
        this.projectId = project.id();
        for (RegisterDefinition r : project.registers()) {
            if (registers.put(r.id(), r) != null) {
                throw new IllegalArgumentException(projectId + ": register " + r.id() + " is declared twice");
            }
        }
        for (RegisterDefinition r : registers.values()) {
            incoming.putIfAbsent(r.id(), new ArrayList<>());
            children.putIfAbsent(r.id(), new ArrayList<>());
        }
        for (RegisterDefinition r : registers.values()) {
            for (Field f : r.fields()) {
                if (f.type() == FieldType.REFERENCE) {
                    requireKnown(r, f.target());
                    incoming.get(f.target()).add(new Link(r, f.column()));
                }
            }
            if (r.parent() != null) {
                requireKnown(r, r.parent());
                incoming.get(r.parent()).add(new Link(r, "PARENT_ID"));
                children.get(r.parent()).add(r);
            }
        }
    }

    private void requireKnown(RegisterDefinition r, String target) {
        if (!registers.containsKey(target)) {
            throw new IllegalArgumentException(projectId + ": " + r.id() + " names unknown register " + target);
        }
    }

    /** @throws NotFoundException for a register the project does not declare */
    RegisterDefinition register(String id) {
        RegisterDefinition r = id == null ? null : registers.get(id);
        if (r == null) {
            throw new NotFoundException(projectId + "/" + id);
        }
        return r;
    }

    boolean has(String id) {
        return registers.containsKey(id);
    }

    List<RegisterDefinition> registers() {
        return List.copyOf(registers.values());
    }

    List<Link> incoming(String register) {
        return incoming.getOrDefault(register, List.of());
    }

    List<RegisterDefinition> children(String register) {
        return children.getOrDefault(register, List.of());
    }
}
