package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.project.employment.internal.mentor.MentorRegister;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/** The time nodes of work items 1 to 3 (POLICY.md section 3); the other registers test their own. */
class MilestonesTest extends EmploymentTestBase {

    @Test
    void theDatabaseIsBuiltByMayAndRefreshedInMarchAndSeptember() {
        // Work item 1's own nodes; other work items add theirs after them.
        List<MilestoneDefinition> nodes = project.milestones().stream()
                .filter(m -> m.clause().equals(YouthRegister.CLAUSE)).toList();
        assertEquals(List.of("youth.database.built", "youth.refresh.march", "youth.refresh.september"),
                nodes.stream().map(MilestoneDefinition::id).toList());
        assertEquals(List.of(MonthDay.of(5, 31), MonthDay.of(3, 31), MonthDay.of(9, 30)),
                nodes.stream().map(MilestoneDefinition::due).toList());
        assertTrue(nodes.stream().allMatch(m -> m.clause().equals(YouthRegister.CLAUSE)));
        assertEquals(LocalDate.of(2013, 5, 31), nodes.get(0).dueIn(2013));
    }

    @Test
    void theProjectDatabaseByMayAndTheMentorTeamBySeptemberWithItsYearEndReview() {
        List<MilestoneDefinition> projects = project.milestones().stream()
                .filter(m -> m.clause().equals(ProjectRegister.CLAUSE)).toList();
        assertEquals(List.of("venture.database.built"), projects.stream().map(MilestoneDefinition::id).toList());
        assertEquals(MonthDay.of(5, 31), projects.get(0).due());
        List<MilestoneDefinition> mentors = project.milestones().stream()
                .filter(m -> m.clause().equals(MentorRegister.CLAUSE)).toList();
        assertEquals(List.of("mentors.team.setup", "mentors.review"),
                mentors.stream().map(MilestoneDefinition::id).toList());
        assertEquals(List.of(MonthDay.of(9, 30), MonthDay.of(12, 31)),
                mentors.stream().map(MilestoneDefinition::due).toList());
        // Ids are unique across the project: the core keys a unit's time nodes by them.
        assertEquals(project.milestones().size(),
                project.milestones().stream().map(MilestoneDefinition::id).distinct().count());
    }

    @Test
    void everyNodeHasANameInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            ResourceBundle messages = project.messages(locale);
            for (MilestoneDefinition m : project.milestones()) {
                assertTrue(messages.containsKey(m.nameKey()), m.nameKey() + " in " + locale);
            }
        }
        assertEquals("建成求职创业青年数据库",
                project.messages(Locale.SIMPLIFIED_CHINESE).getString("milestone.youth.database.built"));
        assertEquals("Youth database built",
                project.messages(Locale.ENGLISH).getString("milestone.youth.database.built"));
    }

    /**
     * Issue 11, item 3: the deadlines the policy gives for 2013 only (the two databases by May, the mentor team by
     * September, bases and incubator by the year's end, the YBC station by May) fall due once; no node falls due
     * before the policy was issued on 8 May 2013.
     */
    @Test
    void theDeadlinesOf2013FallDueOnceAndNothingBeforeThePolicy() {
        List<String> once = project.milestones().stream().filter(MilestoneDefinition::oneTime)
                .map(MilestoneDefinition::id).toList();
        assertEquals(List.of("youth.database.built", "venture.database.built", "mentors.team.setup",
                "internship.bases.built", "incubator.built", "ybc.station.setup"), once);
        assertEquals(18, project.milestones().size());
        assertEquals(12, dueIn(2014).size());
        assertEquals(12, dueIn(2020).size());
        // In 2013 the January plan and the March refresh and loan check came before the policy.
        assertEquals(15, dueIn(2013).size());
        assertTrue(dueIn(2013).containsAll(once));
        assertEquals(List.of(), dueIn(2012));
    }

    private List<String> dueIn(int year) {
        return project.milestones().stream().filter(m -> m.fallsDueIn(year)).map(MilestoneDefinition::id).toList();
    }
}
