package org.jixiao.project.scholarship.internal;

/** The role the project adds: the Hope Project office (希望办) of a county, or of the city. */
public final class Roles {

    public static final String HOPE_OFFICE = "HOPE_OFFICE";

    private Roles() {
    }
}
