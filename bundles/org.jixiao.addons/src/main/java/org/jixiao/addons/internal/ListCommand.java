package org.jixiao.addons.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;

@Command(scope = "jixiao", name = "addons", description = "Lists the key projects and assessment modules as the"
        + " add-ons page does: feature, version, kind, state, migrations applied, records, the reason of a failure.")
@Service
public class ListCommand extends AddonsCommand {

    @Override
    String run(Addons addons, Actor console) {
        return list(addons.list(console));
    }
}
