package org.jixiao.core.internal.milestone;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;

/** A key project with three time nodes, like the employment project's database and its two refreshes. */
final class NodesProject implements KeyProject {

    static final String ID = "nodes";
    static final String BUILT = "database.built";
    static final String MARCH = "refresh.march";
    static final String SEPTEMBER = "refresh.september";

    private final String id;
    volatile boolean failing;
    volatile List<MilestoneDefinition> milestones = List.of(
            new MilestoneDefinition(BUILT, "milestone.built", MonthDay.of(5, 31), "附件2 第1项"),
            new MilestoneDefinition(MARCH, "milestone.march", MonthDay.of(3, 31), "附件2 第1项"),
            new MilestoneDefinition(SEPTEMBER, "milestone.september", MonthDay.of(9, 30), "附件2 第1项"));

    NodesProject() {
        this(ID);
    }

    NodesProject(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"project.name", "节点项目"},
                    {"milestone.built", "建成数据库"},
                    {"milestone.march", "三月更新"},
                    {"milestone.september", "九月更新"},
                };
            }
        };
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of();
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        if (failing) {
            throw new IllegalStateException("nodes project is broken");
        }
        return milestones;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return Map.of();
    }

    @Override
    public WebHandler web() {
        return null;
    }
}
