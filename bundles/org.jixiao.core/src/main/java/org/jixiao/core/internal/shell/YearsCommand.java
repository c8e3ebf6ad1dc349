package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.performance.PerformanceCycle;

@Command(scope = "jixiao", name = "years", description = "Lists the performance years, newest first, with the"
        + " step each stands at and that step's window.")
@Service
public class YearsCommand extends JixiaoCommand {

    @Reference
    PerformanceCycle cycle;

    @Override
    String run() {
        return Console.years(cycle.years());
    }
}
