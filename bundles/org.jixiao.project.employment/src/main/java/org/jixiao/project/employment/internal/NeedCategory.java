package org.jixiao.project.employment.internal;

/**
 * What help a youth asks for, matching the later work items of the project (training, internships, referral,
 * micro-loans, mentors, incubation); message keys {@code youth.need.<NAME>}.
 */
enum NeedCategory {
    TRAINING,
    INTERNSHIP,
    JOB_REFERRAL,
    LOAN,
    MENTOR,
    INCUBATION
}
