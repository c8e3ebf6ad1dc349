package org.jixiao.api;

/**
 * What a user may do. Where they may do it is always the subtree of their own org unit: a county user
 * with any role never reaches another county's records.
 */
public enum Role {
    /** Manages org units, users and installed projects within their subtree. */
    ADMIN,
    /** Enters and edits work records within their subtree. */
    STAFF,
    /** Reads records within their subtree. */
    VIEWER,
    /** A city department (學少部, 城工部, 權益部, …): sets the annual targets of the units it is responsible for. */
    TARGET_SETTER,
    /** The Organisation Department (組織部): approves and locks the target table of a year. */
    TARGET_APPROVER,
    /** A member of the assessment team (考核小組): enters team scores, runs and publishes evaluations. */
    ASSESSOR,
    /** The Secretaries' Office (書記室): approves the bonus points or commendations the team proposes. */
    BONUS_APPROVER
}
