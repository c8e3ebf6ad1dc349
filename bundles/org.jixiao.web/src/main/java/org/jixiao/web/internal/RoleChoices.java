package org.jixiao.web.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectRole;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;

/**
 * The key projects' roles an admin may grant on the users pages, grouped under each active project's name and named
 * from its own messages. The core grants exactly these (see UserServiceImpl), so the pages offer nothing it refuses.
 */
final class RoleChoices {

    private static final System.Logger LOG = System.getLogger(RoleChoices.class.getName());

    /** A project's role as a checkbox shows it. Public, as the templates can only call public classes' methods. */
    public record Choice(String id, String name, String projectName) {
    }

    public record Group(String projectId, String projectName, List<Choice> roles) {
    }

    private final List<Group> groups;
    private final Map<String, Choice> byId = new LinkedHashMap<>();

    private RoleChoices(List<Group> groups) {
        this.groups = List.copyOf(groups);
        for (Group g : groups) {
            g.roles().forEach(c -> byId.putIfAbsent(c.id(), c));
        }
    }

    static RoleChoices of(ProjectRegistry projects, Locale locale) {
        List<Group> groups = new ArrayList<>();
        for (ProjectStatus status : projects.projects(locale)) {
            if (status.state() != ProjectState.ACTIVE) {
                continue;
            }
            KeyProject project = projects.active(status.id()).orElse(null);
            List<Choice> choices = project == null ? List.of() : choices(project, status.name(), locale);
            if (!choices.isEmpty()) {
                groups.add(new Group(status.id(), status.name(), choices));
            }
        }
        return new RoleChoices(groups);
    }

    private static List<Choice> choices(KeyProject project, String projectName, Locale locale) {
        List<ProjectRole> roles;
        try {
            roles = project.roles();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Key project " + project.id() + " cannot list its roles", e);
            return List.of();
        }
        ResourceBundle messages = PageServlet.safeMessages(project, locale);
        List<Choice> out = new ArrayList<>();
        for (ProjectRole role : roles) {
            // Spelt like a core role it would be stored as that role; the core refuses it, so it is not offered.
            if (PageServlet.enumOrNull(Role.class, role.id()) != null) {
                continue;
            }
            String name = messages != null && messages.containsKey(role.nameKey())
                    ? messages.getString(role.nameKey()) : role.id();
            out.add(new Choice(role.id(), name, projectName));
        }
        return out;
    }

    List<Group> groups() {
        return groups;
    }

    /** The choices by role id, for naming the grants users hold. */
    Map<String, Choice> byId() {
        return byId;
    }

    /** Those of {@code grants} that no active project declares: held while their project is away, sorted. */
    List<String> away(Collection<String> grants) {
        Set<String> away = new TreeSet<>(grants);
        away.removeAll(byId.keySet());
        return List.copyOf(away);
    }
}
