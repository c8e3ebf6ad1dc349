package org.jixiao.federation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.federation.internal.FederationNode;

@Command(scope = "jixiao", name = "sync-status", description = "Where replication between county nodes and the city"
        + " stands: a county's backlog and its age; at the city, per county, the last change, its lag, and how many"
        + " were applied, skipped as duplicates or refused.")
@Service
public class SyncStatusCommand implements Action {

    /** Optional: on a node without etc/org.jixiao.federation.cfg the command says so instead of vanishing. */
    @Reference(optional = true)
    FederationNode node;

    @Override
    public Object execute() {
        System.out.println(node == null ? "not a federated node: no etc/org.jixiao.federation.cfg"
                : String.join("\n", node.status().lines()));
        System.out.flush();
        return null;
    }
}
