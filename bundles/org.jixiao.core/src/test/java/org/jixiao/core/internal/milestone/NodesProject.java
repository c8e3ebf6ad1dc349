package org.jixiao.core.internal.milestone;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.core.internal.testing.StubProject;

/** A key project with three time nodes, like the employment project's database and its two refreshes. */
final class NodesProject extends StubProject {

    static final String ID = "nodes";
    static final String BUILT = "database.built";
    static final String MARCH = "refresh.march";
    static final String SEPTEMBER = "refresh.september";

    NodesProject() {
        this(ID);
    }

    NodesProject(String id) {
        super(id, Map.of(
                "project.name", "节点项目",
                "milestone.built", "建成数据库",
                "milestone.march", "三月更新",
                "milestone.september", "九月更新"),
                List.of());
        milestones = List.of(
                new MilestoneDefinition(BUILT, "milestone.built", MonthDay.of(5, 31), "附件2 第1项"),
                new MilestoneDefinition(MARCH, "milestone.march", MonthDay.of(3, 31), "附件2 第1项"),
                new MilestoneDefinition(SEPTEMBER, "milestone.september", MonthDay.of(9, 30), "附件2 第1项"));
    }
}
