package org.jixiao.api;

/** Kinds of org unit the policy names (POLICY.md §1, "Organisation"). */
public enum OrgLevel {
    /** 团市委: the city league committee, root of the tree. */
    CITY,
    /** 縣(區)團委: a county or district league committee. */
    COUNTY,
    /** 開發園區(新城)團工委: a development zone or new town league working committee. */
    ZONE,
    /** 市直單位團(工)委: the league committee of a city-level unit. */
    CITY_UNIT,
    /** A department of the city committee (組織部, 學少部, 城工部, 權益部, 書記室). */
    DEPARTMENT;

    /**
     * Whether the policy evaluates units of this level (counties, zones, city-level units); the city and its
     * departments set targets and assess, they are not evaluated.
     *
     * @since 1.2
     */
    public boolean evaluated() {
        return this == COUNTY || this == ZONE || this == CITY_UNIT;
    }
}
