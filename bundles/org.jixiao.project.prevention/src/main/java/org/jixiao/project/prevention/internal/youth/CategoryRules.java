package org.jixiao.project.prevention.internal.youth;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/**
 * The city department a category names for the second pairing is a city-level member unit (市直单位) of the tree,
 * named by its code: the code is what routes the category's youth to that unit's member-unit users.
 */
final class CategoryRules implements RegisterHooks {

    private final OrgUnitService orgUnits;

    CategoryRules(OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
    }

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) {
        if (change.values().get("cityUnit") instanceof String code && !errors.has("cityUnit")
                && orgUnits.subtree(orgUnits.root().id()).stream()
                        .noneMatch(u -> u.level() == OrgLevel.CITY_UNIT && u.code().equals(code))) {
            errors.add("cityUnit", "category.cityUnit.unknown");
        }
    }
}
