package org.jixiao.addons.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;

/**
 * The frame of the {@code jixiao:addons}, {@code jixiao:install} and {@code jixiao:uninstall} commands: the console
 * acts as an admin of the node's root unit (user id 0, "console", as the core's commands), in the product's language;
 * a refusal is printed as one line, as on the page, and makes {@code bin/client} exit non-zero.
 */
abstract class AddonsCommand implements Action {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Reference
    AddonsProject project;

    @Reference
    OrgUnitService orgUnits;

    @Override
    public final Object execute() throws Exception {
        Actor console = new Actor(0, "console", Set.of(Role.ADMIN), orgUnits.root(), LOCALE);
        String out;
        try {
            out = run(project.addons(), console);
        } catch (Refusal r) {
            throw new CommandException(text(project.messages(LOCALE), r));
        } catch (ValidationException | AccessDeniedException | NotFoundException e) {
            throw new CommandException(e.getMessage());
        }
        System.out.print(out.endsWith("\n") ? out : out + "\n");
        System.out.flush();
        return null;
    }

    abstract String run(Addons addons, Actor console) throws Exception;

    static String text(ResourceBundle messages, Refusal r) {
        return new MessageFormat(messages.getString(r.key()), LOCALE).format(r.args());
    }

    /** One line per plugin: feature, version, kind, state (with the reason of a failure), migrations, records. */
    static String list(List<Addons.Addon> addons) {
        StringBuilder out = new StringBuilder();
        for (Addons.Addon a : addons) {
            out.append(String.join("\t", a.feature(), a.version(), a.kind(), a.state().name(),
                    a.migrations().isEmpty() ? "-" : MigrationPlan.versions(a.migrations().stream()
                            .map(m -> m.version()).toList()),
                    String.valueOf(a.records()), a.problem() == null ? "" : a.problem()).strip()).append('\n');
        }
        return out.toString();
    }

    /** What installing the archive would change, as the preview page shows it. */
    static String preview(Addons.Pending p) {
        StringBuilder out = new StringBuilder("sha256 ").append(p.verified().sha256()).append("\nsigned by ")
                .append(p.verified().signer()).append('\n');
        p.kar().features().forEach(f -> out.append("feature ").append(f.name()).append(' ').append(f.version())
                .append('\n'));
        p.kar().bundles().forEach(b -> out.append("bundle ").append(b.symbolicName()).append(' ')
                .append(b.version()).append(b.roles().isEmpty() ? "" : " roles " + b.roles().keySet())
                .append(b.tables().isEmpty() ? "" : " tables " + b.tables()).append('\n'));
        for (MigrationPlan.Owner o : p.plan().owners()) {
            out.append("migrations of ").append(o.owner()).append(": run ")
                    .append(o.toRun().isEmpty() ? "-" : o.toRun().stream()
                            .map(m -> (m.baseline() ? "B" : "V") + m.version()).collect(Collectors.joining(", ")))
                    .append(", applied ").append(o.applied().isEmpty() ? "-" : MigrationPlan.versions(o.applied()))
                    .append(o.unknown().isEmpty() ? "" : ", missing " + MigrationPlan.versions(o.unknown()))
                    .append(o.lacking().isEmpty() ? "" : ", lacking " + MigrationPlan.versions(o.lacking()))
                    .append('\n');
        }
        return out.toString();
    }
}
