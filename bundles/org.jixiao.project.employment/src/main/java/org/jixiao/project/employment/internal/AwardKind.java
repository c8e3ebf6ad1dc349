package org.jixiao.project.employment.internal;

/**
 * The selections and contests of work item 13 (POLICY.md section 3): Ten Outstanding Youth, Ten Young
 * Entrepreneurs, Golden Seed entrepreneurship projects; the students' career-planning contest, the young workers'
 * skills contest, the youth entrepreneurship contest; OTHER carries its own name.
 */
enum AwardKind {
    TEN_OUTSTANDING_YOUTH, TEN_YOUNG_ENTREPRENEURS, GOLDEN_SEED, CAREER_PLANNING_CONTEST, YOUNG_WORKERS_SKILLS_CONTEST,
    ENTREPRENEURSHIP_CONTEST, OTHER
}
