package org.jixiao.project.employment.internal;

/** The sector of an entrepreneurship project; message keys {@code venture.sector.<NAME>}. */
enum ProjectSector {
    AGRICULTURE,
    MANUFACTURING,
    COMMERCE,
    SERVICES,
    TECHNOLOGY,
    CULTURE_TOURISM,
    OTHER
}
