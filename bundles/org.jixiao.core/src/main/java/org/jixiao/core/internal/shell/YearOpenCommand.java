package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.PerformanceCycle;

@Command(scope = "jixiao", name = "year-open", description = "Opens a performance year at target setting with"
        + " the default windows; audited as 'console'.")
@Service
public class YearOpenCommand extends JixiaoCommand {

    @Reference
    OrgUnitService orgUnits;

    @Reference
    PerformanceCycle cycle;

    @Argument(index = 0, name = "year", description = "The year, e.g. 2031", required = true)
    String year;

    @Override
    String run() {
        return Console.year(cycle.open(Console.actor(orgUnits.root()), Console.year(year)));
    }
}
