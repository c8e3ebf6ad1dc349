package org.jixiao.project.employment.internal;

/** How far an entrepreneurship project has come; message keys {@code venture.stage.<NAME>}. */
enum ProjectStage {
    IDEA,
    STARTUP,
    OPERATING,
    EXPANDED
}
