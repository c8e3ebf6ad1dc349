package org.jixiao.addons.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;

@Command(scope = "jixiao", name = "uninstall", description = "Uninstalls a plugin's feature (jixiao:addons names"
        + " them) with --confirm; its tables and records stay and show again once it is installed.")
@Service
public class UninstallCommand extends AddonsCommand {

    @Argument(index = 0, name = "feature", required = true, description = "the plugin's feature")
    String feature;

    @Option(name = "--confirm", description = "uninstall it (without: only say what would be uninstalled)")
    boolean confirm;

    @Override
    String run(Addons addons, Actor console) {
        // The version listed is the installed one, where the features service may know several.
        Addons.Addon a = addons.list(console).stream().filter(x -> x.feature().equals(feature)).findFirst()
                .orElseThrow(() -> new NotFoundException("add-on " + feature));
        String named = a.feature() + " " + a.featureVersion();
        if (!confirm) {
            return named + " (not uninstalled: add --confirm)";
        }
        addons.uninstall(console, a.feature(), a.featureVersion());
        return named + " uninstalled, its data kept";
    }
}
