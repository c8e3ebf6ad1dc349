package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.project.ProjectRegistry;

@Command(scope = "jixiao", name = "projects", description = "Lists the key projects on this node: id, version,"
        + " state and, for a failed one, what went wrong; first, why they wait when the encryption key is refused.")
@Service
public class ProjectsCommand extends JixiaoCommand {

    @Reference
    ProjectRegistry projects;

    @Reference
    FieldKeyStatus fieldKey;

    @Override
    String run() {
        String problem = fieldKey.problem(Console.LOCALE);
        return (problem == null ? "" : problem + "\n\n") + Console.projects(projects.projects(Console.LOCALE));
    }
}
