package org.jixiao.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.EvaluationService;

@Command(scope = "jixiao", name = "score", description = "Prints a unit's total, rank and parts in the latest"
        + " evaluation run of a year.")
@Service
public class ScoreCommand extends JixiaoCommand {

    @Reference
    OrgUnitService orgUnits;

    @Reference
    EvaluationService evaluations;

    @Argument(index = 0, name = "year", description = "The year, e.g. 2031", required = true)
    String year;

    @Argument(index = 1, name = "orgUnitCode", description = "The unit's code, as under org units", required = true)
    String code;

    @Override
    String run() {
        int y = Console.year(year);
        OrgUnit root = orgUnits.root();
        OrgUnit unit = Console.unitByCode(orgUnits.subtree(root.id()), code)
                .orElseThrow(() -> new NotFoundException("orgUnit:" + code));
        List<EvaluationRun> runs = evaluations.runs(Console.actor(root), y);
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
