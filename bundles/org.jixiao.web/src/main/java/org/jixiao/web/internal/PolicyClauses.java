package org.jixiao.web.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy clause an indicator or time node comes from, in the page's language. Key projects name their clauses
 * as the policy prints them ({@code 附件2 第1项}); the forms the policy uses are translated here, and anything else
 * (a clause a user typed for a manual indicator) is shown as it was written.
 */
final class PolicyClauses {

    /** {@code 附件2 第1项}: an item of an annex. */
    private static final Pattern ITEM = Pattern.compile("附件\\s*(\\d+)\\s*第\\s*(\\d+)\\s*项");
    /** {@code 附件2 一、绩效管理目标}: the annex's first part, the performance targets. */
    private static final Pattern TARGETS = Pattern.compile("附件\\s*(\\d+)\\s*一、\\s*绩效管理目标");

    private PolicyClauses() {
    }

    /** Whether the clause is in a form the policy uses, which every page shows in its own language. */
    static boolean translated(String clause) {
        return clause != null && (ITEM.matcher(clause.strip()).matches() || TARGETS.matcher(clause.strip()).matches());
    }

    static String localize(String clause, Messages messages) {
        if (clause == null) {
            return null;
        }
        String c = clause.strip();
        Matcher item = ITEM.matcher(c);
        if (item.matches()) {
            return messages.get("clause.annexItem", item.group(1), item.group(2));
        }
        Matcher targets = TARGETS.matcher(c);
        if (targets.matches()) {
            return messages.get("clause.annexTargets", targets.group(1));
        }
        return clause;
    }
}
