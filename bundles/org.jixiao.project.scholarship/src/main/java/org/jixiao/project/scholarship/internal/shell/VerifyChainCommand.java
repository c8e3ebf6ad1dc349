package org.jixiao.project.scholarship.internal.shell;

import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.project.KeyProject;
import org.jixiao.project.scholarship.internal.ScholarshipProject;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;

/** {@code jixiao:verify-chain scholarship}: checks the whole decision chain and names the first broken entry. */
@Command(scope = "jixiao", name = "verify-chain", description = "Checks a key project's hash-chained decision log"
        + " and names the first broken entry.")
@Service
public class VerifyChainCommand implements Action {

    @Argument(index = 0, name = "project", description = "the key project (scholarship)", required = true)
    String project;

    @Reference
    ScholarshipProject scholarship;

    @Override
    public Object execute() {
        ResourceBundle m = ((KeyProject) scholarship).messages(Locale.getDefault());
        if (!ScholarshipProject.ID.equals(project)) {
            return java.text.MessageFormat.format(m.getString("chain.console.unknown"), project);
        }
        return report(scholarship.verifyChain(), m);
    }

    /** The check in words: intact with its head, or the first broken entry and the first record that disagrees. */
    public static String report(DecisionChain.Verification v, ResourceBundle m) {
        if (v.intact()) {
            return java.text.MessageFormat.format(m.getString("chain.console.intact"), v.entries(), v.head());
        }
        StringBuilder out = new StringBuilder();
        if (v.brokenSeq() != null) {
            out.append(java.text.MessageFormat.format(m.getString("chain.console.broken"), v.brokenSeq()));
        }
        if (v.brokenRecord() != null) {
            out.append(out.length() == 0 ? "" : "\n").append(java.text.MessageFormat.format(
                    m.getString("chain.console.record"), v.brokenRecord()));
        }
        return out.toString();
    }
}
