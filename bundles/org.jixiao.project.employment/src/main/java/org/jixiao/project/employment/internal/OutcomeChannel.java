package org.jixiao.project.employment.internal;

/** The work item through which a youth was helped into a job (POLICY.md section 3); FAIR is a recruitment fair. */
enum OutcomeChannel {
    DATABASE, TRAINING, INTERNSHIP, MICRO_LOAN, INCUBATION, MENTOR, FAIR, OTHER
}
