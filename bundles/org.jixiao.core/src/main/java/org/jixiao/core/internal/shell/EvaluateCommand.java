package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.EvaluationService;

@Command(scope = "jixiao", name = "evaluate", description = "Runs the comprehensive evaluation of a year with its"
        + " pinned module and prints the run id and the ranking; audited as 'console'.")
@Service
public class EvaluateCommand extends JixiaoCommand {

    @Reference
    OrgUnitService orgUnits;

    @Reference
    EvaluationService evaluations;

    @Argument(index = 0, name = "year", description = "The year, e.g. 2031", required = true)
    String year;

    @Override
    String run() {
        return Console.run(evaluations.run(Console.actor(orgUnits.root()), Console.year(year)));
    }
}
