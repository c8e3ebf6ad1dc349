package org.jixiao.core.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnitService;

/**
 * The frame of the commands about one performance year: they take the year as their first argument and act as
 * the console's account of the root unit. Karaf injects the fields of a command's superclasses too.
 */
abstract class YearCommand extends JixiaoCommand {

    @Reference
    OrgUnitService orgUnits;

    @Argument(index = 0, name = "year", description = "The year, e.g. 2031", required = true)
    String year;

    @Override
    final String run() {
        int y = Console.year(year);
        return run(Console.actor(orgUnits.root()), y);
    }

    /** Does the work for {@code year} as {@code console} and returns what to print. */
    abstract String run(Actor console, int year);
}
