package org.jixiao.project.employment.internal;

/**
 * What the project registry is narrowed to; unknown filter values arrive as null (no filter).
 *
 * @param query a part of the project name
 */
record ProjectFilter(String query, ProjectSector sector, ProjectStage stage, Long countyId) {

    static final ProjectFilter NONE = new ProjectFilter(null, null, null, null);
}
