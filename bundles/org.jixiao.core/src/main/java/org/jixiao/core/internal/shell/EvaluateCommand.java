package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.assessment.EvaluationService;

@Command(scope = "jixiao", name = "evaluate", description = "Runs the comprehensive evaluation of a year with its"
        + " pinned module and prints the run id and the ranking; audited as 'console'.")
@Service
public class EvaluateCommand extends YearCommand {

    @Reference
    EvaluationService evaluations;

    @Override
    String run(Actor console, int year) {
        return Console.run(evaluations.run(console, year));
    }
}
