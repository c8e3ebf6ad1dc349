package org.jixiao.project.employment.internal;

/** Which of the two registers a youth belongs to; message keys {@code youth.type.<NAME>}. */
enum YouthType {
    /** 求职青年, counted by indicator {@code youth.jobseekers}. */
    JOB_SEEKING,
    /** 创业青年, counted by indicator {@code youth.entrepreneurs}. */
    ENTREPRENEUR
}
