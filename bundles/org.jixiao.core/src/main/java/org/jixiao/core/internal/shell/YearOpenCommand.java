package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.performance.PerformanceCycle;

@Command(scope = "jixiao", name = "year-open", description = "Opens a performance year at target setting with"
        + " the default windows; audited as 'console'.")
@Service
public class YearOpenCommand extends YearCommand {

    @Reference
    PerformanceCycle cycle;

    @Override
    String run(Actor console, int year) {
        return Console.year(cycle.open(console, year));
    }
}
