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
    VIEWER
}
