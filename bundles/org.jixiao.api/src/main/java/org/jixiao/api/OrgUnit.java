package org.jixiao.api;

/**
 * A node of the org-unit tree. {@code parentId} is null only for the root (the city).
 *
 * @param path ids from the root down to this unit, "/1/4/", so a subtree is a prefix match
 */
public record OrgUnit(long id, Long parentId, String code, String name, OrgLevel level, String path) {

    /** True when {@code other} is this unit or lies below it. */
    public boolean covers(OrgUnit other) {
        return other != null && other.path().startsWith(path);
    }
}
