package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.performance.PerformanceCycle;

@Command(scope = "jixiao", name = "year-advance", description = "Moves a performance year to its next step;"
        + " audited as 'console'. Leaving target setting with the targets unapproved needs --reason.")
@Service
public class YearAdvanceCommand extends YearCommand {

    @Reference
    PerformanceCycle cycle;

    @Option(name = "--reason", description = "Why the year moves on although something is missing (audited)")
    String reason;

    @Override
    String run(Actor console, int year) {
        return Console.year(cycle.advance(console, year, reason));
    }
}
