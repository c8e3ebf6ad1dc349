package org.jixiao.register.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.register.internal.Lookups;

/**
 * One project's registers as its pages see them: by id, with their children, and what the pages offer an actor.
 * The offers only decide which links and forms a page shows; the service decides what is allowed.
 */
final class Site {

    final KeyProject project;
    final RegisterService service;
    final Lookups lookups;
    private final Map<String, RegisterDefinition> registers = new LinkedHashMap<>();

    Site(KeyProject project, RegisterService service, Lookups lookups) {
        this.project = project;
        this.service = service;
        this.lookups = lookups;
        for (RegisterDefinition d : project.registers()) {
            registers.put(d.id(), d);
        }
    }

    /** The register at this path segment, or null. */
    RegisterDefinition register(String id) {
        return registers.get(id);
    }

    /** The registers a menu names: every one that is not a child of another. */
    List<RegisterDefinition> topLevel() {
        return registers.values().stream().filter(d -> d.parent() == null).toList();
    }

    List<RegisterDefinition> children(RegisterDefinition parent) {
        List<RegisterDefinition> out = new ArrayList<>();
        for (RegisterDefinition d : registers.values()) {
            if (parent.id().equals(d.parent())) {
                out.add(d);
            }
        }
        return out;
    }

    /** What every page of the engine's own beside the registers starts from: its title, the menu, the flash. */
    Map<String, Object> model(WebRequest r, String title) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("title", title);
        model.put("nav", nav(r, null));
        model.put("flash", ListPage.flash(r));
        return model;
    }

    /** The menu of the registers the reader may read, {@code current} (or its parent, for a child) marked. */
    List<Map<String, Object>> nav(WebRequest r, RegisterDefinition current) {
        String marked = current == null ? null : current.parent() == null ? current.id() : current.parent();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegisterDefinition d : topLevel()) {
            if (!reads(r.actor(), d)) {
                continue;
            }
            out.add(Map.of("href", "/" + d.id(), "title", Values.title(r, d), "current", d.id().equals(marked)));
        }
        if (keysAcrossUnits() && r.actor() != null && r.actor().orgUnit().parentId() == null) {
            out.add(Map.of("href", "/" + ConflictPage.PATH, "title", r.message("register.conflicts.title"),
                    "current", current == null));
        }
        return out;
    }

    /** Whether a register keeps its key across units, so refused registrations come to the city as conflicts. */
    boolean keysAcrossUnits() {
        return registers.values().stream().anyMatch(RegisterDefinition::keyAcrossUnits);
    }

    /** {@code /<register>/<id>/files/<field>}, for pages and JSON alike: the file as a download, audited. */
    WebResult download(WebRequest r, RegisterDefinition d, long id, String field) {
        Attachment.Content file = service.attachment(r.actor(), project, d.id(), id, field);
        return WebResult.file(file.attachment().fileName(), file.attachment().contentType(), file.bytes());
    }

    static boolean reads(Actor actor, RegisterDefinition d) {
        return actor != null && (d.readRoles().isEmpty() ? actor.hasAnyRole()
                : d.readRoles().stream().anyMatch(actor::hasRole) || writes(actor, d));
    }

    static boolean writes(Actor actor, RegisterDefinition d) {
        return actor != null && d.writeRoles().stream().anyMatch(actor::hasRole);
    }

    /** Whether the record's state takes edits and deletion. */
    static boolean locked(RegisterDefinition d, String state) {
        return d.workflow() != null && state != null && d.workflow().locked().contains(state);
    }

    /** Whether a step's form is worth showing to the actor for a record in {@code state}. */
    static boolean mayTake(Actor actor, Transition t, String state) {
        return state != null && t.from().contains(state) && actor.hasRole(t.role())
                && (t.level() == null || actor.orgUnit().level() == t.level());
    }
}
