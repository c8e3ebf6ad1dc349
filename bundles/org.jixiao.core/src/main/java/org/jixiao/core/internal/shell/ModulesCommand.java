package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.assessment.EvaluationService;

@Command(scope = "jixiao", name = "modules", description = "Lists the assessment modules installed now: id,"
        + " version and name.")
@Service
public class ModulesCommand extends JixiaoCommand {

    @Reference
    EvaluationService evaluations;

    @Override
    String run() {
        return Console.modules(evaluations.modules(Console.LOCALE));
    }
}
