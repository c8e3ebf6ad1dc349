package org.jixiao.api.performance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class MilestoneDefinitionTest {

    private static final LocalDate ISSUED = LocalDate.of(2013, 5, 8);

    @Test
    void aYearlyNodeFallsDueEveryYearFromTheDayItsPolicyWasIssued() {
        MilestoneDefinition march = new MilestoneDefinition("refresh.march", "k", MonthDay.of(3, 31), "c")
                .from(ISSUED);
        assertFalse(march.fallsDueIn(2013), "31 March 2013 came before the policy");
        assertTrue(march.fallsDueIn(2014));
        assertTrue(march.fallsDueIn(2030));
        assertTrue(new MilestoneDefinition("x", "k", MonthDay.of(1, 1), "c").fallsDueIn(1999), "no limit");
    }

    /** Issue 11, item 3: the 2013-only deadlines fell due again every year. */
    @Test
    void aOneTimeNodeFallsDueOnceInTheYearItNames() {
        MilestoneDefinition built = new MilestoneDefinition("db.built", "k", MonthDay.of(5, 31), "c").from(ISSUED)
                .once();
        assertTrue(built.fallsDueIn(2013));
        assertFalse(built.fallsDueIn(2014));
        assertFalse(built.fallsDueIn(2012));
        // A one-time day before the policy's in its first year falls due the year after, once.
        MilestoneDefinition early = new MilestoneDefinition("e", "k", MonthDay.of(3, 1), "c").from(ISSUED).once();
        assertFalse(early.fallsDueIn(2013));
        assertTrue(early.fallsDueIn(2014));
        assertFalse(early.fallsDueIn(2015));
        assertThrows(IllegalArgumentException.class,
                () -> new MilestoneDefinition("y", "k", MonthDay.of(5, 31), "c").once());
    }
}
