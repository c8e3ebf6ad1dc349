package org.jixiao.api;

/** What an admin submits to create or change an org unit. */
public record OrgUnitDraft(Long parentId, String code, String name, OrgLevel level) {
}
