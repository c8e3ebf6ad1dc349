package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.performance.PerformanceCycle;

@Command(scope = "jixiao", name = "year-advance", description = "Moves a performance year to its next step;"
        + " audited as 'console'.")
@Service
public class YearAdvanceCommand extends YearCommand {

    @Reference
    PerformanceCycle cycle;

    @Override
    String run(Actor console, int year) {
        return Console.year(cycle.advance(console, year));
    }
}
