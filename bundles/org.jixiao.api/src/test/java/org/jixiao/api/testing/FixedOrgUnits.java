package org.jixiao.api.testing;

import java.util.List;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;

/** The city with two counties and a department (a unit that is no county); the tree cannot be changed. */
public final class FixedOrgUnits implements OrgUnitService {

    public static final OrgUnit CITY = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    public static final OrgUnit COUNTY_A = new OrgUnit(2, 1L, "a", "甲县团委", OrgLevel.COUNTY, "/1/2/");
    public static final OrgUnit COUNTY_B = new OrgUnit(3, 1L, "b", "乙区团委", OrgLevel.COUNTY, "/1/3/");
    public static final OrgUnit DEPARTMENT = new OrgUnit(4, 1L, "org", "组织部", OrgLevel.DEPARTMENT, "/1/4/");

    private static final List<OrgUnit> ALL = List.of(CITY, COUNTY_A, COUNTY_B, DEPARTMENT);

    @Override
    public OrgUnit root() {
        return CITY;
    }

    @Override
    public OrgUnit create(Actor actor, OrgUnitDraft draft) {
        throw new UnsupportedOperationException("the tree is fixed in tests");
    }

    @Override
    public OrgUnit update(Actor actor, long id, OrgUnitDraft draft) {
        throw new UnsupportedOperationException("the tree is fixed in tests");
    }

    @Override
    public Optional<OrgUnit> find(long id) {
        return ALL.stream().filter(u -> u.id() == id).findFirst();
    }

    @Override
    public List<OrgUnit> subtree(long rootId) {
        return find(rootId).map(root -> ALL.stream().filter(root::covers).toList()).orElse(List.of());
    }
}
