package org.jixiao.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;

@Command(scope = "jixiao", name = "score", description = "Prints a unit's total, rank and parts in the latest"
        + " evaluation run of a year.")
@Service
public class ScoreCommand extends YearCommand {

    @Reference
    EvaluationService evaluations;

    @Argument(index = 1, name = "orgUnitCode", description = "The unit's code, as under org units", required = true)
    String code;

    @Override
    String run(Actor console, int y) {
        OrgUnit unit = Console.unitByCode(orgUnits.subtree(console.orgUnit().id()), code)
                .orElseThrow(() -> new NotFoundException("orgUnit:" + code));
        List<EvaluationRun> runs = evaluations.runs(console, y);
        if (runs.isEmpty()) {
            throw new NotFoundException("no evaluation run of " + y);
        }
        String out = Console.score(Console.latest(runs), unit);
        if (out == null) {
            throw new NotFoundException("orgUnit:" + unit.code() + " is not evaluated in run " + runs.get(0).id());
        }
        return out;
    }
}
