package org.jixiao.project.employment.internal;

import java.math.BigDecimal;

import org.jixiao.project.employment.internal.mentor.MentorTeam;

/**
 * What is left of the mentor team's service now that the register engine keeps its records: the share rule the
 * internship register (not yet on the engine) shares. It goes with that register's port.
 */
final class MentorService {

    private MentorService() {
    }

    static BigDecimal percent(long part, long whole) {
        return MentorTeam.percent(part, whole);
    }
}
