package org.jixiao.project.prevention.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.testing.FixedOrgUnits;

/**
 * The tests' fixed tree with two city-level member units (市直单位) besides: the city police's and the city education
 * bureau's, the departments of the second pairing.
 */
final class CityUnits implements OrgUnitService {

    static final OrgUnit POLICE = new OrgUnit(5, 1L, "sgaj", "市公安局团委", OrgLevel.CITY_UNIT, "/1/5/");
    static final OrgUnit EDUCATION = new OrgUnit(6, 1L, "sjyj", "市教育局团委", OrgLevel.CITY_UNIT, "/1/6/");

    private final FixedOrgUnits fixed = new FixedOrgUnits();

    @Override
    public OrgUnit root() {
        return fixed.root();
    }

    @Override
    public OrgUnit create(Actor actor, OrgUnitDraft draft) {
        return fixed.create(actor, draft);
    }

    @Override
    public OrgUnit update(Actor actor, long id, OrgUnitDraft draft) {
        return fixed.update(actor, id, draft);
    }

    @Override
    public Optional<OrgUnit> find(long id) {
        return fixed.find(id).or(() -> Stream.of(POLICE, EDUCATION).filter(u -> u.id() == id).findFirst());
    }

    @Override
    public List<OrgUnit> subtree(long rootId) {
        return find(rootId).map(root -> Stream.concat(fixed.subtree(fixed.root().id()).stream(),
                Stream.of(POLICE, EDUCATION)).filter(root::covers).toList()).orElse(List.of());
    }
}
