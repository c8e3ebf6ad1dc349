package org.jixiao.project.prevention.internal;

import java.util.List;

import org.jixiao.api.project.ProjectRole;

/**
 * The roles the project adds (POLICY.md section 4): the crime-prevention office (预防办) of a county, or of the city;
 * a member unit of the leading group (成员单位: police, procuratorate, court, justice, education…), which verifies the
 * survey; and the two helpers every key youth is paired with, a professional (专业力量) and a volunteer (志愿者).
 */
public final class Roles {

    public static final String PREVENTION_OFFICE = "PREVENTION_OFFICE";
    public static final String MEMBER_UNIT = "MEMBER_UNIT";
    public static final String PROFESSIONAL = "PROFESSIONAL";
    public static final String VOLUNTEER = "VOLUNTEER";

    static final List<ProjectRole> ALL = List.of(new ProjectRole(PREVENTION_OFFICE, "role.PREVENTION_OFFICE", true),
            new ProjectRole(MEMBER_UNIT, "role.MEMBER_UNIT", true),
            new ProjectRole(PROFESSIONAL, "role.PROFESSIONAL", true),
            new ProjectRole(VOLUNTEER, "role.VOLUNTEER", true));

    private Roles() {
    }
}
